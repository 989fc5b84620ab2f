"""The engine's inputs and outputs: frozen, plain data, no Django."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

Precision = Literal["day", "month", "year", "range"]
ActorKind = Literal["person", "country", "organization"]


@dataclass(frozen=True)
class DateValue:
    """A closed calendar interval and the precision an editor would read it at."""

    start: dt.date
    end: dt.date
    precision: Precision

    def contains(self, other: DateValue) -> bool:
        return self.start <= other.start and other.end <= self.end

    def as_json(self) -> str | dict[str, str]:
        """The scorer's format: "2023", "2023-04", "2023-04-24" or {"start", "end"}."""
        if self.precision == "year":
            return f"{self.start.year:04d}"
        if self.precision == "month":
            return f"{self.start.year:04d}-{self.start.month:02d}"
        if self.precision == "day":
            return self.start.isoformat()
        return {"start": self.start.isoformat(), "end": self.end.isoformat()}


@dataclass(frozen=True)
class DateMention:
    """A date expression found in a text, with how it was resolved.

    `value` is None when the expression could not be resolved (no publication date
    for a relative expression, say); `explanation` then says why.
    """

    start: int
    end: int
    text: str
    value: DateValue | None
    explanation: str


@dataclass(frozen=True)
class ActorEntry:
    """An actor the extractor knows, as the database (or the starter data) holds it."""

    canonical_name: str
    kind: ActorKind
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class ActorMention:
    canonical_name: str
    kind: ActorKind
    surface: str
    known: bool


@dataclass(frozen=True)
class Candidate:
    """One proposed event, citing the sentence that states it by character offsets."""

    evidence_start: int
    evidence_end: int
    evidence_text: str
    date: DateMention | None
    event_type: str
    actors: tuple[ActorMention, ...]
    location: str
    summary: str
    confidence: float
    fingerprint: str
