"""Calendar arithmetic on DateValue: months, weeks, and the year of a year-less date."""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Literal

from articles.extraction.types import DateValue

# "past": the verb that governs the date is past ("signed on Oct. 2"). "past_clause": the
# sentence is told in the past, but the date may be of what it looks ahead to ("have agreed
# to talks on Aug. 23", "said on Monday").
Tense = Literal["past", "past_clause", "future", "neutral"]

# A year-less date in neutral prose (no verb tells its tense) is read in the year that
# puts it at most this many days after publication: news looks back far more often than
# ahead, and announces what is coming within weeks.
DAYS_AHEAD_IN_NEUTRAL_PROSE = 60
# A past verb on the date puts it on or before publication. A date elsewhere in a sentence told
# in the past goes before publication unless that is most of a year back: "have agreed to
# talks on Aug. 23" in a story of Aug. 8 names a day ahead; a date 11 months old would carry
# its year.
DAYS_AHEAD_IN_PAST_CLAUSE = 30
# ...and a future-tense one at most this many days before (slow publication).
DAYS_BEHIND_IN_FUTURE_PROSE = 7
MONTHS_AHEAD_IN_NEUTRAL_PROSE = 2


def day(date: dt.date) -> DateValue:
    return DateValue(date, date, "day")


def month(year: int, month_number: int) -> DateValue:
    last = calendar.monthrange(year, month_number)[1]
    return DateValue(dt.date(year, month_number, 1), dt.date(year, month_number, last), "month")


def year(year_number: int) -> DateValue:
    return DateValue(dt.date(year_number, 1, 1), dt.date(year_number, 12, 31), "year")


def span(start: dt.date, end: dt.date) -> DateValue:
    return DateValue(start, end, "range")


def valid_date(year_number: int, month_number: int, day_number: int) -> dt.date | None:
    """The date, or None for "February 30" and years out of range."""
    try:
        return dt.date(year_number, month_number, day_number)
    except ValueError:
        return None


def add_months(year_number: int, month_number: int, months: int) -> tuple[int, int]:
    index = year_number * 12 + month_number - 1 + months
    return index // 12, index % 12 + 1


def week_of(date: dt.date, weeks_later: int = 0) -> DateValue:
    """The Monday-to-Sunday week holding date, shifted by whole weeks."""
    monday = date - dt.timedelta(days=date.weekday()) + dt.timedelta(weeks=weeks_later)
    return span(monday, monday + dt.timedelta(days=6))


def weekday_near(anchor: dt.date, weekday: int, tense: Tense, strict: bool = False) -> dt.date:
    """The day named weekday nearest anchor: on or before it, or on or after it in future prose.

    strict (for "last Friday", "next Friday") excludes the anchor itself.
    """
    if tense == "future":
        ahead = (weekday - anchor.weekday()) % 7 or (7 if strict else 0)
        return anchor + dt.timedelta(days=ahead)
    back = (anchor.weekday() - weekday) % 7 or (7 if strict else 0)
    return anchor - dt.timedelta(days=back)


def year_for_day(anchor: dt.date, month_number: int, day_number: int, tense: Tense) -> int | None:
    """The year that puts a year-less day nearest before or around the anchor."""
    windows = {
        "future": (-DAYS_BEHIND_IN_FUTURE_PROSE, 366 - DAYS_BEHIND_IN_FUTURE_PROSE),
        "past": (-365, 1),
        "past_clause": (DAYS_AHEAD_IN_PAST_CLAUSE - 365, DAYS_AHEAD_IN_PAST_CLAUSE),
        "neutral": (DAYS_AHEAD_IN_NEUTRAL_PROSE - 366, DAYS_AHEAD_IN_NEUTRAL_PROSE),
    }
    low, high = windows[tense]
    for year_number in (anchor.year, anchor.year - 1, anchor.year + 1):
        date = valid_date(year_number, month_number, day_number)
        if date is not None and low <= (date - anchor).days < high:
            return year_number
    return None


def year_for_month(anchor: dt.date, month_number: int, tense: Tense) -> int:
    """The year that puts a year-less month nearest before or around the anchor."""
    offset = month_number - anchor.month
    if tense == "future":
        return anchor.year + (1 if offset < 0 else 0)
    if tense in ("past", "past_clause"):
        return anchor.year - (1 if offset > 0 else 0)
    return anchor.year - (1 if offset > MONTHS_AHEAD_IN_NEUTRAL_PROSE else 0)
