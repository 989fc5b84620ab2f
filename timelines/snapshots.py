"""Reading a frozen timeline snapshot: events as pages show them, filters, grouping and diffs. Framework-free.

A snapshot is plain JSON (see services/publishing.py for how one is built):
{"format": 1, "timeline": {"title", "slug", "description"},
 "events": [{"id", "date_start", "date_end", "precision", "title", "summary", "actors", "place",
             "type", "type_label", "note", "sources": [{"outlet", "url", "article_title", "quote", "published_on"}]}]}
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from timelines.dates_display import format_date_span, iso_date_value, month_name
from timelines.density import DensityChart, density_chart

SNAPSHOT_FORMAT = 1
# What a correction can touch; the notes count, since readers see them beside the event.
COMPARED_FIELDS = (
    "date_start",
    "date_end",
    "precision",
    "title",
    "summary",
    "actors",
    "place",
    "type",
    "note",
    "sources",
)


@dataclass(frozen=True)
class Source:
    outlet: str
    url: str
    article_title: str
    quote: str
    published_on: str

    @property
    def reference(self) -> str:
        """The outlet and the address in plain text ("Reuters <https://...>"), leaving out what is unknown."""
        outlet = self.outlet or "Source"
        return f"{outlet} <{self.url}>" if self.url else outlet

    @property
    def link(self) -> str:
        """The article's address, only when it is a web address: a stored javascript: URL must never become a link."""
        return self.url if self.url.startswith(("https://", "http://")) else ""


@dataclass(frozen=True)
class EventView:
    id: int
    start: dt.date | None
    end: dt.date | None
    precision: str
    title: str
    summary: str
    actors: tuple[str, ...]
    place: str
    type: str
    type_label: str
    note: str
    sources: tuple[Source, ...]

    @property
    def date_label(self) -> str:
        return format_date_span(self.start, self.end, self.precision)

    @property
    def date_iso(self) -> str:
        return iso_date_value(self.start, self.precision)

    @property
    def anchor(self) -> str:
        return f"event-{self.id}"


def read_events(snapshot: Mapping[str, Any]) -> list[EventView]:
    """The snapshot's events, in the chronological order they were frozen in."""
    return [_event_view(raw) for raw in snapshot["events"]]


def _event_view(raw: Mapping[str, Any]) -> EventView:
    return EventView(
        id=raw["id"],
        start=_date(raw["date_start"]),
        end=_date(raw["date_end"]),
        precision=raw["precision"],
        title=raw["title"],
        summary=raw["summary"],
        actors=tuple(raw["actors"]),
        place=raw["place"],
        type=raw["type"],
        type_label=raw["type_label"],
        note=raw["note"],
        sources=tuple(Source(**source) for source in raw["sources"]),
    )


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


@dataclass(frozen=True)
class EventFilters:
    actor: str = ""
    type: str = ""
    year: int | None = None

    PARAMS = ("actor", "type", "year")

    @classmethod
    def from_query(cls, query: Mapping[str, str]) -> EventFilters:
        """Unknown or malformed values filter nothing, so a mangled link still shows the timeline."""
        year = query.get("year", "").strip()
        return cls(
            actor=query.get("actor", "").strip(),
            type=query.get("type", "").strip(),
            year=int(year) if year.isdigit() and len(year) == 4 else None,
        )

    @property
    def active(self) -> bool:
        return bool(self.actor or self.type or self.year)

    def apply(self, events: Iterable[EventView]) -> list[EventView]:
        return [
            e
            for e in events
            if (not self.actor or self.actor in e.actors)
            and (not self.type or e.type == self.type)
            and (self.year is None or (e.start is not None and e.start.year == self.year))
        ]


@dataclass(frozen=True)
class MonthGroup:
    label: str
    events: list[EventView]


@dataclass(frozen=True)
class YearGroup:
    label: str
    months: list[MonthGroup]


def group_by_year_and_month(events: Sequence[EventView]) -> list[YearGroup]:
    """Year, then month; events known only to the year come first under "During <year>"."""
    return [
        YearGroup(
            label=year,
            months=[MonthGroup(label, list(group)) for label, group in itertools.groupby(items, _month_label)],
        )
        for year, items in itertools.groupby(events, _year_label)
    ]


def _year_label(event: EventView) -> str:
    return str(event.start.year) if event.start else "Undated"


def _month_label(event: EventView) -> str:
    if event.start is None:
        return "Date unknown"
    if event.precision == "year":
        return f"During {event.start.year}"
    return f"{month_name(event.start.month)} {event.start.year}"


@dataclass(frozen=True)
class Facets:
    actors: list[str]
    types: list[tuple[str, str]]
    years: list[int]


def facets_of(events: Sequence[EventView]) -> Facets:
    """The filter choices that match at least one event."""
    return Facets(
        actors=sorted({actor for e in events for actor in e.actors}, key=str.casefold),
        types=sorted({(e.type, e.type_label) for e in events}, key=lambda choice: choice[1]),
        years=sorted({e.start.year for e in events if e.start}),
    )


@dataclass(frozen=True)
class Correction:
    event: EventView
    fields: list[str]


@dataclass(frozen=True)
class SnapshotDiff:
    added: list[EventView] = field(default_factory=list)
    removed: list[EventView] = field(default_factory=list)
    corrected: list[Correction] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.corrected)


def diff_snapshots(old: Mapping[str, Any], new: Mapping[str, Any]) -> SnapshotDiff:
    """Events added, removed and corrected between two snapshots, each list in chronological order."""
    old_events = {raw["id"]: raw for raw in old["events"]}
    new_events = {raw["id"]: raw for raw in new["events"]}
    corrected = []
    for raw in new["events"]:
        previous = old_events.get(raw["id"])
        changed = [name for name in COMPARED_FIELDS if previous is not None and previous.get(name) != raw.get(name)]
        if changed:
            corrected.append(Correction(_event_view(raw), changed))
    return SnapshotDiff(
        added=[_event_view(raw) for raw in new["events"] if raw["id"] not in old_events],
        removed=[_event_view(raw) for raw in old["events"] if raw["id"] not in new_events],
        corrected=corrected,
    )


def find_event(events: Iterable[EventView], event_id: int) -> EventView | None:
    return next((e for e in events if e.id == event_id), None)


@dataclass(frozen=True)
class TimelinePage:
    title: str
    slug: str
    description: str
    filters: EventFilters
    facets: Facets
    total: int
    shown: list[EventView]
    groups: list[YearGroup]
    density: DensityChart | None


def timeline_page(snapshot: Mapping[str, Any], filters: EventFilters) -> TimelinePage:
    """What a timeline page shows: the filtered events grouped by month, and filter choices from all of them."""
    events = read_events(snapshot)
    shown = filters.apply(events)
    meta = snapshot["timeline"]
    return TimelinePage(
        title=meta["title"],
        slug=meta["slug"],
        description=meta["description"],
        filters=filters,
        facets=facets_of(events),
        total=len(events),
        shown=shown,
        groups=group_by_year_and_month(shown),
        density=density_chart([e.start for e in shown]),
    )
