"""Assembling a draft timeline from curated events: what editors do before anything is published."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db.models import Q, QuerySet
from simple_history.utils import bulk_create_with_history

from timelines.models import Actor, CandidateEvent, Event, Timeline, TimelineEntry
from timelines.services.review import DeskConflict, accept_candidate


@dataclass(frozen=True)
class EventSearch:
    text: str = ""
    actor: Actor | None = None
    event_type: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None


def search_events(*, search: EventSearch, excluding: Timeline | None = None) -> QuerySet[Event]:
    """Curated events matching every given criterion, chronological; a date range keeps events that overlap it."""
    events = Event.objects.chronological()
    if search.text:
        events = events.filter(Q(title__icontains=search.text) | Q(summary__icontains=search.text))
    if search.actor:
        events = events.filter(actors=search.actor)
    if search.event_type:
        events = events.filter(event_type=search.event_type)
    if search.date_from:
        events = events.filter(date_end__gte=search.date_from)
    if search.date_to:
        events = events.filter(date_start__lte=search.date_to)
    if excluding is not None:
        events = events.exclude(entries__timeline=excluding)
    return events.distinct()


def create_timeline(*, title: str, slug: str, description: str, created_by: User) -> Timeline:
    """A new, unpublished timeline with no events."""
    timeline = Timeline(title=title, slug=slug, description=description, created_by=created_by)
    timeline._history_user = created_by  # type: ignore[attr-defined]
    timeline.save()
    return timeline


def add_events(*, timeline: Timeline, events: Iterable[Event], added_by: User | None) -> int:
    """Put events on the timeline, skipping those already on it. Safe to re-run; returns how many were added."""
    present = set(timeline.entries.values_list("event_id", flat=True))
    new_entries = [
        TimelineEntry(timeline=timeline, event=event, added_by=added_by)
        for event in {event.pk: event for event in events}.values()
        if event.pk not in present
    ]
    # Another editor adding the same event at the same moment must not fail the whole batch.
    bulk_create_with_history(new_entries, TimelineEntry, ignore_conflicts=True, default_user=added_by)
    return len(new_entries)


def add_matching_events(*, timeline: Timeline, search: EventSearch, added_by: User | None) -> int:
    """Put every event matching the search on the timeline. Safe to re-run; returns how many were added."""
    return add_events(timeline=timeline, events=search_events(search=search, excluding=timeline), added_by=added_by)


def remove_entry(*, timeline: Timeline, entry_id: int, removed_by: User | None) -> bool:
    """Take an event off the draft; published versions keep it. False when it was already gone."""
    entry = timeline.entries.filter(pk=entry_id).first()
    if entry is None:
        return False
    entry._history_user = removed_by  # type: ignore[attr-defined]
    entry.delete()
    return True


def set_entry_note(*, timeline: Timeline, entry_id: int, note: str, noted_by: User | None) -> TimelineEntry:
    """Store the editorial note shown with the event on this timeline only."""
    entry = timeline.entries.select_related("event").get(pk=entry_id)
    entry.note = note.strip()
    entry._history_user = noted_by  # type: ignore[attr-defined]
    entry.save(update_fields=["note"])
    return entry


def timeline_from_candidates(
    *, slug: str, title: str, description: str, user: User, keep_for_review: Collection[int] = ()
) -> Timeline:
    """Accept every new dated candidate (but those of the articles kept for review) and put the events on the timeline.

    Safe to re-run: decided candidates and events already on the timeline are left alone.
    """
    timeline = Timeline.objects.filter(slug=slug).first() or create_timeline(
        title=title, slug=slug, description=description, created_by=user
    )
    for candidate_id in (
        CandidateEvent.objects.unreviewed()
        .filter(date_start__isnull=False)
        .exclude(article_id__in=keep_for_review)
        .values_list("pk", flat=True)
    ):
        try:
            accept_candidate(candidate_id=candidate_id, user=user)
        except DeskConflict:
            continue  # an editor decided it meanwhile; their decision stands
    sourced = Event.objects.filter(date_start__isnull=False, sources__article__candidates__isnull=False).distinct()
    add_events(timeline=timeline, events=sourced, added_by=user)
    return timeline
