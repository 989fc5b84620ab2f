"""Freezing a timeline into an immutable published version, and taking it down again."""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Max, Prefetch

from timelines.models import EventSource, EventType, Timeline, TimelineEntry, TimelineVersion
from timelines.snapshots import SNAPSHOT_FORMAT

TYPE_LABELS = dict(EventType.choices)
# Every public request needs the slug's current version; under load that one query costs more than
# serving the cached page, so each worker remembers it this long. A publish in this process is seen at once.
POINTER_SECONDS = 2.0
_pointers: dict[str, tuple[float, tuple[int, dt.datetime]]] = {}


class NothingToPublish(Exception):
    """The draft has no events: publishing it would show the public an empty timeline."""


def published_pointer(*, slug: str) -> tuple[int, dt.datetime] | None:
    """The id and publication time of the version the public sees; other workers see a change within POINTER_SECONDS."""
    now = time.monotonic()
    remembered = _pointers.get(slug)
    if remembered is not None and now - remembered[0] < POINTER_SECONDS:
        return remembered[1]
    pointer = Timeline.objects.published_pointer(slug)
    if pointer is None:
        _pointers.pop(slug, None)
    else:
        _pointers[slug] = (now, pointer)
    return pointer


def forget_published_pointers() -> None:
    """Drop what this process remembers of published versions (tests reuse slugs in fresh databases)."""
    _pointers.clear()


def build_snapshot(*, timeline: Timeline) -> dict[str, Any]:
    """Everything the public pages and exports show of the timeline as it stands; four queries whatever its size."""
    sources = EventSource.objects.select_related("article")
    entries = (
        TimelineEntry.objects.filter(timeline=timeline)
        .chronological()
        .select_related("event")
        .prefetch_related("event__actors", Prefetch("event__sources", queryset=sources))
    )
    return {
        "format": SNAPSHOT_FORMAT,
        "timeline": {"title": timeline.title, "slug": timeline.slug, "description": timeline.description},
        "events": [_snapshot_event(entry) for entry in entries],
    }


def _snapshot_event(entry: TimelineEntry) -> dict[str, Any]:
    event = entry.event
    return {
        "id": event.pk,
        "date_start": event.date_start.isoformat() if event.date_start else None,
        "date_end": event.date_end.isoformat() if event.date_end else None,
        "precision": event.date_precision,
        "title": event.title,
        "summary": event.summary,
        "actors": [actor.canonical_name for actor in event.actors.all()],
        "place": event.location,
        "type": event.event_type,
        "type_label": TYPE_LABELS.get(event.event_type, event.event_type),
        "note": entry.note,
        "sources": [
            {
                "outlet": source.article.outlet,
                "url": source.article.url,
                "article_title": source.article.title,
                "quote": source.quote,
                "published_on": source.article.published_on.isoformat() if source.article.published_on else "",
            }
            for source in event.sources.all()
        ],
    }


def publish_timeline(*, timeline: Timeline, published_by: User | None) -> TimelineVersion:
    """Freeze the draft as the next version and show it to the public; concurrent publishes get distinct numbers.

    Raises NothingToPublish when the draft has no events.
    """
    version = _publish(timeline=timeline, published_by=published_by, unless_unchanged=False)
    assert version is not None  # only an unchanged draft, when asked about, publishes nothing
    return version


def publish_timeline_if_changed(*, timeline: Timeline, published_by: User | None) -> TimelineVersion | None:
    """Publish only when the draft differs from what the public sees; None when it does not. Safe to re-run.

    Of two publishes racing on one draft (a double click), the second finds it unchanged.
    """
    return _publish(timeline=timeline, published_by=published_by, unless_unchanged=True)


def _publish(*, timeline: Timeline, published_by: User | None, unless_unchanged: bool) -> TimelineVersion | None:
    with transaction.atomic():
        locked = Timeline.objects.select_for_update().get(pk=timeline.pk)
        snapshot = build_snapshot(timeline=locked)
        if unless_unchanged and locked.published_version_id is not None:
            current = TimelineVersion.objects.values_list("snapshot", flat=True).get(pk=locked.published_version_id)
            if current == snapshot:
                return None
        if not snapshot["events"]:
            raise NothingToPublish("Nothing to publish: add events to the timeline first.")
        latest = locked.versions.aggregate(latest=Max("number"))["latest"] or 0
        version = TimelineVersion.objects.create(
            timeline=locked, number=latest + 1, snapshot=snapshot, published_by=published_by
        )
        locked.published_version = version
        locked._history_user = published_by  # type: ignore[attr-defined]
        locked._change_reason = f"published version {version.number}"  # type: ignore[attr-defined]
        locked.save(update_fields=["published_version", "updated_at"])
    _pointers.pop(locked.slug, None)
    timeline.refresh_from_db()
    return version


def unpublish_timeline(*, timeline: Timeline, unpublished_by: User | None) -> None:
    """Hide the timeline from the public at once; its versions stay on record for a later republish."""
    timeline.published_version = None
    timeline._history_user = unpublished_by  # type: ignore[attr-defined]
    timeline._change_reason = "unpublished"  # type: ignore[attr-defined]
    timeline.save(update_fields=["published_version", "updated_at"])
    _pointers.pop(timeline.slug, None)
