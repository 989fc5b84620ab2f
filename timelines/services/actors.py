"""The Actor table as the extraction engine reads it, the shipped starter actors, and editors' changes to it."""

from __future__ import annotations

from typing import cast

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Count, Max, Model

from articles.extraction.actors import ActorMatcher, load_starter_actors
from articles.extraction.types import ActorEntry, ActorKind
from timelines.models import Actor, ActorAlias
from timelines.services.history import delete_with_history, save_with_history

_matcher_cache: dict[tuple[object, ...], ActorMatcher] = {}


def actor_entries() -> list[ActorEntry]:
    """The Actor table as the engine reads it."""
    aliases: dict[int, list[str]] = {}
    for actor_id, name in ActorAlias.objects.values_list("actor_id", "name"):
        aliases.setdefault(actor_id, []).append(name)
    return [
        ActorEntry(canonical_name=name, kind=cast(ActorKind, kind), aliases=tuple(sorted(aliases.get(pk, []))))
        for pk, name, kind in Actor.objects.values_list("pk", "canonical_name", "kind")
    ]


def actor_matcher() -> ActorMatcher:
    """A matcher over the Actor table, rebuilt only when actors or aliases changed."""
    # Every add, rename, merge or delete of an actor or alias writes a history row, so its latest date moves.
    key = (
        tuple(Actor.objects.aggregate(Count("pk"), Max("pk")).values()),
        tuple(ActorAlias.objects.aggregate(Count("pk"), Max("pk")).values()),
        Actor.history.aggregate(Max("history_date"))["history_date__max"],
        ActorAlias.history.aggregate(Max("history_date"))["history_date__max"],
    )
    if key not in _matcher_cache:
        _matcher_cache.clear()
        _matcher_cache[key] = ActorMatcher(actor_entries())
    return _matcher_cache[key]


def load_starter_actors_into_table() -> int:
    """Add the shipped starter actors and aliases the table lacks. Safe to re-run; returns actors added."""
    added = 0
    for entry in load_starter_actors():
        actor, created = Actor.objects.get_or_create(canonical_name=entry.canonical_name, defaults={"kind": entry.kind})
        added += created
        for alias in entry.aliases:
            ActorAlias.objects.get_or_create(actor=actor, name=alias)
    return added


class ActorConflict(ValueError):
    """The actor change cannot be made; the message says why, for the editor."""


def add_actor(*, name: str, kind: str, user: User | None = None) -> Actor:
    """Create an actor, or return the one already named so; later extractions recognize it."""
    name = " ".join(name.split())
    existing = Actor.objects.filter(canonical_name__iexact=name).first()
    if existing:
        return existing
    actor = Actor(canonical_name=name, kind=kind)
    save_with_history(actor, user=user)
    return actor


def add_alias(*, actor_id: int, name: str, user: User | None = None) -> ActorAlias:
    """Give an actor another name later extractions recognize. Safe to re-run."""
    name = " ".join(name.split())
    actor = Actor.objects.get(pk=actor_id)
    if not name or name.casefold() == actor.canonical_name.casefold():
        raise ActorConflict("An alias needs a name other than the actor's own.")
    alias = ActorAlias.objects.filter(actor=actor, name=name).first()
    if alias is None:
        alias = ActorAlias(actor=actor, name=name)
        save_with_history(alias, user=user)
    return alias


def merge_actors(*, keep_id: int, duplicate_id: int, user: User | None = None) -> Actor:
    """Fold a duplicate actor into another: aliases, candidates and events move; its name becomes an alias."""
    if keep_id == duplicate_id:
        raise ActorConflict("An actor cannot be merged into itself.")
    with transaction.atomic():
        actors = {a.pk: a for a in Actor.objects.select_for_update().filter(pk__in=[keep_id, duplicate_id])}
        if len(actors) < 2:
            raise ActorConflict("One of these actors no longer exists; nothing was merged.")
        keep, duplicate = actors[keep_id], actors[duplicate_id]
        for alias_name in [duplicate.canonical_name, *duplicate.aliases.values_list("name", flat=True)]:
            if alias_name.casefold() != keep.canonical_name.casefold():
                add_alias(actor_id=keep.pk, name=alias_name, user=user)
        for relation in (Actor.candidates.through, Actor.events.through):
            _repoint(relation, keep_id=keep.pk, duplicate_id=duplicate.pk)
        delete_with_history(duplicate, user=user, reason=f"merged into actor {keep.pk} “{keep}”")
    return keep


def _repoint(through: type[Model], *, keep_id: int, duplicate_id: int) -> None:
    owner = next(f.attname for f in through._meta.fields if f.is_relation and f.related_model is not Actor)
    links = through._default_manager  # the auto-created through model's only manager, `objects`
    already = links.filter(actor_id=keep_id).values(owner)
    links.filter(actor_id=duplicate_id, **{f"{owner}__in": already}).delete()
    links.filter(actor_id=duplicate_id).update(actor_id=keep_id)
