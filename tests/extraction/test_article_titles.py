"""The title an article gets when it arrives without one."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from articles.extraction.describe import TITLE_MAX_CHARS, title_of

MEETING = "Russian Foreign Minister Sergei Lavrov met US Secretary of State Marco Rubio in New York on Wednesday."
FOLLOW_UP = "The two ministers discussed the war in Ukraine, the State Department said."
LONG_SENTENCE = (
    "Russian Foreign Minister Sergei Lavrov met US Secretary of State Marco Rubio on the sidelines of the "
    "United Nations General Assembly in New York on Wednesday, the first meeting between them since February."
)
WORDS = st.lists(st.text("abcdefghij", min_size=1, max_size=30), min_size=1, max_size=40).map(" ".join)


def test_a_headline_on_its_own_line_is_the_title() -> None:
    assert title_of(f"Lavrov meets Rubio\n{MEETING} {FOLLOW_UP}") == "Lavrov meets Rubio"


def test_without_a_headline_the_first_sentence_is_the_title() -> None:
    assert title_of(f"{MEETING} {FOLLOW_UP}\n{FOLLOW_UP}") == MEETING


def test_a_long_first_sentence_is_cut_after_a_whole_word_with_an_ellipsis() -> None:
    assert title_of(LONG_SENTENCE) == (
        "Russian Foreign Minister Sergei Lavrov met US Secretary of State Marco Rubio on the sidelines of the "
        "United Nations\u2026"
    )


def test_one_unspaced_word_longer_than_a_title_is_cut_to_the_title_length() -> None:
    assert title_of("x" * 300) == "x" * (TITLE_MAX_CHARS - 1) + "\u2026"


@given(text=WORDS)
def test_a_title_fits_and_ends_with_a_whole_word_of_the_text(text: str) -> None:
    title = title_of(text)
    kept = title.removesuffix("\u2026")
    assert len(title) <= TITLE_MAX_CHARS
    assert text.startswith(kept)
    assert text[len(kept) : len(kept) + 1] in ("", " ")
