"""Calendar dates written out: "Feb. 23, 2022", "24-25 April", "March 2022", "in 1962"."""

from __future__ import annotations

import datetime as dt
import re

from articles.extraction.types import DateValue
from articles.extraction.wordsets import case_blind_alternation

from . import arithmetic as cal
from .reading import Context, Reading, Rule, resolved, unanchored
from .vocabulary import (
    DAY,
    MONTH,
    MONTH_BEFORE_DAY,
    PARTS,
    RANGE_DASH,
    WEEKDAY,
    YEAR,
    day_number,
    month_number,
    starting_with,
)

# A day number is not one when it runs on into a time, a decimal, a percentage or a count.
# "19:30" is a clock time; "November 19: talks resume" is a timeline entry's day.
_END_OF_DAY = r"(?![\d%]|[:.]\d|,\d{3})"
_END_OF_YEAR = r"(?!\d|,\d|\.\d|%)"
_PART = rf"(?P<part>{case_blind_alternation(PARTS)})[\s-]+"
_MONTH_RELATION = case_blind_alternation(("last", "next", "this", r"earlier\s+this", r"later\s+this"))

ISO = starting_with("0-9", r"(?<![\w-])(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)(?![\w-])")
SLASHED = starting_with("0-9", r"(?<![\w/.])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d\d)(?![\w/])")
# "September 24 last year": the year counted from the anchor belongs to the date.
_YEAR_OR_RELATIVE_YEAR = (
    rf"(?:,?\s+(?P<y>{YEAR}){_END_OF_YEAR}|\s+(?P<relative_year>(?i:last|this|next))\s+(?i:year)\b)?"
)
MONTH_DAY = starting_with(
    "JFMASONDTW",
    rf"(?:{WEEKDAY},?[^\S\n]+)?(?P<m>{MONTH_BEFORE_DAY})\s+(?P<d>{DAY}){_END_OF_DAY}"
    rf"(?:{RANGE_DASH}(?:(?P<m2>{MONTH_BEFORE_DAY})\s+)?(?P<d2>{DAY}){_END_OF_DAY})?{_YEAR_OR_RELATIVE_YEAR}",
)
DAY_MONTH = starting_with(
    "0-9MTWFSt",
    rf"(?:{WEEKDAY},?[^\S\n]+)?(?:the\s+)?(?<![\w$.,#])(?P<d>{DAY})(?:{RANGE_DASH}(?P<d2>{DAY}))?"
    rf"(?:\s+of)?\s+(?P<m>{MONTH_BEFORE_DAY})(?!\w){_YEAR_OR_RELATIVE_YEAR}",
)
MONTH_YEAR = starting_with("JFMASONDeEmMlLtT", rf"(?:{_PART})?(?P<m>{MONTH})(?:\s+of)?,?\s+(?P<y>{YEAR}){_END_OF_YEAR}")
# "October of next year": the month takes the year named after it, which is its own mention.
_RELATIVE_YEAR_AFTER = re.compile(r"(?:\s+of)?,?\s+(?P<rel>(?i:last|this|next))\s+(?i:year)\b")
_YEAR_SHIFTS = {"last": -1, "next": 1}
# "September and October of 2007": the first month borrows the second's year.
_SHARED_YEAR = re.compile(rf"\s*(?:-|\u2013|and|or|to|through)\s*{MONTH}(?:\s+of)?,?\s+(?P<y>{YEAR}){_END_OF_YEAR}")
MONTH_ALONE = starting_with(
    "JFMASONDeEmMlLtTnN",
    rf"(?:(?P<rel>{_MONTH_RELATION})\s+|{_PART})?(?P<m>{MONTH})(?![\w-])",
)
YEAR_ALONE = starting_with("0-9eEmMlLtT", rf"(?:{_PART})?(?<![\w$.,#/])(?P<y>{YEAR}){_END_OF_YEAR}(?!/\d)(?P<s>'s)?")
DECADE = starting_with(
    "0-9'eEmMlLtT", rf"(?:{_PART})?(?:(?P<the>the)\s+)?(?<![\w$.,])(?P<y>(?:1[5-9]|20)\d0|'\d0|(?<=the )\d0)'?s\b"
)
TWO_DIGIT_YEAR = starting_with("'", r"(?<=[\s(])'(?P<yy>\d\d)(?![\w'\u2019])")

