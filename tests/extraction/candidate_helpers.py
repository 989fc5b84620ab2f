"""What the event tests read off the engine's candidates."""

from articles.extraction.types import Candidate


def dates_of(found: list[Candidate]) -> list[object]:
    return [c.date.value.as_json() if c.date and c.date.value else None for c in found]


def names_of(candidate: Candidate) -> list[str]:
    return [mention.canonical_name for mention in candidate.actors]
