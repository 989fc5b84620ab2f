from django.urls import path

from timelines.views import curation, desk, public, timeline_editing

desk_patterns = (
    [
        path("", desk.inbox, name="inbox"),
        path("articles/<int:pk>/", desk.article, name="article"),
        path("candidates/<int:pk>/", desk.candidate, name="candidate"),
        path("candidates/<int:pk>/accept/", desk.accept, name="accept"),
        path("candidates/<int:pk>/reject/", desk.reject, name="reject"),
        path("candidates/<int:pk>/merge/", desk.merge_candidate, name="merge-candidate"),
        path("candidates/<int:pk>/edit/", desk.edit_candidate, name="edit-candidate"),
        path("undo/", desk.undo, name="undo"),
        path("events/", curation.events, name="events"),
        path("events/<int:pk>/", curation.event, name="event"),
        path("events/<int:pk>/edit/", curation.edit_event, name="edit-event"),
        path("events/<int:pk>/merge/", curation.merge_events, name="merge-events"),
        path("events/<int:pk>/split/", curation.split_event, name="split-event"),
        path("actors/", curation.actors, name="actors"),
        path("actors/search/", curation.actor_search, name="actor-search"),
        path("actors/<int:pk>/aliases/", curation.add_alias, name="add-alias"),
        path("actors/<int:pk>/merge/", curation.merge_actor, name="merge-actor"),
        path("timelines/", timeline_editing.timeline_list, name="timelines"),
        path("timelines/new/", timeline_editing.timeline_create, name="timeline-create"),
        path("timelines/<int:pk>/", timeline_editing.timeline_edit, name="timeline-edit"),
        path("timelines/<int:pk>/add/", timeline_editing.timeline_add_events, name="timeline-add-events"),
        path("timelines/<int:pk>/add-matching/", timeline_editing.timeline_add_matching, name="timeline-add-matching"),
        path(
            "timelines/<int:pk>/entries/<int:entry_pk>/remove/",
            timeline_editing.timeline_remove_entry,
            name="timeline-remove-entry",
        ),
        path(
            "timelines/<int:pk>/entries/<int:entry_pk>/note/",
            timeline_editing.timeline_entry_note,
            name="timeline-entry-note",
        ),
        path("timelines/<int:pk>/preview/", timeline_editing.timeline_preview, name="timeline-preview"),
        path("timelines/<int:pk>/publish/", timeline_editing.timeline_publish, name="timeline-publish"),
        path("timelines/<int:pk>/unpublish/", timeline_editing.timeline_unpublish, name="timeline-unpublish"),
    ],
    "desk",
)

public_patterns = (
    [
        path("", public.index, name="index"),
        path("t/<slug:slug>/", public.timeline_detail, name="timeline"),
        path("t/<slug:slug>/e/<int:event_id>/", public.event_detail, name="event"),
        path("t/<slug:slug>/changes/", public.timeline_changes, name="changes"),
        path("t/<slug:slug>/embed/", public.timeline_embed, name="embed"),
        path("t/<slug:slug>/timeline.json", public.timeline_json, name="timeline-json"),
        path("t/<slug:slug>/events.csv", public.events_csv, name="events-csv"),
        path("t/<slug:slug>/events.ics", public.events_ics, name="events-ics"),
        path("t/<slug:slug>/feed.atom", public.feed_atom, name="feed-atom"),
    ],
    "public",
)