# Holidays on a fixed day of the calendar; "Christmas" alone is a season, not a day, and
# "Independence Day" is a different day in every country.
_HOLIDAY_DAYS = {
    "christmas day": (12, 25), "christmas eve": (12, 24), "boxing day": (12, 26), "new year's day": (1, 1),
    "new year's eve": (12, 31), "valentine's day": (2, 14), "halloween": (10, 31),
}  # fmt: skip
HOLIDAY = starting_with(
    "CBNVH",
    r"\b(?P<name>Christmas\s+(?:Day|Eve)|Boxing\s+Day|New\s+Year['\u2019]s\s+(?:Day|Eve)|"
    r"Valentine['\u2019]s\s+Day|Halloween)\b(?:,?\s+(?P<y>" + YEAR + r")\b)?",
)
_PREFIX = r"\b(?i:mid|pre|post)-"
_PREFIXED = re.compile(rf"{_PREFIX}$")
# Words after which a bare four-digit number reads as a year.
_YEAR_INTRODUCERS = re.compile(
    r"(?:\b(?i:in|since|until|till|by|during|before|after|from|through|year|early|late|mid|"
    r"of|to|and|between|around|circa|c\.|for|summer|spring|autumn|fall|winter|the)\s+|'s\s+|\(|"
    # "the Reorganisation Bill, 2019" names a law the way South Asian statute books do
    rf"\b{YEAR}\s*[-\u2013]\s*|\b(?:Act|Bill|Ordinance),\s+)$|{_PREFIX}$"
)
# ...unless it counts something: "of 2000 troops", "to 1500 people".
_COUNTED_NOUN = re.compile(
    r"\s+(?:[a-z]+s\b(?!')|people|men|women|children|police|staff|personnel)|\s*(?:%|percent|km|kg|miles|m\b)"
)
# "2009 was a pivotal year" opens a sentence with the year as its subject; "1988 - The legislature
# votes..." and "1988: ..." open an entry of a chronology.
_YEAR_AS_SUBJECT = re.compile(r"\s+(?:was|is|will|has|had|saw|marks|marked)\b|\s*[-\u2013\u2014:]\s+(?!\d)")
# "WWDC 2005", "Euro 2024": a year after a name, when it is close to publication...
_EVENT_NAME_BEFORE = re.compile(r"\b[A-Z][\w&]*\s+$")
_EVENT_YEAR_DISTANCE = 5
# ...but not the numbers of resolutions, flights and the like.
_NUMBERED_THING_BEFORE = re.compile(
    r"\b(?i:resolution|resolutions|flight|route|highway|article|section|chapter|room|model|no|number|"
    r"bill|decree|order|law|code|case|form|rule|unit|division|boeing|airbus|windows|iso)\s+$"
)
_MODAL_MONTH_NAMES = {"May", "MAY", "March", "MARCH"}
_MONTH_INTRODUCERS = re.compile(
    r"\b(?i:in|since|until|till|by|during|before|after|from|through|of|to|and|or|between|for|"
    r"on|last|next|this|early|late|mid|each|every)\s+$"
)


def _impossible(match: re.Match[str]) -> Reading:
    """Claims the span, so "February 30, 2022" does not fall back to "February"."""
    return Reading(None, f'"{match.group(0)}" is not a day of the calendar', relative=False)


def _explicit_year(value: DateValue | None, match: re.Match[str]) -> Reading | None:
    return resolved(match, value, "is a full calendar date and")


