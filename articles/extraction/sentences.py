"""A fast rule-based sentence splitter that returns character offsets.

Sentences never cross a newline: the cleaner keeps one paragraph a line.
"""

from __future__ import annotations

import re

from articles.extraction.wordsets import word_set

# Words that end with a period without ending the sentence.
ABBREVIATIONS: frozenset[str] = word_set(
    """
    mr mrs ms dr prof gen lt col maj capt sgt adm cmdr gov sen rep rev hon pres amb sec
    st ste mt ft no nos vol art sec para fig jan feb mar apr jun jul aug sep sept oct nov dec
    jr sr inc corp co ltd bros dept est approx vs etc al op ed p pp ca
    """
)

# A candidate end: terminal punctuation, closing quotes or brackets, then space.
# "[.!?][.!?]*" rather than "[.!?]+": re skips to a punctuation mark only when one comes first.
_BOUNDARY = re.compile(r"[.!?][.!?]*[\"'\u201d\u2019)\]]*(?=\s+)")
# What may start the next sentence: a capital, a digit, an opening quote or bracket.
_SENTENCE_START = re.compile(r"\s+[\"'\u201c\u2018(\[]?[A-Z0-9À-Þ]")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
MAX_ABBREVIATION_CHARS = 24
_OPENING_QUOTES = "\u201c"
_CLOSING_QUOTES = "\u201d"
# A quote left open longer than this is taken as a typo, not a reason to keep joining.
MAX_QUOTE_CHARS = 800


def _ends_with_abbreviation(line: str, period_at: int) -> bool:
    if line[period_at] != ".":
        return False
    match = _WORD_BEFORE.search(line, max(0, period_at - MAX_ABBREVIATION_CHARS), period_at)
    if match is None:
        return False
    word = match.group(1)
    if "." in word:  # U.S., U.N., e.g.
        return True
    if len(word) == 1 and word.isupper():  # an initial: John F. Kennedy
        return True
    return word.lower() in ABBREVIATIONS


def _inside_quote(line: str, position: int, line_start: int) -> bool:
    """Whether an opened double quote is still open at `position` (curly or straight)."""
    window = line[max(line_start, position - MAX_QUOTE_CHARS) : position]
    curly_open = window.rfind(_OPENING_QUOTES)
    if curly_open > window.rfind(_CLOSING_QUOTES):
        return True
    return window.count('"') % 2 == 1


def _split_line(text: str, line_start: int, line_end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = line_start
    for boundary in _BOUNDARY.finditer(text, line_start, line_end):
        end = boundary.end()
        if not _SENTENCE_START.match(text, end, line_end):
            continue
        if _ends_with_abbreviation(text, boundary.start()):
            continue
        if _inside_quote(text, end, start) and text[end - 1] not in '"\u201d':
            continue
        spans.append((start, end))
        start = end
        while start < line_end and text[start].isspace():
            start += 1
    if start < line_end:
        spans.append((start, line_end))
    return spans


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of text[start:end], without edge whitespace."""
    stop = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    position = start
    while position < stop:
        newline = text.find("\n", position, stop)
        line_end = stop if newline < 0 else newline
        line_start = position
        while line_start < line_end and text[line_start].isspace():
            line_start += 1
        trimmed_end = line_end
        while trimmed_end > line_start and text[trimmed_end - 1].isspace():
            trimmed_end -= 1
        if line_start < trimmed_end:
            spans.extend(_split_line(text, line_start, trimmed_end))
        position = line_end + 1
    return spans
