"""Words of English dates: month and weekday names, number words, and their regex forms."""

from __future__ import annotations

import re

from articles.extraction.wordsets import case_blind_alternation

MONTH_NUMBERS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "october": 10,
    "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip

WEEKDAY_NUMBERS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3,
    "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip

NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "a hundred": 100, "one hundred": 100, "a couple of": 2, "a few": 3,
}  # fmt: skip


def _capitalized(words: list[str]) -> str:
    """Alternatives matching "March" or "MARCH" but not "march" (the verb)."""
    return "|".join(f"{w.capitalize()}|{w.upper()}" for w in sorted(words, key=len, reverse=True))


_FULL_MONTHS = [m for m in MONTH_NUMBERS if len(m) > 4 or m in ("may", "june", "july")]
_ABBREVIATED_MONTHS = [m for m in MONTH_NUMBERS if m not in _FULL_MONTHS]

# A month written out, or abbreviated with its period ("Feb.", "Sept.").
MONTH = rf"(?:{_capitalized(_FULL_MONTHS)}|(?:{_capitalized(_ABBREVIATED_MONTHS)})\.)"
# Where a day number follows, "Feb 23" needs no period to be unambiguous.
MONTH_BEFORE_DAY = rf"(?:{MONTH}|(?:{_capitalized(_ABBREVIATED_MONTHS)})\b)"
WEEKDAY = rf"(?:{_capitalized(list(WEEKDAY_NUMBERS))})"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[5-9]\d\d|20\d\d|21\d\d)"
_TENS = [
    rf"{tens}(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
    for tens in ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
]
# A count in digits or words, in any case.
NUMBER = rf"(?:\d{{1,3}}|{case_blind_alternation([*_TENS, *sorted(NUMBER_WORDS, key=len, reverse=True)])})"
# "early March", "the end of 2020": the part of a period a date names.
PARTS = ("early", "mid", "late", r"the\s+(?:end|start|beginning|middle)\s+of")
RANGE_DASH = r"\s*(?:-|\u2013|\u2014|to|through|until|and)\s*"


def starting_with(first_characters: str, pattern: str) -> re.Pattern[str]:
    """pattern, compiled to fail at once where no match can start: re tries every position."""
    return re.compile(f"(?=[{first_characters}])" + pattern)


def number_value(words: str) -> int:
    """The value of "sixty-two", "a few" or "12"."""
    words = words.lower().replace("-", " ").strip()
    if words.isdigit():
        return int(words)
    if words in NUMBER_WORDS:
        return NUMBER_WORDS[words]
    return sum(NUMBER_WORDS[part] for part in words.split())


def month_number(name: str) -> int:
    return MONTH_NUMBERS[name.lower().rstrip(".")]


def weekday_number(name: str) -> int:
    return WEEKDAY_NUMBERS[name.lower()]


def day_number(day: str) -> int:
    return int(day.rstrip("stndrh"))
