from hypothesis import given, settings
from hypothesis import strategies as st

from articles.extraction.cleaning import clean_text, readable_paragraphs

ARTICLE = """Russia and Ukraine held talks in Istanbul on Monday.\r
\r
The talks   lasted two\u00a0hours.

Russia and Ukraine held talks in Istanbul on Monday.
Share this
Analysts expect more rounds.
Both delegations will report to their capitals.
Related Posts
Ten things to know about the summit
© 2025 Example News. All rights reserved."""


def test_plain_text_is_normalized_deduplicated_and_stripped_of_trailing_junk() -> None:
    assert clean_text(ARTICLE, "text/plain") == (
        "Russia and Ukraine held talks in Istanbul on Monday.\n"
        "The talks lasted two hours.\n"
        "Analysts expect more rounds.\n"
        "Both delegations will report to their capitals."
    )


def test_cleaning_is_idempotent_on_an_article() -> None:
    once = clean_text(ARTICLE, "text/plain")
    assert clean_text(once, "text/plain") == once


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_cleaning_is_idempotent_on_any_text(raw: str) -> None:
    once = clean_text(raw, "text/plain")
    assert clean_text(once, "text/plain") == once


def test_html_gives_its_main_text() -> None:
    html = (
        "<html><head><title>t</title><script>var x = 1;</script></head><body>"
        "<nav>Home | World</nav><article><h1>Lavrov meets Rubio</h1>"
        "<p>Russian Foreign Minister Sergey Lavrov met US Secretary of State Marco Rubio on Wednesday "
        "on the sidelines of the UN General Assembly in New York, the Russian foreign ministry said.</p>"
        "<p>The two discussed Ukraine and bilateral relations for about an hour, officials said.</p>"
        "</article><footer>© 2025 Example</footer></body></html>"
    )
    text = clean_text(html, "text/html")
    assert "Sergey Lavrov met US Secretary of State Marco Rubio" in text
    assert "var x" not in text
    assert "©" not in text


def test_html_that_trafilatura_rejects_falls_back_to_its_text() -> None:
    assert clean_text("<p>Short note.</p>", "text/html") == "Short note."


def test_markdown_loses_its_markup() -> None:
    markdown = "# Talks resume\n\n**Lavrov** met [Rubio](https://example.org) in *New York*.\n\n- Second point"
    assert clean_text(markdown, "text/markdown") == "Talks resume\nLavrov met Rubio in New York.\nSecond point"


def test_readable_paragraphs_point_into_the_text_as_given() -> None:
    spans = readable_paragraphs(ARTICLE)
    lines = [ARTICLE[start:end].strip() for start, end in spans]
    assert lines == [
        "Russia and Ukraine held talks in Istanbul on Monday.",
        "The talks   lasted two\u00a0hours.",
        "Analysts expect more rounds.",
        "Both delegations will report to their capitals.",
    ]


def test_a_trailer_word_near_the_top_does_not_cut_the_article() -> None:
    text = "Comments\nThe minister said on Monday that talks would resume.\nA second paragraph.\nA third."
    assert "talks would resume" in clean_text(text, "text/plain")


def test_photo_captions_are_furniture_but_a_sentence_naming_a_photo_is_not() -> None:
    text = (
        "Dayan Jayatilleka speaks in Geneva, Wednesday, May 27, 2009. (AP Photo/Keystone, Salvatore Di Nolfi)\n"
        "[Photo caption: John Kerry and Carl Bildt arrive for the meeting in Kiruna.]\n"
        "The council rejected calls for an inquiry on Wednesday.\n"
        "The minister showed a photo of the site (taken in May) to reporters."
    )
    assert clean_text(text, "text/plain") == (
        "The council rejected calls for an inquiry on Wednesday.\n"
        "The minister showed a photo of the site (taken in May) to reporters."
    )
