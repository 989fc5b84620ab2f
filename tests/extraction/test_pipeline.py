import datetime as dt
import json
import time
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from articles.extraction.pipeline import candidate_to_json, extract
from articles.extraction.types import Candidate

SEED_ARTICLES = Path(__file__).resolve().parents[2] / "seeds" / "articles.jsonl"
PUBLISHED = dt.date(2025, 9, 24)
NEWS = (
    "Russian Foreign Minister Sergei Lavrov met US Secretary of State Marco Rubio in New York on Wednesday.\n"
    "Lavrov said on Tuesday that Moscow was ready for talks. The UN Security Council met on Monday.\n"
)
PROMPT_SECONDS = 20.0  # generous: CI machines are shared


def assert_well_formed(text: str, found: list[Candidate]) -> None:
    for candidate in found:
        assert 0 <= candidate.evidence_start < candidate.evidence_end <= len(text)
        assert candidate.evidence_text == text[candidate.evidence_start : candidate.evidence_end]
        assert 0.0 <= candidate.confidence <= 1.0
    assert [c.evidence_start for c in found] == sorted(c.evidence_start for c in found)


def test_the_same_input_gives_the_same_output() -> None:
    assert extract(NEWS, published=PUBLISHED) == extract(NEWS, published=PUBLISHED)


def test_seed_articles_give_stable_well_formed_candidates() -> None:
    for line in SEED_ARTICLES.read_text("utf-8").splitlines():
        article = json.loads(line)
        published = dt.date.fromisoformat(article["published"])
        first = extract(article["text"], published=published)
        assert first == extract(article["text"], published=published)
        assert_well_formed(article["text"], first)


def test_the_text_is_not_changed_and_offsets_index_it() -> None:
    text = "  \r\n" + NEWS.replace("\n", "\r\n\u00a0 ") + "\nShare this\n"
    found = extract(text, published=PUBLISHED)
    assert found
    assert_well_formed(text, found)


def returns_promptly(text: str, published: dt.date | None = PUBLISHED) -> list[Candidate]:
    started = time.monotonic()
    found = extract(text, published=published)
    assert time.monotonic() - started < PROMPT_SECONDS
    assert_well_formed(text, found)
    return found


def test_empty_and_blank_text_give_nothing() -> None:
    assert returns_promptly("") == []
    assert returns_promptly(" \n\t\n") == []


def test_a_five_megabyte_article_returns_promptly() -> None:
    paragraph = NEWS + "Analysts said the talks were a signal of change in the region.\n"
    text = paragraph * (5_000_000 // len(paragraph))
    found = returns_promptly(text)
    assert len(found) <= 10  # repeated paragraphs are read once


def test_a_long_run_of_demonyms_returns_promptly() -> None:
    # each demonym reads the list after it: unbounded, that was quadratic
    returns_promptly("Russian and " * 20_000 + "foreign ministers met.")


def test_a_sentence_listing_thousands_of_dates_returns_promptly() -> None:
    # every date compared with every other, to keep the narrowest, was quadratic
    dates = "on Monday, in 2020, in March 2021 and " * 5_000
    returns_promptly(f"Sergey Lavrov met Antony Blinken {dates}in Geneva.")


def test_binary_junk_returns_promptly() -> None:
    junk = bytes(range(256)).decode("latin-1") * 2000
    returns_promptly(junk)


def test_mixed_encodings_return_promptly() -> None:
    mojibake = NEWS.encode("utf-8").decode("latin-1") + "Zelens\udcc3\udcbfkyy met Erdo\u011fan on Monday."
    returns_promptly(mojibake)


def test_a_non_english_article_gives_nothing_harmful() -> None:
    text = "Der russische Außenminister Sergej Lawrow traf am Montag in New York den US-Außenminister."
    returns_promptly(text)


def test_an_impossible_date_is_not_a_date() -> None:
    found = returns_promptly("Sergey Lavrov met Marco Rubio on February 30.")
    assert all(
        c.date is None or c.date.value is None or c.date.value.start.month != 2 or c.date.value.start.day <= 29
        for c in found
    )


def test_no_publication_date_is_fine() -> None:
    returns_promptly(NEWS, published=None)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=600), st.sampled_from([None, PUBLISHED]))
def test_any_text_gives_valid_offsets_and_no_exception(text: str, published: dt.date | None) -> None:
    assert_well_formed(text, extract(text, published=published))


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.sampled_from([*NEWS.split(". "), "Share this", "", "Putin", "on Monday", "\u201c", '"']), max_size=20)
)
def test_newsy_fragments_give_valid_offsets(fragments: list[str]) -> None:
    text = "\n".join(fragments)
    assert_well_formed(text, extract(text, published=PUBLISHED))


def test_candidate_json_has_the_scorers_keys() -> None:
    (candidate, *_) = extract(NEWS, published=PUBLISHED)
    row = candidate_to_json("a1", candidate)
    assert row["article_id"] == "a1"
    assert row["date"] == "2025-09-24"
    assert row["type"] == "CONSULT"
    assert row["actors"] == ["Sergey Lavrov", "Marco Rubio"]
    assert row["location"] == "New York"
    assert NEWS[row["evidence"]["start"] : row["evidence"]["end"]] == candidate.evidence_text
    assert set(row) >= {"summary", "confidence", "date_text", "date_explanation", "fingerprint"}
    json.dumps(row)
