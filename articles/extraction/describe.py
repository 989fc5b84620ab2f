"""What an editor reads about a candidate (place, summary, confidence, fingerprint) and an untitled article's title."""

from __future__ import annotations

import hashlib
import re
from functools import cache

from articles.extraction.actors import FoundActor, geography
from articles.extraction.sentences import split_sentences
from articles.extraction.triggers import Trigger
from articles.extraction.types import DateMention

SUMMARY_MAX_CHARS = 120
TITLE_MAX_CHARS = 120
# Where the event's own clause ends and circumstances or other clauses begin.
_CLAUSE_END = re.compile(r"[;:!?]|,\s+(?:when|while|as|which|who|where|but|and|after|because)\b")
_NORMALIZE = re.compile(r"\W+")
# The same normalization for ASCII text, several times faster: bytes.translate beats re.sub.
_ASCII_NON_WORD_TO_SPACE = bytes(code if re.fullmatch(r"\w", chr(code)) else ord(" ") for code in range(256))
# "\b[A-Z]" written capital first, so that re looks only at capitals.
_CAPITALIZED = re.compile(r"[A-Z](?<!\w[A-Z])[\w'.-]*")


@cache
def _places_by_first_word() -> dict[str, tuple[str, ...]]:
    """Place names keyed by their first word, longest first (a dict beats a 300-way regex)."""
    places = geography()
    names = sorted({*places["cities"], *places["venues"]}, key=len, reverse=True)
    by_first_word: dict[str, list[str]] = {}
    for name in names:
        by_first_word.setdefault(name.split()[0], []).append(name)
    return {word: tuple(group) for word, group in by_first_word.items()}


def find_location(sentence: str) -> str:
    """The first venue or city named in the sentence, venues read as their city."""
    places = _places_by_first_word()
    for word in _CAPITALIZED.finditer(sentence):
        capitalized = word.group()
        for name in places.get(capitalized, ()) or places.get(capitalized.rstrip(".,"), ()):
            end = word.start() + len(name)
            if sentence.startswith(name, word.start()) and not sentence[end : end + 1].isalnum():
                venues: dict[str, str] = geography()["venues"]
                return venues.get(name, name)
    return ""


def _short_name(actor: FoundActor) -> str:
    """People by their full name; bodies and states as the article calls them."""
    mention = actor.mention
    if mention.kind == "person":
        return mention.canonical_name
    surface = mention.surface.replace("\u2019", "'").removesuffix("'s")
    telling = " " in surface or surface.isupper()  # "UN Security Council", "UNSC"; not "Assembly"
    return surface if telling and len(surface) < len(mention.canonical_name) else mention.canonical_name


def summarize(text: str, sentence_end: int, trigger: Trigger, actors: list[FoundActor]) -> str:
    """Who, then the clause of the event word, cut at a word boundary."""
    names: list[str] = []
    for actor in actors:
        if actor.start < trigger.start and _short_name(actor) not in names:
            names.append(_short_name(actor))
    subject = " and ".join(names[:2])
    clause_end = _CLAUSE_END.search(text, trigger.end, sentence_end)
    phrase = text[trigger.start : clause_end.start() if clause_end else sentence_end].strip().rstrip(".")
    # A verb continues its subject ("Lavrov met..."); a noun is a headline ("Lavrov: talks...").
    is_verb = trigger.form in ("past", "present") and not text[trigger.start : trigger.end].split()[0].endswith("ing")
    separator = " " if is_verb else ": "
    summary = f"{subject}{separator}{phrase}" if subject else phrase
    return shortened(summary, SUMMARY_MAX_CHARS)


def shortened(text: str, max_chars: int) -> str:
    """The text if it fits, else cut at its last space before the limit, with an ellipsis."""
    if len(text) <= max_chars:
        return text
    return text[: max_chars - 1].rsplit(" ", 1)[0] + "\u2026"


def title_of(text: str) -> str:
    """An untitled article's title: its first sentence, or its first line when that is a headline, shortened."""
    start, end = split_sentences(text)[0]
    return shortened(text[start:end], TITLE_MAX_CHARS)


def confidence(event_type: str, date_is_explicit: bool, actors: list[FoundActor]) -> float:
    """A rough prior: stated dates, known actors and specific acts make a likelier event."""
    score = 0.45
    score += 0.25 if date_is_explicit else 0.0
    score += 0.15 if any(actor.mention.known for actor in actors) else 0.05
    score += 0.1 if event_type not in ("STATEMENT", "CONSULT") else 0.05
    return round(min(score, 0.95), 2)


def _normalized(evidence: str) -> str:
    """Casefolded words joined by single spaces."""
    folded = evidence.casefold()
    if folded.isascii():
        return b" ".join(folded.encode().translate(_ASCII_NON_WORD_TO_SPACE).split()).decode()
    return _NORMALIZE.sub(" ", folded).strip()


def fingerprint(evidence: str, event_type: str, date: DateMention | None) -> str:
    """Stable across re-runs and repeated paragraphs: normalized evidence, type and date."""
    normalized = _normalized(evidence)
    value = date.value.as_json() if date is not None and date.value is not None else None
    digest = hashlib.sha1(f"{normalized}|{event_type}|{value}".encode()).hexdigest()
    return digest[:16]