def _context_year(match: re.Match[str], context: Context, month_number: int, day: int) -> int | Reading:
    """The match's own year, or the anchor's year for a year-less date (or why there is none)."""
    if match.group("y"):
        return int(match.group("y"))
    if context.anchor is None:
        return unanchored(match, "a date without a year")
    anchor = context.anchor.date
    relative_year = match.groupdict().get("relative_year")
    if relative_year:
        return anchor.year + _YEAR_SHIFTS.get(relative_year.lower(), 0)
    found = cal.year_for_day(anchor, month_number, day, context.tense)
    return found if found is not None else anchor.year


def _taken_year(year: int, match: re.Match[str], context: Context) -> str:
    assert context.anchor is not None
    anchor = context.anchor
    if match.groupdict().get("relative_year"):
        return f"counts the year in it from {anchor.description} and"
    if year == anchor.date.year:
        return f"takes the year {year} of {anchor.description}"
    side = "before" if year < anchor.date.year else "after"
    return f"takes the year {year}, the nearest {side} {anchor.description},"


def _day_or_range(match: re.Match[str], context: Context) -> Reading | None:
    first_month = month_number(match.group("m"))
    first_day = day_number(match.group("d"))
    year = _context_year(match, context, first_month, first_day)
    if isinstance(year, Reading):
        return year
    start = cal.valid_date(year, first_month, first_day)
    if start is None:
        return _impossible(match)
    value = cal.day(start)
    if match.group("d2"):
        last_month = month_number(match.group("m2")) if match.groupdict().get("m2") else first_month
        end_year = year + 1 if last_month < first_month else year  # "December 30 - January 2"
        end = cal.valid_date(end_year, last_month, day_number(match.group("d2")))
        if end is None or end <= start:
            return _impossible(match)
        value = cal.span(start, end)
    if match.group("y"):
        return _explicit_year(value, match)
    return resolved(match, value, _taken_year(year, match, context), relative=True)


def read_holiday(match: re.Match[str], context: Context) -> Reading | None:
    name = " ".join(match.group("name").lower().replace("\u2019", "'").split())
    month_number, day = _HOLIDAY_DAYS[name]
    year = _context_year(match, context, month_number, day)
    if isinstance(year, Reading):
        return year
    value = cal.day(dt.date(year, month_number, day))
    if match.group("y"):
        return _explicit_year(value, match)
    return resolved(match, value, f"is a holiday and {_taken_year(year, match, context)}", relative=True)


def read_iso(match: re.Match[str], context: Context) -> Reading | None:
    date = cal.valid_date(int(match.group("y")), int(match.group("m")), int(match.group("d")))
    return _explicit_year(cal.day(date) if date else None, match)


def read_slashed(match: re.Match[str], context: Context) -> Reading | None:
    # American order (month first) unless the first number cannot be a month.
    month, day = int(match.group("a")), int(match.group("b"))
    if month > 12:
        month, day = day, month
    year = int(match.group("y"))
    if year < 100:
        year += 2000 if year <= (context.anchor.date.year % 100 + 1 if context.anchor else 30) else 1900
    date = cal.valid_date(year, month, day)
    return _explicit_year(cal.day(date) if date else None, match)


def read_month_year(match: re.Match[str], context: Context) -> Reading | None:
    value = cal.month(int(match.group("y")), month_number(match.group("m")))
    return resolved(match, value, "names a month and")


