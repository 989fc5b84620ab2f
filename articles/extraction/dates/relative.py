"""Dates read against the anchor: "yesterday", "on Wednesday", "last month", "60 years ago"."""

from __future__ import annotations

import datetime as dt
import re

from articles.extraction.types import DateValue
from articles.extraction.wordsets import case_blind_alternation

from . import arithmetic as cal
from .reading import Context, Reading, Rule, describe, resolved, unanchored
from .vocabulary import NUMBER, PARTS, WEEKDAY, number_value, starting_with, weekday_number

_DAY_WORDS = (
    "today", "tonight", "yesterday", "tomorrow", r"this\s+(?:morning|afternoon|evening)", r"last\s+night",
    r"the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)",
)  # fmt: skip
DAY_WORD = starting_with(
    "eElLtTyY",
    rf"\b(?:(?:{case_blind_alternation(('earlier', 'later', 'early', 'late'))})\s+)?"
    rf"(?P<word>{case_blind_alternation(_DAY_WORDS)})\b"
    r"(?:\s+(?i:morning|afternoon|evening|night)\b)?",
)
_WEEKDAY_RELATIONS = ("last", "next", "this", r"this\s+past", r"this\s+coming", "coming")
WEEKDAY_NAME = starting_with(
    "lLnNtTcCMTWFS",
    rf"(?:(?P<rel>{case_blind_alternation(_WEEKDAY_RELATIONS)})\s+)?(?P<wd>{WEEKDAY})\b"
    r"(?!\s+(?:Times|Telegraph|Express|Mirror|Mail|Herald|Post|Tribune|Independent|Night\s+Football))"
    r"(?:\s+(?i:morning|afternoon|evening|night)\b)?"
    r"(?:,?\s+(?P<week>(?i:last|next|this))\s+week\b)?",
)
_PERIOD_PARTS = ("earlier", "later", *PARTS)
_PERIOD_RELATIONS = ("this", "last", "next", r"the\s+previous", r"the\s+following", r"the\s+current", "the")
PERIOD = starting_with(
    "eEmMlLtTnN",
    rf"\b(?:(?P<part>{case_blind_alternation(_PERIOD_PARTS)})[\s-]+)?"
    rf"(?P<rel>{case_blind_alternation(_PERIOD_RELATIONS)})\s+"
    r"(?P<unit>(?i:week|weekend|month|year|decade))\b",
)
AGO = starting_with(
    "0-9aAoOtTfFsSeEnN", rf"\b(?P<n>{NUMBER})\s+(?P<unit>(?i:day|week|month|year|decade))s?\s+(?i:ago)\b"
)
SAME_DAY = starting_with(
    "tT",
    r"\b(?P<ref>(?i:the|that))\s+(?:(?i:same|very|(?P<side>following|next|previous))\s+)?(?i:day)\b"
    r"(?:\s+(?P<dir>(?i:before|after))\b(?!\s+(?:\w+ing|the|a|an|his|her|its|their|he|she|it|they|we)\b))?",
)
# "the day of the vote", "the day the deal was announced": a day named by what follows.
_DAY_DEFINED_AFTER = re.compile(
    r"\s+(?:of|when|that|in|on|for|to|was|is|the|a|an|he|she|it|they|we|I|his|her|its|their)\b|[-\u2019']|\s+\w+ing\b"
)

PERIODS_LATER = starting_with(
    "0-9aAoOtTfFsSeEnN", rf"\b(?P<n>{NUMBER})\s+(?P<unit>(?i:day|week|month|year))s?\s+(?P<dir>(?i:later|earlier))\b"
)

# "on the 15th": a day of the month last named, when the words around it say it is a date.
ORDINAL_DAY = starting_with(
    "tT",
    r"\b(?i:the)\s+(?P<d>(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th))\b"
    r"(?P<this>\s+of\s+(?:this|the)\s+month\b)?"
    r"(?=\s*(?:[.,;:!?)\n]|$)|\s+(?:and|or|when|at|as|after|before|but|with|to|in|the|a|an|he|she|it|they|we|"
    r"his|her|its|their)\b)",
)
_ORDINAL_DAY_INTRODUCERS = re.compile(r"\b(?i:on|by|until|till|since|from|before|after|between|and|to|through)\s+$")

_DAY_WORD_OFFSETS = {"yesterday": -1, "tomorrow": 1, "last night": -1}
_WEEKDAY_NAMES_THAT_ARE_NOT_DATES = re.compile(
    r"(?:Black|Good|Super|Ash|Cyber|Bloody|Easter|Palm|Holy|Maundy|Giving|Shrove|Whit|Man|Girl|The)\s+$"
)
# "USA Today", "Russia Today": the capitalized word closes a name.
_NAME_BEFORE_TODAY = re.compile(r"\b[A-Z][A-Za-z]*[ \t]+$")
_PERIOD_SHIFTS = {"last": -1, "the previous": -1, "next": 1, "the following": 1}
# The finest precision a date must have for "the following <unit>" to count from it.
_FOLLOWING_NEEDS = {"week": ("day",), "weekend": ("day",), "month": ("day", "month"), "year": ("day", "month", "year")}
_AGO_UNITS = {"day": 1, "week": 7}


