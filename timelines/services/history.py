"""Writes simple_history attributes to an editor (also outside a request), and reading that history back."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import User
from django.db.models import Model
from django.utils.text import Truncator

from timelines.models import Actor, Event, EventSource

_VERBS = {"+": "added", "~": "changed", "-": "removed"}


def _attribute(instance: Model, user: User | None, reason: str) -> None:
    instance._history_user = user  # type: ignore[attr-defined]
    instance._change_reason = reason or None  # type: ignore[attr-defined]


def save_with_history(instance: Model, *, user: User | None, reason: str = "") -> None:
    """Save, recording who did it and why."""
    _attribute(instance, user, reason)
    instance.save()


def delete_with_history(instance: Model, *, user: User | None, reason: str = "") -> None:
    """Delete, recording who did it and why."""
    _attribute(instance, user, reason)
    instance.delete()


@dataclass(frozen=True)
class HistoryRow:
    date: dt.datetime
    user: User | None
    subject: str
    verb: str
    reason: str
    changes: list[tuple[str, Any, Any]]  # actors: the through rows (dicts) before _with_actor_names


def event_history(*, event: Event) -> list[HistoryRow]:
    """Every recorded change of the event and of the sources it has or had, newest first, with what changed."""
    records = list(event.history.select_related("history_user"))
    rows = [_row(record, older, "the event") for record, older in zip(records, [*records[1:], None], strict=True)]
    for record in EventSource.history.filter(event_id=event.pk).select_related("history_user"):
        rows.append(_row(record, None, f"source “{Truncator(record.quote).chars(80)}”"))
    return _with_actor_names(sorted(rows, key=lambda row: row.date, reverse=True))


def _row(record: Any, older: Any, subject: str) -> HistoryRow:
    changes = []
    if older is not None and record.history_type == "~":
        delta = record.diff_against(older, excluded_fields=["updated_at", "sort_rank"])
        changes = [(change.field, change.old, change.new) for change in delta.changes]
    return HistoryRow(
        date=record.history_date,
        user=record.history_user,
        subject=subject,
        verb=_VERBS[record.history_type],
        reason=record.history_change_reason or "",
        changes=changes,
    )


def _with_actor_names(rows: list[HistoryRow]) -> list[HistoryRow]:
    """simple_history gives m2m changes as through-table rows; editors read actor names."""
    actor_ids: set[int] = set()
    for row in rows:
        for field, old, new in row.changes:
            if field == "actors":
                actor_ids.update(link["actor"] for link in [*old, *new])
    names = dict(Actor.objects.filter(pk__in=actor_ids).values_list("pk", "canonical_name"))

    def named(links: list[dict[str, int]]) -> str:
        return ", ".join(sorted(names.get(link["actor"], f"actor {link['actor']}") for link in links))

    for row in rows:
        row.changes[:] = [
            (field, named(old), named(new)) if field == "actors" else (field, old, new)
            for field, old, new in row.changes
        ]
    return rows
