from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from timelines.models import (
    Actor,
    ActorAlias,
    CandidateEvent,
    Event,
    EventSource,
    Timeline,
    TimelineEntry,
    TimelineVersion,
)


class ActorAliasInline(admin.TabularInline[ActorAlias, Actor]):
    model = ActorAlias
    extra = 1


@admin.register(Actor)
class ActorAdmin(SimpleHistoryAdmin):  # type: ignore[misc]  # simple_history ships no type hints
    list_display = ["canonical_name", "kind", "created_at"]
    list_filter = ["kind"]
    search_fields = ["canonical_name", "aliases__name"]
    inlines = [ActorAliasInline]


@admin.register(CandidateEvent)
class CandidateEventAdmin(SimpleHistoryAdmin):  # type: ignore[misc]  # simple_history ships no type hints
    list_display = ["summary", "article", "date_start", "date_precision", "event_type", "status", "confidence"]
    list_filter = ["status", "event_type", "date_precision"]
    search_fields = ["summary", "article__title", "location", "actors__canonical_name"]
    autocomplete_fields = ["actors"]
    raw_id_fields = ["article", "event", "decided_by"]
    readonly_fields = ["fingerprint", "created_at"]


class EventSourceInline(admin.TabularInline[EventSource, Event]):
    model = EventSource
    extra = 0
    raw_id_fields = ["article", "candidate", "added_by"]


@admin.register(Event)
class EventAdmin(SimpleHistoryAdmin):  # type: ignore[misc]  # simple_history ships no type hints
    list_display = ["title", "date_start", "date_end", "date_precision", "event_type", "location"]
    list_filter = ["event_type", "date_precision"]
    search_fields = ["title", "summary", "location", "actors__canonical_name"]
    date_hierarchy = "date_start"
    autocomplete_fields = ["actors"]
    inlines = [EventSourceInline]


class TimelineEntryInline(admin.TabularInline[TimelineEntry, Timeline]):
    model = TimelineEntry
    extra = 0
    raw_id_fields = ["event", "added_by"]


@admin.register(Timeline)
class TimelineAdmin(SimpleHistoryAdmin):  # type: ignore[misc]  # simple_history ships no type hints
    list_display = ["title", "slug", "published_version", "updated_at"]
    search_fields = ["title", "slug", "description"]
    prepopulated_fields = {"slug": ["title"]}
    raw_id_fields = ["published_version", "created_by"]
    inlines = [TimelineEntryInline]


@admin.register(TimelineVersion)
class TimelineVersionAdmin(admin.ModelAdmin[TimelineVersion]):
    list_display = ["timeline", "number", "published_by", "published_at"]
    list_filter = ["timeline"]
    readonly_fields = ["timeline", "number", "snapshot", "published_by", "published_at"]

    def has_change_permission(self, request: HttpRequest, obj: TimelineVersion | None = None) -> bool:
        return False
