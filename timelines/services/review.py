"""The desk's decisions on candidates and edits of events: each one conditional, recorded in history, undoable."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from timelines.models import Actor, CandidateEvent, Event, EventSource, TimelineEntry
from timelines.services.actors import add_actor, add_alias
from timelines.services.history import delete_with_history, save_with_history

NEW = CandidateEvent.Status.NEW


class DeskConflict(Exception):
    """Someone else changed the row first, or the change is not allowed any more; the message says what happened."""


@dataclass(frozen=True)
class DatedChanges:
    """What an editor may change on a candidate or an event."""

    date_start: dt.date | None
    date_end: dt.date | None
    date_precision: str
    event_type: str
    actors: Sequence[Actor]
    location: str
    summary: str
    title: str = ""
    new_actor_name: str = ""
    new_actor_kind: str = Actor.Kind.PERSON
    alias_for: Actor | None = None


def _chosen_actors(changes: DatedChanges, user: User) -> list[Actor]:
    """The actors picked, plus the one the editor named: a new actor, or a new alias of a known one."""
    actors = list(changes.actors)
    name = " ".join(changes.new_actor_name.split())
    if name and changes.alias_for:
        if name.casefold() != changes.alias_for.canonical_name.casefold():
            add_alias(actor_id=changes.alias_for.pk, name=name, user=user)
        actors.append(changes.alias_for)
    elif name:
        actors.append(add_actor(name=name, kind=changes.new_actor_kind, user=user))
    return actors


def accept_candidate(*, candidate_id: int, user: User) -> CandidateEvent:
    """Make a new candidate an Event citing its evidence; of two editors racing, exactly one wins."""
    with transaction.atomic():
        candidate = claim_candidate(candidate_id, user=user, status=CandidateEvent.Status.ACCEPTED)
        event = Event(
            event_type=candidate.event_type,
            location=candidate.location,
            title=(candidate.summary or candidate.evidence_text)[:300],
            summary=candidate.summary,
            created_by=user,
        )
        event.set_date(candidate.date_start, candidate.date_end, candidate.date_precision)
        save_with_history(event, user=user, reason=f"accepted from candidate {candidate.pk}")
        event.actors.set(candidate.actors.all())
        add_source(event=event, candidate=candidate, user=user)
        candidate.event = event
        save_with_history(candidate, user=user, reason="accepted")
    return candidate


def reject_candidate(*, candidate_id: int, user: User) -> CandidateEvent:
    """Mark a new candidate rejected; of two editors racing, exactly one wins."""
    with transaction.atomic():
        candidate = claim_candidate(candidate_id, user=user, status=CandidateEvent.Status.REJECTED)
        save_with_history(candidate, user=user, reason="rejected")
    return candidate


def add_source(*, event: Event, candidate: CandidateEvent, user: User) -> EventSource:
    """Cite the candidate's evidence span, and the sentence as it stands now, on the event."""
    source = EventSource(
        event=event,
        article_id=candidate.article_id,
        candidate=candidate,
        evidence_start=candidate.evidence_start,
        evidence_end=candidate.evidence_end,
        quote=candidate.evidence_text,
        added_by=user,
    )
    save_with_history(source, user=user)
    return source


def claim_candidate(candidate_id: int, *, user: User, status: str) -> CandidateEvent:
    """Move a new candidate to a decided status by conditional UPDATE; raise DeskConflict if it was not new."""
    claimed = CandidateEvent.objects.filter(pk=candidate_id, status=NEW).update(
        status=status, decided_by=user, decided_at=timezone.now()
    )
    candidate = CandidateEvent.objects.select_related("article", "decided_by").get(pk=candidate_id)
    if not claimed:
        raise DeskConflict(describe_decision(candidate))
    return candidate


def describe_decision(candidate: CandidateEvent) -> str:
    """The sentence the loser of a race reads."""
    if candidate.status == NEW:
        return "This candidate changed in the meantime; here is its current state."
    who = candidate.decided_by.get_username() if candidate.decided_by else "someone"
    return f"Already {candidate.get_status_display().lower()} by {who}; here is its current state."


def edit_candidate(*, candidate_id: int, version: int, changes: DatedChanges, user: User) -> CandidateEvent:
    """Apply an editor's corrections to a new candidate, unless it was decided or edited since the form was drawn."""
    with transaction.atomic():
        bumped = CandidateEvent.objects.filter(pk=candidate_id, status=NEW, version=version).update(
            version=F("version") + 1
        )
        candidate = CandidateEvent.objects.select_related("article", "decided_by").get(pk=candidate_id)
        if not bumped:
            raise DeskConflict(describe_decision(candidate))
        candidate.redate(changes.date_start, changes.date_end, changes.date_precision, by=user.get_username())
        for field in ("event_type", "location", "summary"):
            setattr(candidate, field, getattr(changes, field))
        save_with_history(candidate, user=user, reason="edited")
        candidate.actors.set(_chosen_actors(changes, user))
    return candidate


def edit_event(*, event_id: int, seen_updated_at: dt.datetime, changes: DatedChanges, user: User) -> Event:
    """Apply an editor's corrections to an event, unless someone changed it since the form was drawn."""
    with transaction.atomic():
        event = claim_event(event_id, seen_updated_at=seen_updated_at)
        event.set_date(changes.date_start, changes.date_end, changes.date_precision)
        for field in ("event_type", "location", "summary", "title"):
            setattr(event, field, getattr(changes, field))
        save_with_history(event, user=user, reason="edited")
        event.actors.set(_chosen_actors(changes, user))
    return event


def claim_event(event_id: int, *, seen_updated_at: dt.datetime) -> Event:
    """Lock in a change of the event as the editor saw it; raise DeskConflict if it changed since."""
    claimed = Event.objects.filter(pk=event_id, updated_at=seen_updated_at).update(updated_at=timezone.now())
    if not claimed:
        raise DeskConflict("Another editor changed this event in the meantime; here is its current state.")
    return Event.objects.get(pk=event_id)


def undo_last_decision(*, user: User) -> CandidateEvent | None:
    """Return the editor's latest decision to new and remove what it added; None when nothing is left to undo."""
    with transaction.atomic():
        candidate = CandidateEvent.objects.decided().filter(decided_by=user).order_by("-decided_at", "-pk").first()
        if candidate is None:
            return None
        reverted = CandidateEvent.objects.filter(pk=candidate.pk, status=candidate.status, decided_by=user).update(
            status=NEW, decided_by=None, decided_at=None, event=None
        )
        if not reverted:
            raise DeskConflict("That decision changed in the meantime; nothing was undone.")
        _remove_source(candidate, user=user)
        undone = CandidateEvent.objects.select_related("article").get(pk=candidate.pk)
        save_with_history(undone, user=user, reason=f"undid {candidate.get_status_display().lower()}")
    return undone


def _remove_source(candidate: CandidateEvent, *, user: User) -> None:
    source = EventSource.objects.filter(candidate=candidate).select_related("event").first()
    if source is None:
        return
    event = source.event
    added_actors = list(source.added_actors.all())
    if added_actors:
        event.actors.remove(*added_actors)
        save_with_history(event, user=user, reason=f"undone: the actors merged in with candidate {candidate.pk}")
    delete_with_history(source, user=user, reason="undone")
    if event.sources.exists():
        return
    if TimelineEntry.objects.filter(event=event).exists():
        raise DeskConflict(f"“{event}” is on a timeline; take it off the timeline before undoing.")
    delete_with_history(event, user=user, reason="undone: no source left")
