"""Seasons: "last summer", "the spring of 2022", "next winter", read as their months.

TIMEX3 writes a season as "2022-SP"; a timeline needs calendar values, so a season
becomes the range of its meteorological months (northern hemisphere). A bare "spring"
is left alone: "fall" is mostly a verb, and "in summer" is often generic.
"""

from __future__ import annotations

import datetime as dt
import re

from articles.extraction.types import DateValue

from . import arithmetic as cal
from .reading import Context, Reading, Rule, resolved, unanchored
from .vocabulary import YEAR, starting_with

_NAME_BEFORE = re.compile(r"\b[A-Z][a-z]+\s+$")
_SEASON_INTRODUCERS = re.compile(r"\b(?i:the|in|since|until|till|by|during|of|before|after|from)\s+$")
_FIRST_MONTHS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}

SEASON = starting_with(
    "lLnNtTeEsSaAfFwW",
    r"\b(?:(?P<rel>(?i:last|next|this|this\s+past|this\s+coming|the\s+coming|earlier\s+this|later\s+this))\s+)?"
    r"(?P<season>(?i:spring|summer|autumn|winter)|[Ff]all|FALL)\b"
    rf"(?:(?:\s+of)?,?\s+(?P<y>{YEAR})(?!\d|,\d|\.\d|%))?",
)


def _season(year: int, first_month: int) -> DateValue:
    """The three months from first_month of year (a winter runs into the next year)."""
    last_year, last_month = cal.add_months(year, first_month, 2)
    return cal.span(dt.date(year, first_month, 1), cal.month(last_year, last_month).end)


def _relative_season(anchor: dt.date, first_month: int, relation: str) -> DateValue:
    seasons = [_season(year, first_month) for year in (anchor.year - 2, anchor.year - 1, anchor.year, anchor.year + 1)]
    if relation in ("last", "this past"):
        return max((s for s in seasons if s.end < anchor), key=lambda s: s.start)
    if relation in ("next", "this coming", "the coming"):
        return min((s for s in seasons if s.start > anchor), key=lambda s: s.start)
    return min(seasons, key=lambda s: _days_between(s, anchor))


def _days_between(value: DateValue, date: dt.date) -> int:
    if value.start <= date <= value.end:
        return 0
    return min(abs((value.start - date).days), abs((value.end - date).days))


def read_season(match: re.Match[str], context: Context) -> Reading | None:
    relation = " ".join((match.group("rel") or "").lower().split())
    before = context.text[max(0, match.start() - 12) : match.start()]
    if not relation and _NAME_BEFORE.search(before):
        return None  # "the Arab Spring of 2011" names an event
    if not relation and match.group("season").lower() == "fall" and not _SEASON_INTRODUCERS.search(before):
        return None  # "shares fall 2010 points"
    first_month = _FIRST_MONTHS[match.group("season").lower()]
    if match.group("y"):
        year = int(match.group("y"))
        if first_month == 12:
            # "winter 2022" may be its January or its December: only the year is sure.
            return resolved(match, cal.year(year), "names a winter, its January or its December, so only its year")
        return resolved(match, _season(year, first_month), "names a season and")
    if not relation:
        return None
    if context.anchor is None:
        return unanchored(match, "a season without a year")
    value = _relative_season(context.anchor.date, first_month, relation)
    return resolved(match, value, f"against {context.anchor.description}", relative=True)


SEASON_RULES = (Rule("season", "season", SEASON, read_season),)
