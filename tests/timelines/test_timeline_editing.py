import datetime as dt

import pytest
from django.urls import reverse

from tests.factories import EventFactory, TimelineEntryFactory, TimelineFactory
from tests.timelines.timeline_builders import dated_event, timeline_of
from timelines.models import Timeline, TimelineEntry
from timelines.services.publishing import build_snapshot, publish_timeline
from timelines.services.timeline_editing import EventSearch, add_events, search_events

pytestmark = pytest.mark.django_db


def test_an_editor_creates_a_timeline_and_lands_on_its_editor(editor_client):
    response = editor_client.post(
        reverse("desk:timeline-create"), {"title": "Grain deal", "slug": "grain-deal", "description": "Black Sea."}
    )
    timeline = Timeline.objects.get(slug="grain-deal")
    assert response.url == reverse("desk:timeline-edit", args=[timeline.pk])
    assert timeline.published_version is None


def test_a_slug_already_taken_is_refused(editor_client):
    TimelineFactory(slug="grain-deal")
    response = editor_client.post(reverse("desk:timeline-create"), {"title": "Again", "slug": "grain-deal"})
    assert response.status_code == 200
    assert Timeline.objects.filter(slug="grain-deal").count() == 1


def test_anonymous_visitors_cannot_reach_the_timeline_editor(client):
    timeline = TimelineFactory()
    assert client.get(reverse("desk:timeline-edit", args=[timeline.pk])).status_code == 302
    assert client.get(reverse("desk:timelines")).status_code == 302


def test_mixed_precisions_sort_coarser_first_on_the_same_start():
    day = dated_event(dt.date(2023, 4, 1), title="Day")
    month = dated_event(dt.date(2023, 4, 1), "month", dt.date(2023, 4, 30), title="Month")
    year = dated_event(dt.date(2023, 1, 1), "year", dt.date(2023, 12, 31), title="Year")
    earlier = dated_event(dt.date(2022, 12, 31), title="Earlier")
    later_day = dated_event(dt.date(2023, 4, 5), title="Later day")
    undated = EventFactory(date_start=None, date_end=None, date_precision="", title="Undated")
    timeline = timeline_of(later_day, undated, day, month, year, earlier)
    titles = [event["title"] for event in build_snapshot(timeline=timeline)["events"]]
    assert titles == ["Earlier", "Year", "Month", "Day", "Later day", "Undated"]


def test_search_combines_actor_type_dates_and_text():
    match = dated_event(dt.date(2023, 4, 5), title="Grain talks", actors=["Lavrov"], event_type="CONSULT")
    dated_event(dt.date(2023, 4, 5), title="Grain talks", actors=["Blinken"], event_type="CONSULT")
    dated_event(dt.date(2023, 4, 5), title="Grain threat", actors=["Lavrov"], event_type="THREATEN")
    dated_event(dt.date(2022, 4, 5), title="Grain talks", actors=["Lavrov"], event_type="CONSULT")
    dated_event(dt.date(2023, 4, 5), title="Energy talks", actors=["Lavrov"], event_type="CONSULT")
    actor = match.actors.get()
    search = EventSearch(
        text="grain", actor=actor, event_type="CONSULT", date_from=dt.date(2023, 1, 1), date_to=dt.date(2023, 12, 31)
    )
    assert list(search_events(search=search)) == [match]


def test_a_date_range_search_keeps_events_that_overlap_it():
    spanning = dated_event(dt.date(2023, 3, 30), "range", dt.date(2023, 4, 2))
    search = EventSearch(date_from=dt.date(2023, 4, 1), date_to=dt.date(2023, 4, 30))
    assert list(search_events(search=search)) == [spanning]


def test_the_editor_page_lists_search_results_not_yet_on_the_timeline(editor_client):
    on_it, off_it = (
        dated_event(dt.date(2023, 4, 5), title="Already here"),
        dated_event(dt.date(2023, 4, 6), title="Findable"),
    )
    timeline = timeline_of(on_it)
    response = editor_client.get(reverse("desk:timeline-edit", args=[timeline.pk]), {"q": "able"})
    assert list(response.context["results"]) == [off_it]


def test_htmx_search_returns_only_the_results_region(editor_client):
    timeline = timeline_of()
    response = editor_client.get(reverse("desk:timeline-edit", args=[timeline.pk]), headers={"HX-Request": "true"})
    assert response.content.decode().lstrip().startswith('<div id="event-search"')


