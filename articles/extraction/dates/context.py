"""The prose around a date: the tense it is told in, and the quotes it sits in."""

from __future__ import annotations

import re

from .arithmetic import Tense

# How far either side of a date its governing verb is looked for.
_LOOK_BEHIND = 70
_LOOK_AHEAD = 50

# The verbs that tell the tense of a date's sentence: what will happen, or what happened.
_TENSE_MARKERS = re.compile(
    r"\b(?P<future>(?i:will|won't|shall|going\s+to|would|plans?\s+to|planning\s+to|upcoming|"
    r"(?:is|are|be)\s+(?:scheduled|due|set|slated|planned|poised|likely)\s+to|expected|should|"
    r"scheduled\s+for|to\s+be\s+held|is\s+to|are\s+to)\b|'ll\b)"
    r"|(?<!be )(?<!been )\b(?P<past>(?!(?:expected|scheduled|planned|slated|needed|proposed)\b)[a-z]+ed|"
    r"(?i:said|met|held|took|made|began|came|went|saw|gave|told|won|lost|fell|rose|left|sent|spoke|wrote|"
    r"was|were|had|did))\b"
)
# "announced in January, in which jobs should be cut": the verb just before the date rules.
_PAST_VERB_BEFORE = re.compile(
    r"(?<!be )(?<!been )\b(?!(?:expected|scheduled|planned|slated|needed)\b)"
    r"(?i:[a-z]+ed|said|met|held|took|made|began|came|went|saw|gave|told|won|lost|fell|rose|left|sent|spoke|"
    r"wrote|was|were|had|did)\s+(?:(?i:in|on|at|since|during|early|late|last)\s+)?$"
)
_UNTIL_BEFORE = re.compile(r"\b(?i:until|till)\s+$")
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s+(?=[A-Z\"\u201c\u2018'`])|\n")
_QUOTE = re.compile(r"\u201c[^\u201d\n]{1,3000}\u201d|\"[^\"\n]{1,3000}\"|``[^\n]{1,3000}?''")


def _sentence_window(text: str, start: int, end: int) -> tuple[int, int]:
    low, high = max(0, start - _LOOK_BEHIND), min(len(text), end + _LOOK_AHEAD)
    for boundary in _SENTENCE_END.finditer(text, low, start):
        low = boundary.end()
    following = _SENTENCE_END.search(text, end, high)
    return low, following.start() if following else high


def tense_around(text: str, start: int, end: int) -> Tense:
    """Future when the sentence around text[start:end] speaks of what will happen."""
    if _UNTIL_BEFORE.search(text, max(0, start - 8), start):
        return "future"
    if _PAST_VERB_BEFORE.search(text, max(0, start - 24), start):
        return "neutral"
    low, high = _sentence_window(text, start, end)
    before = [marker.lastgroup for marker in _TENSE_MARKERS.finditer(text, low, start)]
    after = _TENSE_MARKERS.search(text, end, high)
    nearest = before[-1] if before else after.lastgroup if after else None
    return "future" if nearest == "future" else "neutral"


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Start and end of every quotation, marks included."""
    return [match.span() for match in _QUOTE.finditer(text)]


def attribution_span(text: str, quote_start: int, quote_end: int) -> tuple[int, int]:
    """The rest of the sentence around a quote, where "he said on Tuesday" would be."""
    low, high = _sentence_window(text, quote_start, quote_end)
    return low, high