def _anchor_date(match: re.Match[str], context: Context, why: str) -> dt.date | Reading:
    if context.anchor is None:
        return unanchored(match, why)
    return context.anchor.date


def _against(context: Context) -> str:
    assert context.anchor is not None
    return f"against {context.anchor.description}"


def read_day_word(match: re.Match[str], context: Context) -> Reading | None:
    if _NAME_BEFORE_TODAY.search(context.text, max(0, match.start() - 20), match.start()) and match.group(0) == "Today":
        return None
    anchor = _anchor_date(match, context, "a relative date")
    if isinstance(anchor, Reading):
        return anchor
    word = " ".join(match.group("word").lower().split())
    offset = _DAY_WORD_OFFSETS.get(word, 0)
    if word.startswith("the day"):
        offset = -2 if word.endswith("yesterday") else 2
    date = anchor + dt.timedelta(days=offset)
    return resolved(match, cal.day(date), _against(context), relative=True)


_AFTER_A_WEEKDAY = re.compile(rf"\b{WEEKDAY}\s*(?:,|and|or|to|through|until|-|\u2013|\u2014)\s*(?:on\s+)?$")


def _follows_a_weekday(match: re.Match[str], text: str) -> bool:
    return _AFTER_A_WEEKDAY.search(text, max(0, match.start() - 24), match.start()) is not None


def read_weekday(match: re.Match[str], context: Context) -> Reading | None:
    if _WEEKDAY_NAMES_THAT_ARE_NOT_DATES.search(context.text[max(0, match.start() - 8) : match.start()]):
        return None
    anchor = _anchor_date(match, context, "a weekday")
    if isinstance(anchor, Reading):
        return anchor
    weekday = weekday_number(match.group("wd"))
    relation = " ".join((match.group("rel") or "").lower().split())
    week = (match.group("week") or "").lower()
    if week:
        shift = {"last": -1, "next": 1}.get(week, 0)
        date = cal.week_of(anchor, shift).start + dt.timedelta(days=weekday)
    elif relation == "this":
        date = cal.week_of(anchor).start + dt.timedelta(days=weekday)
    elif relation in ("next", "coming", "this coming"):
        date = cal.weekday_near(anchor, weekday, "future", strict=True)
    elif relation in ("last", "this past"):
        date = cal.weekday_near(anchor, weekday, "past", strict=True)
    elif context.previous_day is not None and _follows_a_weekday(match, context.text):
        # "on Monday or Tuesday": the second day follows the first, whatever the verbs near it
        date = cal.weekday_near(context.previous_day + dt.timedelta(days=1), weekday, "future")
        how = f"is the {match.group('wd')} after {context.previous_day} and"
        return resolved(match, cal.day(date), how, relative=True)
    else:
        # News reports what happened: a bare weekday is the latest one, unless the verb looks ahead.
        date = cal.weekday_near(anchor, weekday, context.tense)
    tense = " in future tense" if context.tense == "future" and not relation and not week else ""
    return resolved(match, cal.day(date), f"{_against(context)}{tense}", relative=True)


def _period_value(anchor: dt.date, unit: str, shift: int) -> DateValue:
    # A week is a range, never a day: which day of it is meant, the text does not say.
    if unit == "week":
        return cal.week_of(anchor, shift)
    if unit == "weekend":
        saturday = cal.week_of(anchor, shift).start + dt.timedelta(days=5)
        return cal.span(saturday, saturday + dt.timedelta(days=1))
    if unit == "month":
        return cal.month(*cal.add_months(anchor.year, anchor.month, shift))
    if unit == "year":
        return cal.year(anchor.year + shift)
    first = anchor.year // 10 * 10 + 10 * shift
    return cal.span(dt.date(first, 1, 1), dt.date(first + 9, 12, 31))


def read_period(match: re.Match[str], context: Context) -> Reading | None:
    relation = " ".join(match.group("rel").lower().split())
    if relation == "the" and not match.group("part"):
        return None  # "the year" alone is anaphoric or generic ("the year's best").
    unit = match.group("unit").lower()
    if relation == "the following":
        # "The following week" counts from the date the story has reached, not from publication.
        latest = context.previous_value
        if latest is None or latest.precision not in _FOLLOWING_NEEDS.get(unit, ()):
            return None  # the following year of what, the text has not said
        anchor, how = latest.start, f"counts from the date last mentioned, {describe(latest)}, and"
    else:
        found = _anchor_date(match, context, "a relative date")
        if isinstance(found, Reading):
            return found
        anchor, how = found, _against(context)
    value = _period_value(anchor, unit, _PERIOD_SHIFTS.get(relation, 0))
    part = (match.group("part") or "").lower()
    if unit == "week" and relation == "this" and part in ("earlier", "later"):
        value = _week_before_or_after(value, anchor, part)
    return resolved(match, value, how, relative=True)


