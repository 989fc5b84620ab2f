"""Article text in, event candidates out: the engine's one entry point."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from functools import cache
from typing import Any, Protocol, TypeVar

from articles.extraction.actors import ActorMatcher, FoundActor, load_starter_actors
from articles.extraction.cleaning import readable_paragraphs
from articles.extraction.dates import find_dates
from articles.extraction.events import (
    LEDE_SENTENCES,
    SentenceContext,
    is_news_day,
    names_a_thing,
    sentence_candidates,
)
from articles.extraction.sentences import split_sentences
from articles.extraction.types import Candidate, DateMention, DateValue

# A line this short without closing punctuation is a headline, caption or label.
HEADLINE_MAX_WORDS = 25
# "UNITED NATIONS, 12 April -- The Council today failed...": a dateline's day is the news day,
# and "today" of a text written overnight says only when it was published.
_DATELINE_DASH = re.compile(r",?\s*(?:--|\u2014|\u2013|-)\s")
_DATELINE_MAX_OFFSET = 60
# "BEIJING —", "NEW DELHI (AP) —", "WASHINGTON, May 16 (Xinhua) --", "KIRUNA, Sweden, May 15, 2013 (AFP) -",
# "NEW DELHI, Feb 21:", "UNITED NATIONS, 12 April --": where the story itself starts.
_DATELINE_PLACE_OR_DAY = r",\s+(?:[A-Z][A-Za-z.]{1,20}(?:\s+\d{1,2})?|\d{1,2}\s+[A-Z][a-z]+)"
_DATELINE = re.compile(
    rf"[A-Z][A-Z/.' -]{{1,40}}(?:\s*\([^)]{{1,30}}\))?(?:{_DATELINE_PLACE_OR_DAY}){{0,2}}(?:,\s+\d{{4}})?"
    r"(?:\s*\([^)]{1,30}\))?\s*(?:--|\u2014|\u2013|-|:)\s"
)
# What may stand around the day of a post stamp: "Sat 13 Nov 2021 21.18 GMT", "12:05 ET, March 3".
_STAMP_EDGE = re.compile(
    r"[\s,|-]*(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s*)?"
    r"(?P<time>\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:GMT|UTC|BST|CET|CEST|EST|EDT|ET)?)?[\s,|-]*"
)
# A live page's post stamp that gives only the time: "11:41 pm", "21:18 GMT".
_TIME_OF_DAY = re.compile(r"\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:GMT|UTC|BST|CET|CEST|EST|EDT|ET|local)?\s*")
# "The talks came after the US imposed sanctions on Friday": a flashback whose date is not
# the narrative's, so the sentences that follow keep the date they had.
_FLASHBACK = re.compile(r"\b(?:came|comes|come|followed|follows)\s+(?:[\w-]+\s+){0,2}(?:after|on the heels of)\b")


class _Located(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


LocatedT = TypeVar("LocatedT", bound=_Located)


@cache
def starter_matcher() -> ActorMatcher:
    return ActorMatcher(load_starter_actors())


def _is_headline(sentence: str) -> bool:
    return (
        not sentence.rstrip("\"'\u201d\u2019)").endswith((".", "!", "?", ":"))
        and len(sentence.split()) <= HEADLINE_MAX_WORDS
    )


def _within(items: list[LocatedT], starts: list[int], start: int, end: int) -> list[LocatedT]:
    """Items (sorted by .start, with their starts) that lie inside [start, end)."""
    first = bisect_left(starts, start)
    return [item for item in items[first : bisect_left(starts, end, first)] if item.end <= end]


def _without_today_after_dateline(text: str, sentence_start: int, mentions: list[DateMention]) -> list[DateMention]:
    if not any(m.text.lower() == "today" for m in mentions):
        return mentions
    dateline = any(
        m.start - sentence_start < _DATELINE_MAX_OFFSET
        and m.value is not None
        and m.value.precision == "day"
        and _DATELINE_DASH.match(text, m.end)
        for m in mentions
    )
    return [m for m in mentions if m.text.lower() != "today"] if dateline else mentions


def _post_stamps(
    text: str,
    paragraphs: list[tuple[int, int]],
    dates: list[DateMention],
    date_starts: list[int],
    published: dt.date | None,
) -> dict[int, DateMention]:
    """The day of each post stamp of a live page, by paragraph start; one stamp alone is a byline's.

    A stamp that gives only the time of day ("11:41 pm") is of the day of the stamp before it,
    or of publication day.
    """
    stamps = {}
    day = None if published is None else DateValue(published, published, "day")
    for start, end in paragraphs:
        stamp = _post_stamp(text, start, end, _within(dates, date_starts, start, end))
        if stamp is not None:
            stamps[start], day = stamp, stamp.value
        elif day is not None and _TIME_OF_DAY.fullmatch(text, start, end):
            how = f"a live page's post stamped {text[start:end].strip()}, on the day {day.as_json()}"
            stamps[start] = DateMention(start, end, text[start:end], day, how)
    return stamps if len(stamps) > 1 else {}


def _post_stamp(text: str, start: int, end: int, mentions: list[DateMention]) -> DateMention | None:
    """The day of a paragraph that is only a day and a time of day."""
    if len(mentions) != 1 or mentions[0].value is None or mentions[0].value.precision != "day":
        return None
    day = mentions[0]
    before, after = _STAMP_EDGE.fullmatch(text, start, day.start), _STAMP_EDGE.fullmatch(text, day.end, end)
    has_time = any(edge is not None and edge.group("time") for edge in (before, after))
    return day if before is not None and after is not None and has_time else None


def _is_flashback(text: str, start: int, end: int) -> bool:
    # str.find first: most sentences have neither word, and it is far cheaper than the pattern
    if text.find("after", start, end) < 0 and text.find("heels", start, end) < 0:
        return False
    return _FLASHBACK.search(text, start, end) is not None


def _is_past(mention: DateMention, published: dt.date | None) -> bool:
    return mention.value is not None and (published is None or mention.value.end <= published)


def _inside_quote(text: str, sentence_start: int, position: int) -> bool:
    """Whether a double quote opened in the sentence is still open at `position`."""
    before = text[sentence_start:position]
    return before.count("\u201c") > before.count("\u201d") or before.count('"') % 2 == 1


def extract(text: str, *, published: dt.date | None, actors: ActorMatcher | None = None) -> list[Candidate]:
    """Candidates in text order; offsets index `text` as given. Same input, same output."""
    matcher = actors if actors is not None else starter_matcher()
    paragraphs = readable_paragraphs(text)
    dates = find_dates(text, published)
    date_starts = [mention.start for mention in dates]
    found_actors: list[FoundActor] = matcher.find(text, paragraphs)
    actor_starts = [actor.start for actor in found_actors]
    candidates: list[Candidate] = []
    previous_sentence_date: DateMention | None = None
    previous_actors: list[FoundActor] = []
    news_day: DateMention | None = None
    body_index = 0
    stamps = _post_stamps(text, paragraphs, dates, date_starts, published)
    for paragraph_start, paragraph_end in paragraphs:
        stamp = stamps.get(paragraph_start)
        if stamp is not None:
            # a live page's "Sat 13 Nov 2021 21.18 GMT": the post below it is news of that day
            news_day, body_index = stamp, 0
            continue
        paragraph_date = previous_sentence_date
        for start, end in split_sentences(text, paragraph_start, paragraph_end):
            if _is_headline(text[start:end]):
                continue
            dateline = _DATELINE.match(text, start, end) if body_index < LEDE_SENTENCES else None
            if dateline is not None:
                body_index = 0  # what came before the dateline was a caption or a standfirst
            sentence_dates = _without_today_after_dateline(text, start, _within(dates, date_starts, start, end))
            # "BALI, Indonesia —" says where the story was filed, not who acted
            sentence_actors = _within(found_actors, actor_starts, dateline.end() if dateline else start, end)
            context = SentenceContext(
                text, start, end, sentence_dates, sentence_actors,
                paragraph_date, published, body_index, tuple(previous_actors), news_day,
            )  # fmt: skip
            found = sentence_candidates(context)
            candidates.extend(found)
            body_index += 1
            previous_actors = sentence_actors
            if _is_flashback(text, start, end):
                continue
            # A speaker's "yesterday" in quotes dates the quote, not the narrative that follows.
            past = [
                mention
                for mention in sentence_dates
                if _is_past(mention, published)
                and not _inside_quote(text, start, mention.start)
                and not names_a_thing(text, mention)
            ]
            previous_sentence_date = past[-1] if past else None
            paragraph_date = past[-1] if past else paragraph_date
            if news_day is None and body_index <= LEDE_SENTENCES:
                # the day the lede's own event is dated to, else any recent day it names
                stated = [
                    c.date
                    for c in found
                    if c.date is not None
                    and start <= c.date.start < c.date.end
                    and not _inside_quote(text, start, c.date.start)
                ]
                news_day = next((mention for mention in [*stated, *past] if is_news_day(mention, published)), None)
    return merge_same_events(candidates)


def candidate_to_json(article_id: str, candidate: Candidate) -> dict[str, Any]:
    """One line of the scorer's format, with the date's words and reasoning added."""
    date = candidate.date
    return {
        "article_id": article_id,
        "date": date.value.as_json() if date is not None and date.value is not None else None,
        "type": candidate.event_type,
        "actors": [mention.canonical_name for mention in candidate.actors],
        "location": candidate.location or None,
        "evidence": {"start": candidate.evidence_start, "end": candidate.evidence_end},
        "summary": candidate.summary,
        "confidence": candidate.confidence,
        "date_text": date.text if date is not None else None,
        "date_explanation": date.explanation if date is not None else None,
        "fingerprint": candidate.fingerprint,
    }


def _principal(candidate: Candidate) -> str:
    return candidate.actors[0].canonical_name if candidate.actors else ""


def _nested(first: DateMention, second: DateMention) -> bool:
    a, b = first.value, second.value
    if a is None or b is None:
        return False
    return a.contains(b) or b.contains(a)


def _same_event(kept: Candidate, other: Candidate) -> bool:
    """Nested dates, and either the same type with the same principal or (but for statements) two shared actors,
    or an undated statement by the same principal ("Putin warned...", then "Putin said...").
    Two acts of one kind whose dates are both only inferred may be two events: they stay apart,
    but for statements, which are mostly one press appearance quoted in several sentences."""
    if kept.date is None or other.date is None or not _nested(kept.date, other.date):
        return False  # most pairs end here, before any set is built
    if kept.event_type != other.event_type:
        elaboration = other.event_type == "STATEMENT" and not _explicit(other)
        return elaboration and _principal(kept) == _principal(other)
    if kept.event_type != "STATEMENT" and not _explicit(kept) and not _explicit(other):
        return False
    kept_names = {m.canonical_name for m in kept.actors}
    other_names = {m.canonical_name for m in other.actors}
    if _principal(kept) != _principal(other):
        # "Rubio and Lavrov met" is "Lavrov met Rubio"; two speakers' statements are two statements
        return kept.event_type != "STATEMENT" and len(kept_names & other_names) >= 2
    if kept.event_type != "STATEMENT":
        # "Lavrov met Rubio on Monday... Lavrov met Wang Yi on Monday": other partners, other event
        kept_partners, other_partners = kept_names - {_principal(kept)}, other_names - {_principal(other)}
        if kept_partners and other_partners and not kept_partners & other_partners:
            return False
    return True


def _explicit(candidate: Candidate) -> bool:
    date = candidate.date
    return date is not None and date.start < date.end and candidate.evidence_start <= date.start


def _more_precise(candidate: Candidate, other: Candidate) -> bool:
    assert candidate.date is not None and other.date is not None  # _same_event holds only for dated pairs
    value, other_value = candidate.date.value, other.date.value
    return value is not None and other_value is not None and value != other_value and other_value.contains(value)


def merge_same_events(candidates: list[Candidate]) -> list[Candidate]:
    """One candidate per event: repeats by fingerprint, then restatements of one event.

    Of two mentions of one event the one stating its date wins, of two stating it the one
    stating it more precisely ("in 1947", then "on November 29, 1947"), else the earlier one.
    """
    kept: list[Candidate] = []
    fingerprints: set[str] = set()
    for candidate in candidates:
        if candidate.fingerprint in fingerprints:
            continue
        fingerprints.add(candidate.fingerprint)
        same = next((index for index, other in enumerate(kept) if _same_event(other, candidate)), None)
        if same is None:
            kept.append(candidate)
        elif _explicit(candidate) and (not _explicit(kept[same]) or _more_precise(candidate, kept[same])):
            kept[same] = candidate
    return sorted(kept, key=lambda c: (c.evidence_start, c.evidence_end))
