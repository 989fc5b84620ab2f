"""Properties of the date tagger that hold for any text at all."""

from __future__ import annotations

import datetime as dt
import time

from hypothesis import given, settings
from hypothesis import strategies as st

from articles.extraction.dates import find_dates

NEWS_WORDS = st.sampled_from(
    [
        "March", "May", "Feb.", "Sept", "Monday", "Friday", "today", "yesterday", "last", "next", "this",
        "week", "year", "month", "ago", "the", "same", "day", "in", "since", "2022", "1962", "24", "25",
        "30", "31", "and", "-", "\u2013", ",", ".", '"', "\u201c", "\u201d", "'", "said", "will", "mid",
        "early", "1960s", "'82", "7/8/07", "2023-02-29", "sixty", "years", "\n",
    ]
)  # fmt: skip
NEWSLIKE_TEXT = st.lists(NEWS_WORDS, max_size=40).map(" ".join)
ANY_TEXT = st.one_of(st.text(max_size=300), NEWSLIKE_TEXT)
PUBLICATION = st.one_of(st.none(), st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))


@settings(max_examples=400, deadline=None)
@given(text=ANY_TEXT, published=PUBLICATION)
def test_any_text_gives_valid_sorted_mentions_that_quote_the_text(text: str, published: dt.date | None) -> None:
    mentions = find_dates(text, published)
    previous_end = 0
    for mention in mentions:
        assert previous_end <= mention.start < mention.end <= len(text)
        assert text[mention.start : mention.end] == mention.text
        assert mention.explanation
        if mention.value is not None:
            assert mention.value.start <= mention.value.end
            mention.value.as_json()
        previous_end = mention.end


@settings(max_examples=200, deadline=None)
@given(text=NEWSLIKE_TEXT, published=st.sampled_from([dt.date.min, dt.date.max, dt.date(2000, 2, 29)]))
def test_publication_at_the_ends_of_the_calendar_gives_no_exception(text: str, published: dt.date) -> None:
    for mention in find_dates(text, published):
        assert text[mention.start : mention.end] == mention.text


def test_five_megabytes_of_news_is_tagged_promptly() -> None:
    paragraph = (
        "On Monday, March 3, 2025, Lavrov said talks may resume next week. The ministers, who spoke to "
        "reporters after a long session, said that 2,000 troops had been moved and that further steps "
        "would depend on the answer of the other side, which is expected in the coming days or weeks. "
    )
    text = paragraph * (5_000_000 // len(paragraph))
    started = time.perf_counter()
    mentions = find_dates(text, dt.date(2025, 3, 5))
    assert len(mentions) == 2 * (5_000_000 // len(paragraph))
    assert time.perf_counter() - started < 20


def test_binary_junk_gives_no_exception() -> None:
    junk = bytes(range(256)).decode("latin-1") * 200
    find_dates(junk, dt.date(2025, 3, 5))
