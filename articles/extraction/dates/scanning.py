"""Where in a text the rules are worth running: windows around the words dates hang on.

Running every rule's regex over the whole text costs a pass per rule; news text has
few date words, so each rule scans only the windows around its cue words instead.
"""

from __future__ import annotations

import re
from collections import defaultdict

from articles.extraction.wordsets import prefix_alternation

from .vocabulary import MONTH_NUMBERS, WEEKDAY_NUMBERS

Cue = str  # "month", "weekday", "day_word", "unit", "holiday", "season", "ordinal", "year" or "slash"

# Room for what a rule may put before its cue ("the end of the", "Wednesday, ") and after it.
_BEFORE_CUE = 30
_AFTER_CUE = 40


def _cased(words: str) -> list[str]:
    """Case-sensitive alternatives run faster than (?i:...) in the re module."""
    return [form for word in words.split() for form in (word, word.capitalize(), word.upper())]


_MONTH_NAMES = [form for name in MONTH_NUMBERS for form in (name.capitalize(), name.upper())]
_WEEKDAY_NAMES = [form for name in WEEKDAY_NUMBERS for form in (name.capitalize(), name.upper())]
_DAY_WORDS = _cased("today tonight yesterday tomorrow morning afternoon evening night")
_UNITS = _cased("day days week weeks weekend weekends month months year years decade decades")
_SEASONS = _cased("spring summer autumn fall winter")
# The words that are cues by themselves, with their kind. One prefix tree of them all is tried at
# a word, not one per kind: the word found then tells its kind.
_CUE_WORDS: dict[str, Cue] = {
    **dict.fromkeys(_MONTH_NAMES, "month"),
    **dict.fromkeys(_WEEKDAY_NAMES, "weekday"),
    **dict.fromkeys(_DAY_WORDS, "day_word"),
    **dict.fromkeys(_UNITS, "unit"),
    **dict.fromkeys(_SEASONS, "season"),
}
# A cheap look at the first letter spares trying every alternative at every word.
_HOLIDAY_INITIALS = "CBNVH"
_FIRST_LETTERS = "".join(sorted({word[0] for word in _CUE_WORDS} | set(_HOLIDAY_INITIALS)))
_CUE = re.compile(
    rf"\b(?=[{_FIRST_LETTERS}0-9])(?:(?P<word>{prefix_alternation(_CUE_WORDS)})\b"
    r"|(?P<holiday>Christmas|Boxing|New\s+Year|Valentine|Halloween)\b"
    r"|(?P<ordinal>(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b)"
    r"|(?P<year>\d{4}(?=(?:'?s)?\b)|(?<=')\d\d\b|\d0(?=s\b))|(?P<slash>\d{1,2}(?=/)))"
)


def cue_windows(text: str) -> dict[Cue, list[tuple[int, int]]]:
    """For each kind of cue, the merged stretches of text around its occurrences."""
    windows: dict[Cue, list[tuple[int, int]]] = defaultdict(list)
    for token in _CUE.finditer(text):
        cue = _CUE_WORDS[token.group()] if token.lastgroup == "word" else token.lastgroup
        assert cue is not None
        low, high = max(0, token.start() - _BEFORE_CUE), min(len(text), token.end() + _AFTER_CUE)
        spans = windows[cue]
        if spans and low <= spans[-1][1]:
            spans[-1] = (spans[-1][0], high)
        else:
            spans.append((low, high))
    return windows
