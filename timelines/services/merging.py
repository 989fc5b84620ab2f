"""Recognizing the same happening across articles, and merging or splitting events; every source keeps its span."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import cast

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Q, QuerySet

from timelines.models import CandidateEvent, Event, TimelineEntry
from timelines.services.history import delete_with_history, save_with_history
from timelines.services.review import DeskConflict, add_source, claim_candidate, claim_event

MATCH_WINDOW = dt.timedelta(days=3)
# Longer events are background rather than the same happening; bounding the span keeps the window on the index.
MAX_EVENT_SPAN = dt.timedelta(days=31)
# A page's windows hold a few hundred events at 100,000 events over ten years; this caps a pathological page.
MAX_BLOCK_ROWS = 3000
MIN_SIMILAR_WORDING = 0.3
_WORD = re.compile(r"[^\W\d_]{3,}")
_STOPWORDS = frozenset("the and for with from that this over after about into said says will their".split())  # noqa: SIM905


@dataclass(frozen=True)
class Suggestion:
    event: Event
    score: float
    shared_actors: tuple[str, ...]
    days_apart: int


def words(text: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(text.casefold()) if w not in _STOPWORDS)


def wording_similarity(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def days_apart(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> int:
    """Zero for overlapping intervals, else the gap in days."""
    return max((b[0] - a[1]).days, (a[0] - b[1]).days, 0)


@dataclass(frozen=True)
class _Blocked:
    """An event in some candidate's date window, read as plain values: thousands cost little."""

    pk: int
    event_type: str
    interval: tuple[dt.date, dt.date]
    words: frozenset[str]
    actor_ids: frozenset[int]


def suggest_events(*, candidates: Sequence[CandidateEvent], limit: int = 3) -> dict[int, list[Suggestion]]:
    """Events each new, dated candidate may duplicate, best first; three queries whatever the number of candidates.

    Candidates must come with their actors prefetched. The block is the date window, read on the
    (date_start, date_end) index; actors and wording are compared here, on plain values.
    """
    open_candidates = [c for c in candidates if c.status == CandidateEvent.Status.NEW and c.date_start]
    if not open_candidates:
        return {}
    blocked = _block(open_candidates)
    ranked = {
        candidate.pk: _rank(candidate, candidate.summary, blocked, exclude=candidate.event_id)[:limit]
        for candidate in open_candidates
    }
    return _with_events(ranked)


def suggest_duplicates(*, event: Event, limit: int = 5) -> list[Suggestion]:
    """Other events that may be this one told again, best first: candidates to merge into it."""
    if event.date_start is None:
        return []
    ranked = _rank(event, f"{event.title} {event.summary}", _block([event]), exclude=event.pk)[:limit]
    return _with_events({event.pk: ranked})[event.pk]


def _with_events(ranked: dict[int, list[tuple[int, float, tuple[str, ...], int]]]) -> dict[int, list[Suggestion]]:
    events = Event.objects.in_bulk({pk for found in ranked.values() for pk, *_ in found})
    return {
        key: [Suggestion(events[pk], score, shared, gap) for pk, score, shared, gap in found]
        for key, found in ranked.items()
    }


def _block(items: Sequence[CandidateEvent | Event]) -> list[_Blocked]:
    windows = Q()
    for item in items:
        start, end = _interval(item)
        windows |= Q(
            date_start__gte=start - MATCH_WINDOW - MAX_EVENT_SPAN,
            date_start__lte=end + MATCH_WINDOW,
            date_end__gte=start - MATCH_WINDOW,
        )
    in_windows = Event.objects.filter(windows).order_by("pk")
    rows = list(
        in_windows.values_list("pk", "event_type", "date_start", "date_end", "title", "summary")[:MAX_BLOCK_ROWS]
    )
    actor_ids: dict[int, set[int]] = {}
    # Literal ids, not a subquery: the planner then reads the event_id index instead of scanning the table.
    links = Event.actors.through.objects.filter(event_id__in=[row[0] for row in rows])
    for event_id, actor_id in links.values_list("event_id", "actor_id"):
        actor_ids.setdefault(event_id, set()).add(actor_id)
    # The window's date_start__gte excludes undated events, so start is set.
    return [
        _Blocked(
            pk,
            event_type,
            cast("tuple[dt.date, dt.date]", (start, end or start)),
            words(f"{title} {summary}"),
            frozenset(actor_ids.get(pk, ())),
        )
        for pk, event_type, start, end, title, summary in rows
    ]


def _interval(item: CandidateEvent | Event) -> tuple[dt.date, dt.date]:
    assert item.date_start is not None
    return item.date_start, item.date_end or item.date_start