def _week_before_or_after(week: DateValue, anchor: dt.date, part: str) -> DateValue:
    """ "Earlier this week": the days of the week before the anchor; "later this week": those after it."""
    one_day = dt.timedelta(days=1)
    start, end = (week.start, anchor - one_day) if part == "earlier" else (anchor + one_day, week.end)
    if start > end:
        return week  # on a Monday nothing of the week came earlier: the text means the week at large
    return cal.day(start) if start == end else cal.span(start, end)


def read_ago(match: re.Match[str], context: Context) -> Reading | None:
    anchor = _anchor_date(match, context, "a relative date")
    if isinstance(anchor, Reading):
        return anchor
    count, unit = number_value(match.group("n")), match.group("unit").lower()
    if unit in _AGO_UNITS:
        value = cal.day(anchor - dt.timedelta(days=count * _AGO_UNITS[unit]))
    elif unit == "month":
        value = cal.month(*cal.add_months(anchor.year, anchor.month, -count))
    else:
        years = count * (10 if unit == "decade" else 1)
        if years >= anchor.year:
            return None
        value = cal.year(anchor.year - years)
    return resolved(match, value, _against(context), relative=True)


def read_same_day(match: re.Match[str], context: Context) -> Reading | None:
    if re.search(r"(?i:\bby|\bper|\bone|\bto)\s+$", context.text[max(0, match.start() - 5) : match.start()]):
        return None
    if not (match.group("side") or match.group("dir")) and _DAY_DEFINED_AFTER.match(context.text, match.end()):
        return None
    reference = context.previous_day
    if reference is not None:
        description = f"the day last mentioned, {reference.isoformat()},"
    elif context.anchor is not None:
        reference, description = context.anchor.date, context.anchor.description
    else:
        return unanchored(match, "a reference to an earlier day")
    direction = (match.group("dir") or match.group("side") or "").lower()
    offset = {"before": -1, "previous": -1, "after": 1, "following": 1, "next": 1}.get(direction, 0)
    date = reference + dt.timedelta(days=offset)
    return resolved(match, cal.day(date), f"refers to {description} and", relative=True)


def read_periods_later(match: re.Match[str], context: Context) -> Reading | None:
    """ "Two days later" counts from the day last mentioned, "two years later" from the date last
    mentioned, in its own unit; without such a date it says nothing."""
    unit = match.group("unit").lower()
    count = number_value(match.group("n")) * (1 if match.group("dir").lower() == "later" else -1)
    latest = context.previous_value
    if unit in _AGO_UNITS:
        if context.previous_day is None:
            return None
        value = cal.day(context.previous_day + dt.timedelta(days=count * _AGO_UNITS[unit]))
        how = f"counts from the day last mentioned, {context.previous_day.isoformat()}, and"
        return resolved(match, value, how, relative=True)
    if latest is None or latest.precision not in _FOLLOWING_NEEDS[unit]:
        return None
    if unit == "month":
        value = cal.month(*cal.add_months(latest.start.year, latest.start.month, count))
    else:
        value = cal.year(latest.start.year + count)
    return resolved(match, value, f"counts from the date last mentioned, {describe(latest)}, and", relative=True)


def read_ordinal_day(match: re.Match[str], context: Context) -> Reading | None:
    if not _ORDINAL_DAY_INTRODUCERS.search(context.text, max(0, match.start() - 10), match.start()):
        return None  # "the 15th floor", "the 21st century"
    if match.group("this") or context.previous_month is None:
        anchor = _anchor_date(match, context, "a day without a month")
        if isinstance(anchor, Reading):
            return anchor
        month, how = anchor.replace(day=1), f"takes the month of {_against(context)[len('against ') :]} and"
        if context.tense in ("past", "past_clause") and int(match.group("d")[:-2]) > anchor.day:
            month = cal.month(*cal.add_months(month.year, month.month, -1)).start
            how = f"in past prose takes the month before {_against(context)[len('against ') :]} and"
    else:
        month, how = context.previous_month, f"takes the month last named, {context.previous_month:%Y-%m}, and"
    date = cal.valid_date(month.year, month.month, int(match.group("d")[:-2]))
    return resolved(match, cal.day(date) if date else None, how, relative=True)


RELATIVE_RULES = (
    Rule("day_word", "day_word", DAY_WORD, read_day_word),
    Rule("weekday", "weekday", WEEKDAY_NAME, read_weekday),
    Rule("period", "unit", PERIOD, read_period),
    Rule("ago", "unit", AGO, read_ago),
    Rule("same_day", "unit", SAME_DAY, read_same_day),
    Rule("periods_later", "unit", PERIODS_LATER, read_periods_later),
    Rule("ordinal_day", "ordinal", ORDINAL_DAY, read_ordinal_day),
)