def read_month_alone(match: re.Match[str], context: Context) -> Reading | None:
    name, relation = match.group("m"), " ".join((match.group("rel") or "").lower().split())
    before = context.text[max(0, match.start() - 12) : match.start()]
    introduced = bool(relation or match.group("part") or _MONTH_INTRODUCERS.search(before))
    followed_by_name = re.match(r"\s+[A-Z]", context.text[match.end() : match.end() + 2])
    if not introduced and (name in _MODAL_MONTH_NAMES or followed_by_name):
        return None
    shared_year = _SHARED_YEAR.match(context.text, match.end())
    if shared_year:
        value = cal.month(int(shared_year.group("y")), month_number(name))
        return resolved(match, value, f"shares the year {shared_year.group('y')} of the month after it and")
    if context.anchor is None:
        return unanchored(match, "a month without a year")
    anchor, number = context.anchor.date, month_number(name)
    relative_year = _RELATIVE_YEAR_AFTER.match(context.text, match.end())
    if relative_year:
        year = anchor.year + _YEAR_SHIFTS.get(relative_year.group("rel").lower(), 0)
        how = f"counts the year after it from {context.anchor.description} and"
        return resolved(match, cal.month(year, number), how, relative=True)
    tense = {"last": "past", "next": "future"}.get(relation, context.tense)
    year = anchor.year if relation.endswith("this") else cal.year_for_month(anchor, number, tense)  # type: ignore[arg-type]
    if relation in ("last", "next") and number == anchor.month:
        year += -1 if relation == "last" else 1
    return resolved(match, cal.month(year, number), _taken_year(year, match, context), relative=True)


def read_year(match: re.Match[str], context: Context) -> Reading | None:
    year = int(match.group("y"))
    before, after = context.text[max(0, match.start() - 12) : match.start()], context.text[match.end() :]
    introduced = match.group("part") or match.group("s") or _YEAR_INTRODUCERS.search(before)
    at_sentence_start = not before.strip() or before.rstrip(" \t")[-1] in ".\n"  # or at a line's start
    near_anchor = context.anchor is not None and abs(year - context.anchor.date.year) <= _EVENT_YEAR_DISTANCE
    named_event = near_anchor and _EVENT_NAME_BEFORE.search(before) and not _NUMBERED_THING_BEFORE.search(before)
    if not (introduced or named_event or (at_sentence_start and _YEAR_AS_SUBJECT.match(after))):
        return None
    # "pre-1967 borders" and "mid-2010 talks" are no counts
    prefixed = match.group("part") or _PREFIXED.search(before)
    if not match.group("s") and not prefixed and _COUNTED_NOUN.match(after[:12]):
        return None
    if context.anchor is not None and year > context.anchor.date.year + 50:
        return None
    return resolved(match, cal.year(year), "names a year and")


def read_decade(match: re.Match[str], context: Context) -> Reading | None:
    digits = match.group("y").lstrip("'")
    if len(digits) == 2:
        if context.anchor is None:
            return unanchored(match, "a decade without a century")
        century = context.anchor.date.year // 100 * 100
        first = century + int(digits) - (100 if century + int(digits) > context.anchor.date.year else 0)
    else:
        first = int(digits)
    value = cal.span(dt.date(first, 1, 1), dt.date(first + 9, 12, 31))
    return resolved(match, value, "names a decade and")


def read_two_digit_year(match: re.Match[str], context: Context) -> Reading | None:
    if not _YEAR_INTRODUCERS.search(context.text, max(0, match.start() - 12), match.start()):
        return None  # "iLife '11" names a product
    if context.anchor is None:
        return unanchored(match, "a year without a century")
    short, anchor_year = int(match.group("yy")), context.anchor.date.year
    year = anchor_year // 100 * 100 + short
    if year > anchor_year + 10:
        year -= 100
    return resolved(match, cal.year(year), f"takes the century nearest {context.anchor.description} and", True)


ABSOLUTE_RULES = (
    Rule("holiday", "holiday", HOLIDAY, read_holiday),
    Rule("iso", "year", ISO, read_iso),
    Rule("slashed", "slash", SLASHED, read_slashed),
    Rule("month_day", "month", MONTH_DAY, _day_or_range),
    Rule("day_month", "month", DAY_MONTH, _day_or_range),
    Rule("month_year", "month", MONTH_YEAR, read_month_year),
    Rule("month", "month", MONTH_ALONE, read_month_alone),
    Rule("decade", "year", DECADE, read_decade),
    Rule("year", "year", YEAR_ALONE, read_year),
    Rule("two_digit_year", "year", TWO_DIGIT_YEAR, read_two_digit_year),
)