def _rank(
    item: CandidateEvent | Event, text: str, blocked: Iterable[_Blocked], *, exclude: int | None
) -> list[tuple[int, float, tuple[str, ...], int]]:
    """(event pk, score, shared actor names, days apart), best first."""
    interval = _interval(item)
    actor_names = {actor.pk: actor.canonical_name for actor in item.actors.all()}
    item_words = words(text)
    found = []
    for event in blocked:
        gap = days_apart(interval, event.interval)
        if gap > MATCH_WINDOW.days or event.pk == exclude:
            continue
        shared = tuple(sorted(actor_names[pk] for pk in event.actor_ids & actor_names.keys()))
        wording = wording_similarity(item_words, event.words)
        if not shared and wording < MIN_SIMILAR_WORDING:
            continue
        score = len(shared) + 2 * wording + (event.event_type == item.event_type) - gap / 4
        found.append((event.pk, score, shared, gap))
    return sorted(found, key=lambda item: (-item[1], item[0]))


def merge_candidate_into_event(*, candidate_id: int, event_id: int, user: User) -> CandidateEvent:
    """Cite a new candidate's evidence as another source of an existing event, which gains the actors it lacked."""
    with transaction.atomic():
        candidate = claim_candidate(candidate_id, user=user, status=CandidateEvent.Status.MERGED)
        event = Event.objects.select_for_update().filter(pk=event_id).first()
        if event is None:
            raise DeskConflict("That event no longer exists; nothing was merged.")
        if event.sources.filter(
            article_id=candidate.article_id,
            evidence_start=candidate.evidence_start,
            evidence_end=candidate.evidence_end,
        ).exists():
            raise DeskConflict("That event already cites this sentence; nothing was merged.")
        source = add_source(event=event, candidate=candidate, user=user)
        new_actors = list(candidate.actors.exclude(events=event))
        if new_actors:
            event.actors.add(*new_actors)
            source.added_actors.set(new_actors)
            # Saving moves updated_at on, so an event form drawn before the merge cannot drop these actors.
            save_with_history(event, user=user, reason=f"gained the actors of merged candidate {candidate.pk}")
        candidate.event = event
        save_with_history(candidate, user=user, reason=f"merged into event {event.pk}")
    return candidate


def merge_events(*, event_id: int, seen_updated_at: dt.datetime, other_id: int, user: User) -> Event:
    """Fold another event into this one: its sources, candidates, actors and timeline places move over, then it goes."""
    if event_id == other_id:
        raise DeskConflict("An event cannot be merged into itself.")
    with transaction.atomic():
        event = claim_event(event_id, seen_updated_at=seen_updated_at)
        other = Event.objects.select_for_update().filter(pk=other_id).first()
        if other is None:
            raise DeskConflict("That event no longer exists; nothing was merged.")
        _move_sources(other, event, user=user)
        _repoint_candidates(CandidateEvent.objects.filter(event=other), event, user=user)
        _move_timeline_entries(other, event, user=user)
        event.actors.add(*other.actors.all())
        save_with_history(event, user=user, reason=f"merged event {other.pk} “{other.title}” into this one")
        delete_with_history(other, user=user, reason=f"merged into event {event.pk}")
    return event


def _move_sources(source_event: Event, target: Event, *, user: User) -> None:
    cited = set(target.sources.values_list("article_id", "evidence_start", "evidence_end"))
    for source in source_event.sources.all():
        source.event = target
        if (source.article_id, source.evidence_start, source.evidence_end) in cited:
            delete_with_history(source, user=user, reason=f"duplicate of a source of event {target.pk}")
        else:
            save_with_history(source, user=user, reason=f"moved from event {source_event.pk}")


def _repoint_candidates(candidates: QuerySet[CandidateEvent], target: Event, *, user: User) -> None:
    # One by one so each candidate's history shows where it went; an event has a handful, not thousands.
    for candidate in candidates:
        candidate.event = target
        save_with_history(candidate, user=user, reason=f"now cites event {target.pk}")


def _move_timeline_entries(source_event: Event, target: Event, *, user: User) -> None:
    on_timelines = set(TimelineEntry.objects.filter(event=target).values_list("timeline_id", flat=True))
    for entry in TimelineEntry.objects.filter(event=source_event):
        if entry.timeline_id in on_timelines:
            delete_with_history(entry, user=user, reason=f"event merged into event {target.pk}, already here")
        else:
            entry.event = target
            save_with_history(entry, user=user, reason=f"event merged into event {target.pk}")


def split_event(*, event_id: int, seen_updated_at: dt.datetime, source_ids: Sequence[int], user: User) -> Event:
    """Move the chosen sources (with their candidates) to a new event copied from this one; returns the new event."""
    with transaction.atomic():
        event = claim_event(event_id, seen_updated_at=seen_updated_at)
        moving = list(event.sources.filter(pk__in=source_ids))
        if not moving or len(moving) == event.sources.count():
            raise DeskConflict("Choose some, not all, of the event's sources to split off.")
        actors = list(event.actors.all())
        new_event = Event.objects.get(pk=event.pk)
        new_event.pk = None
        new_event.created_by = user
        save_with_history(new_event, user=user, reason=f"split from event {event.pk}")
        new_event.actors.set(actors)
        for source in moving:
            source.event = new_event
            save_with_history(source, user=user, reason=f"split from event {event.pk}")
        _repoint_candidates(CandidateEvent.objects.filter(source__in=moving), new_event, user=user)
        save_with_history(event, user=user, reason=f"split {len(moving)} source(s) off into event {new_event.pk}")
    return new_event