def test_an_editor_adds_selected_events_and_adding_twice_changes_nothing(editor_client):
    first, second = dated_event(dt.date(2023, 4, 5)), dated_event(dt.date(2023, 4, 6))
    timeline = timeline_of()
    url = reverse("desk:timeline-add-events", args=[timeline.pk])
    editor_client.post(url, {"event": [first.pk, second.pk]})
    editor_client.post(url, {"event": [first.pk]})
    assert set(timeline.events.all()) == {first, second}


def test_add_all_matching_adds_every_event_the_filter_finds(editor_client):
    consults = [dated_event(dt.date(2023, 4, d), event_type="CONSULT") for d in (1, 2, 3)]
    dated_event(dt.date(2023, 4, 4), event_type="THREATEN")
    timeline = timeline_of()
    response = editor_client.post(reverse("desk:timeline-add-matching", args=[timeline.pk]), {"event_type": "CONSULT"})
    assert set(timeline.events.all()) == set(consults)
    assert "event_type=CONSULT" in response.url


def test_add_all_matching_with_an_invalid_filter_adds_nothing_and_says_why(editor_client):
    dated_event(dt.date(2023, 4, 1), event_type="CONSULT")
    timeline = timeline_of()
    response = editor_client.post(
        reverse("desk:timeline-add-matching", args=[timeline.pk]),
        {"event_type": "CONSULT", "date_from": "notadate"},
        follow=True,
    )
    assert not timeline.events.exists()
    assert "Nothing was added: From: Enter a valid date." in response.content.decode()


def test_the_event_search_keeps_its_valid_filters_when_one_is_invalid(editor_client):
    consult = dated_event(dt.date(2023, 4, 1), event_type="CONSULT")
    threat = dated_event(dt.date(2023, 4, 2), event_type="THREATEN")
    timeline = timeline_of()
    html = editor_client.get(
        reverse("desk:timeline-edit", args=[timeline.pk]), {"event_type": "CONSULT", "date_from": "notadate"}
    ).content.decode()
    assert consult.title in html and threat.title not in html
    assert 'class="errorlist"' in html


def test_the_slug_help_shows_the_address_pattern(editor_client):
    html = editor_client.get(reverse("desk:timeline-create")).content.decode()
    assert "/t/&lt;slug&gt;/" in html


def test_adding_records_who_added_the_entry(editor, editor_client):
    event = dated_event(dt.date(2023, 4, 5))
    timeline = timeline_of()
    add_events(timeline=timeline, events=[event], added_by=editor)
    entry = TimelineEntry.objects.get(timeline=timeline)
    assert entry.added_by == editor and entry.history.get().history_user == editor


def test_an_editor_removes_an_entry_from_the_draft(editor_client):
    entry = TimelineEntryFactory()
    editor_client.post(reverse("desk:timeline-remove-entry", args=[entry.timeline.pk, entry.pk]))
    assert not TimelineEntry.objects.filter(pk=entry.pk).exists()


def test_an_editorial_note_is_saved_on_the_entry_and_frozen_into_the_snapshot(editor_client):
    entry = TimelineEntryFactory(event=dated_event(dt.date(2023, 4, 5)))
    editor_client.post(
        reverse("desk:timeline-entry-note", args=[entry.timeline.pk, entry.pk]), {"note": " Contested by Kyiv. "}
    )
    entry.refresh_from_db()
    assert entry.note == "Contested by Kyiv."
    assert build_snapshot(timeline=entry.timeline)["events"][0]["note"] == "Contested by Kyiv."


def test_an_entry_of_another_timeline_cannot_be_edited_through_this_one(editor_client):
    entry = TimelineEntryFactory()
    other = TimelineFactory()
    response = editor_client.post(reverse("desk:timeline-remove-entry", args=[other.pk, entry.pk]))
    assert response.status_code == 302
    assert TimelineEntry.objects.filter(pk=entry.pk).exists()


def test_the_timelines_list_shows_each_drafts_size_and_what_the_public_sees(editor_client, publisher):
    published = timeline_of(dated_event(dt.date(2023, 4, 5)), dated_event(dt.date(2023, 4, 6)), title="Out there")
    publish_timeline(timeline=published, published_by=publisher)
    timeline_of(title="Still a draft")
    body = editor_client.get(reverse("desk:timelines")).content.decode()
    assert "Out there" in body and "Version 1" in body
    assert "Still a draft" in body and "Not published" in body
    assert [t.entry_count for t in editor_client.get(reverse("desk:timelines")).context["timelines"]] == [2, 0]
