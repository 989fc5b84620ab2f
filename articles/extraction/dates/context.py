"""The prose around a date: the tense it is told in, and the quotes it sits in."""

from __future__ import annotations

import re

from articles.extraction.wordsets import case_blind_alternation, word_set

from .arithmetic import Tense

# How far either side of a date its governing verb is looked for.
_LOOK_BEHIND = 70
_LOOK_AHEAD = 50

# Irregular past forms news uses; regular ones end in -ed.
_IRREGULAR_PAST = word_set(
    """
    said met held took made began came went saw gave told won lost fell rose left sent spoke
    wrote was were had did got led fled found brought fought bought thought sought caught built spent struck
    stood paid ran chose became broke drove flew grew kept knew laid meant sold shot sat stole swore
    threw withdrew overtook arose forgave forbade undertook underwent upheld
    """
)
# Words ending in -ed that are no past tense, and participles that look ahead.
_NOT_PAST = (
    r"(?!(?:expected|scheduled|planned|slated|needed|proposed|postponed|delayed|deferred|rescheduled|"
    r"need|speed|seed|feed|indeed|proceed|exceed|succeed|hundred|red|bed|shed|breed|deed|heed|greed)\b)"
)
# The word boundary first: most positions fail it, before the look-behinds are tried.
# "families separated by the war": a passive participle after a noun carries no tense.
_PAST_VERB = (
    rf"\b(?<!\bbe )(?<!\bbeen )(?<!\bbeing )(?<!\bis )(?<!\bare ){_NOT_PAST}"
    rf"(?:[a-z]+ed(?!\s+by\b)|{case_blind_alternation(sorted(_IRREGULAR_PAST))})\b"
)
# Verbs that report speech: they set the tense of the date right after them ("said on
# Monday"), not of a date in the clause they introduce ("said talks on May 3 will...").
_REPORTING = re.compile(
    r"(?i:said|told|announced|stated|added|reported|confirmed|warned|noted|explained|claimed|insisted|"
    r"argued|wrote|declared|predicted|promised|pledged|vowed|threatened|revealed|indicated|suggested)"
)
_AUXILIARIES = ("is", "are", "be", "was", "were")
_COMMITMENTS = ("agreed", "decided", "arranged", "offered", "promised", "pledged", "vowed")
# What will happen, in the order re tries them at one place.
_FUTURE_MARKERS = (
    "will", "won't", "shall", r"going\s+to", r"would(?!\s+have)", r"plans?\s+to", r"planning\s+to", "upcoming",
    *(rf"{auxiliary}\s+(?:scheduled|set|slated|poised)\s+to" for auxiliary in _AUXILIARIES),
    *(rf"{participle}\s+to" for participle in ("scheduled", "set", "slated", "poised")),
    *(rf"{auxiliary}\s+(?:due\b|(?:planned|likely)\s+to)" for auxiliary in _AUXILIARIES),
    "should", r"must(?!\s+have)", r"ahead\s+of",
    r"e(?<!an e)(?<!the e)xpected",  # not "an expected", "the expected": the look-behinds follow the "e"
    *(rf"{participle}\s+for" for participle in ("scheduled", "set", "slated", "due", "planned")),
    r"to\s+be\s+held", r"is\s+to", r"are\s+to", r"intends?\s+to", r"aims?\s+to",
    # "agreed to meet on Friday": the act is past, the meeting it agrees on is ahead
    *(
        rf"{verb}\s+to(?!\s+(?:a|an|the|its|their|his|her)\b)"
        for verb in _COMMITMENTS
    ),
    *(
        rf"{verb}\s+(?:\w+\s+)?(?:to|until|till)"
        for verb in ("postponed", "delayed", "deferred", "rescheduled", r"pushed\s+back")
    ),
    r"next(?!\s+(?:day|morning|evening|night)\b)",
)  # fmt: skip
# The verbs that tell the tense of a date's sentence: what will happen, or what happened.
_TENSE_MARKERS = re.compile(
    rf"\b(?P<future>(?:{case_blind_alternation(_FUTURE_MARKERS)})\b|'ll\b|\b(?:may|might)\b(?!\s+have))"
    rf"|(?P<past>{_PAST_VERB})"
)
# "announced in January, in which jobs should be cut": the verb just before the date rules.
_PAST_VERB_BEFORE = re.compile(rf"{_PAST_VERB}\s+(?:(?i:in|on|at|since|during|early|late|last)\s+)?$")
_COMPLEMENT_START = re.compile(r"\bthat\b")
# "on Monday agreed to reopen": a date before the commitment is when it was made.
_COMMITMENT = re.compile(rf"(?i:{'|'.join(_COMMITMENTS)})\s")
_UNTIL_BEFORE = re.compile(r"\b(?i:until|till)\s+$")
_SINCE_BEFORE = re.compile(r"\b(?i:since)\s+$")
# Not after a lone capital: "the U.N. General Assembly" goes on.
_SENTENCE_END = re.compile(r"(?<!\b[A-Z])[.!?][\"'\u201d\u2019)]*\s+(?=[A-Z\"\u201c\u2018'`])|\n")
_QUOTE = re.compile(r"\u201c[^\u201d\n]{1,3000}\u201d|\"[^\"\n]{1,3000}\"|``[^\n]{1,3000}?''")


def _sentence_window(text: str, start: int, end: int) -> tuple[int, int]:
    low, high = max(0, start - _LOOK_BEHIND), min(len(text), end + _LOOK_AHEAD)
    for boundary in _SENTENCE_END.finditer(text, low, start):
        low = boundary.end()
    following = _SENTENCE_END.search(text, end, high)
    return low, following.start() if following else high


def tense_around(text: str, start: int, end: int) -> Tense:
    """The tense of the verb governing text[start:end]: the nearest before it, else the first after."""
    if _UNTIL_BEFORE.search(text, max(0, start - 8), start):
        return "future"
    if _SINCE_BEFORE.search(text, max(0, start - 8), start):
        return "past"
    low, high = _sentence_window(text, start, end)
    past_verb = _PAST_VERB_BEFORE.search(text, max(low, start - 24), start)
    # A verb with no subject before it ("Held on May 3, the summit") is a participle, not a tense.
    if past_verb and text[low : past_verb.start()].strip():
        return "past"
    before = [
        marker
        for marker in _TENSE_MARKERS.finditer(text, low, start)
        if marker.lastgroup == "future" or text[low : marker.start()].strip()
    ]
    # "Friday's earthquake ... may cross 20,000": a possessive date names a known occasion, and
    # the verbs after it tell of something else.
    after = None if text.startswith(("'s", "\u2019s"), end) else _TENSE_MARKERS.search(text, end, high)
    # "said talks on May 3 will focus": the clause's own verb rules; but in "promised in April
    # that they would join", the date is the promise's
    if (
        before
        and _REPORTING.fullmatch(before[-1].group(0))
        and after is not None
        and not _COMPLEMENT_START.search(text, end, after.start())
    ):
        return _tense(after)
    if before:
        return _tense(before[-1])
    if after is not None and _COMMITMENT.match(after.group(0)):
        return "past_clause"
    return _tense(after) if after is not None else "neutral"


def _tense(marker: re.Match[str]) -> Tense:
    return "future" if marker.lastgroup == "future" else "past_clause"


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Start and end of every quotation, marks included."""
    return [match.span() for match in _QUOTE.finditer(text)]


def attribution_span(text: str, quote_start: int, quote_end: int) -> tuple[int, int]:
    """The rest of the sentence around a quote, where "he said on Tuesday" would be."""
    low, high = _sentence_window(text, quote_start, quote_end)
    return low, high
