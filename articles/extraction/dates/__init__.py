"""Find the date expressions of an English news text and resolve them to calendar values.

    find_dates(text, published) -> [DateMention, ...]
    dates_in_span(mentions, start, end) -> the mentions overlapping text[start:end]

Rules in the spirit of HeidelTime: one regex per kind of expression, the longest match
wins, and relative expressions are read against the publication date (or, inside a
quote, against the day the quote was spoken when the text says it).
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from typing import NamedTuple

from articles.extraction.types import DateMention, DateValue

from .absolute import ABSOLUTE_RULES
from .context import attribution_span, quote_spans
from .reading import Anchor, Context, Reading, Rule
from .relative import RELATIVE_RULES
from .scanning import cue_windows
from .seasons import SEASON_RULES

__all__ = ["dates_in_span", "find_dates"]

RULES: tuple[Rule, ...] = ABSOLUTE_RULES + RELATIVE_RULES + SEASON_RULES


class _Found(NamedTuple):
    rule: Rule
    match: re.Match[str]
    reading: Reading


def find_dates(text: str, published: dt.date | None) -> list[DateMention]:
    """Every date expression in text, in order, non-overlapping, resolved and explained."""
    anchor = Anchor(published, f"publication {published.isoformat()}") if published else None
    found = _read_all(text, anchor)
    found = _reread_quotes(text, found)
    return [
        DateMention(f.match.start(), f.match.end(), f.match.group(0), f.reading.value, f.reading.explanation)
        for f in found
    ]


def dates_in_span(mentions: list[DateMention], start: int, end: int) -> list[DateMention]:
    """The mentions that overlap text[start:end]."""
    return [m for m in mentions if m.start < end and start < m.end]


def _candidates(text: str) -> list[tuple[Rule, re.Match[str]]]:
    """Every rule's matches, earliest first and, at one position, longest first."""
    windows = cue_windows(text)
    matches = [
        (rule, match)
        for rule in RULES
        for low, high in windows.get(rule.cue, ())
        for match in rule.pattern.finditer(text, low, high)
        if match.group(0)
    ]
    matches.sort(key=lambda pair: (pair[1].start(), -pair[1].end()))
    return matches


def _read(text: str, rule: Rule, match: re.Match[str], anchor: Anchor | None, narrative: _Narrative) -> Reading | None:
    context = Context(text, anchor, match.span(), narrative.day, narrative.month, narrative.latest)
    try:
        return rule.read(match, context)
    except (ValueError, OverflowError):
        return None  # arithmetic off either end of the calendar, anchored in year 1 or 9999


class _Narrative(NamedTuple):
    """The latest day and month the text has named, for "the same day" and "the 15th"."""

    day: dt.date | None = None
    month: dt.date | None = None
    latest: DateValue | None = None

    def after(self, value: DateValue | None) -> _Narrative:
        if value is None:
            return self
        if value.precision == "day":
            return _Narrative(value.start, value.start.replace(day=1), value)
        if value.precision == "month" or (value.start.year, value.start.month) == (value.end.year, value.end.month):
            return _Narrative(self.day, value.start.replace(day=1), value)
        return _Narrative(self.day, self.month, value)


def _read_all(text: str, anchor: Anchor | None) -> list[_Found]:
    found: list[_Found] = []
    taken_until = 0
    narrative = _Narrative()
    for rule, match in _candidates(text):
        if match.start() < taken_until:
            continue
        reading = _read(text, rule, match, anchor, narrative)
        if reading is None:
            continue  # a shorter reading at the same place may still hold
        found.append(_Found(rule, match, reading))
        taken_until = match.end()
        narrative = narrative.after(reading.value)
    return found


def _reread_quotes(text: str, found: list[_Found]) -> list[_Found]:
    """Read the relative dates of a quote against the day it was spoken, when the text says."""
    starts = [f.match.start() for f in found]
    for quote_start, quote_end in quote_spans(text):
        first, last = bisect_left(starts, quote_start), bisect_left(starts, quote_end)
        inside = [i for i in range(first, last) if found[i].match.end() <= quote_end]
        if not any(found[i].reading.relative for i in inside):
            continue
        speech_day = _speech_day(text, found, starts, (quote_start, quote_end))
        if speech_day is None:
            continue
        for i in inside:
            if found[i].reading.relative:
                reading = _read(text, found[i].rule, found[i].match, speech_day, _Narrative())
                if reading is not None:
                    found[i] = _Found(found[i].rule, found[i].match, reading)
    return found


def _speech_day(text: str, found: list[_Found], starts: list[int], quote: tuple[int, int]) -> Anchor | None:
    """The day-precision date of the attribution around a quote ("he said on Tuesday")."""
    low, high = attribution_span(text, *quote)
    nearby = found[bisect_left(starts, low) : bisect_left(starts, high)]
    attributions = [
        f
        for f in nearby
        if (f.match.end() <= quote[0] or f.match.start() >= quote[1])
        and f.reading.value is not None
        and f.reading.value.precision == "day"
    ]
    if not attributions:
        return None
    nearest = min(attributions, key=lambda f: min(abs(f.match.start() - quote[1]), abs(quote[0] - f.match.end())))
    assert nearest.reading.value is not None
    day = nearest.reading.value.start
    return Anchor(day, f"the day {day.isoformat()} the quote was spoken")
