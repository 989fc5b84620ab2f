"""The Actor table as the extraction engine reads it, and the shipped starter actors."""

from __future__ import annotations

from django.db.models import Count, Max

from articles.extraction.actors import ActorMatcher, load_starter_actors
from articles.extraction.types import ActorEntry
from timelines.models import Actor, ActorAlias

_matcher_cache: dict[tuple[object, ...], ActorMatcher] = {}


def actor_entries() -> list[ActorEntry]:
    """The Actor table as the engine reads it."""
    aliases: dict[int, list[str]] = {}
    for actor_id, name in ActorAlias.objects.values_list("actor_id", "name"):
        aliases.setdefault(actor_id, []).append(name)
    return [
        ActorEntry(canonical_name=name, kind=kind, aliases=tuple(sorted(aliases.get(pk, []))))
        for pk, name, kind in Actor.objects.values_list("pk", "canonical_name", "kind")
    ]


def actor_matcher() -> ActorMatcher:
    """A matcher over the Actor table, rebuilt only when actors or aliases changed."""
    key = (
        tuple(Actor.objects.aggregate(Count("pk"), Max("pk"), Max("history__history_date")).values()),
        tuple(ActorAlias.objects.aggregate(Count("pk"), Max("pk")).values()),
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
