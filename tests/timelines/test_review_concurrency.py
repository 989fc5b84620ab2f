import json

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from tests.factories import CandidateEventFactory, EventFactory, UserFactory
from timelines.models import CandidateEvent, Event, EventSource

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def rival_client(db):
    rival = UserFactory(username="rival")
    rival.groups.add(Group.objects.get(name="Editors"))
    client = Client()
    client.force_login(rival)
    return client


def notice_of(response):
    return json.loads(response["HX-Trigger"])["notice"]


def test_the_second_editor_to_decide_is_told_who_won_and_sees_the_current_state(editor_client, rival_client):
    candidate = CandidateEventFactory()
    editor_client.post(reverse("desk:reject", args=[candidate.pk]), **HTMX)

    response = rival_client.post(reverse("desk:accept", args=[candidate.pk]), **HTMX)

    assert response.status_code == 200
    assert notice_of(response) == {"value": "Already rejected by editor; here is its current state.", "level": "error"}
    assert "Rejected" in response.content.decode()
    assert not Event.objects.exists()
    candidate.refresh_from_db()
    assert candidate.decided_by.username == "editor"


def test_two_accepts_of_the_same_candidate_create_one_event(editor_client, rival_client):
    candidate = CandidateEventFactory()

    editor_client.post(reverse("desk:accept", args=[candidate.pk]), **HTMX)
    rival_client.post(reverse("desk:accept", args=[candidate.pk]), **HTMX)

    assert Event.objects.count() == 1
    assert EventSource.objects.count() == 1


def test_an_edit_drawn_before_another_editors_edit_is_refused_not_lost(editor_client, rival_client):
    candidate = CandidateEventFactory()
    fields = {"version": 0, "date_start": "2025-09-24", "date_precision": "day", "event_type": "CONSULT"}
    rival_client.post(
        reverse("desk:edit-candidate", args=[candidate.pk]), fields | {"summary": "Rival's words"}, **HTMX
    )

    response = editor_client.post(
        reverse("desk:edit-candidate", args=[candidate.pk]), fields | {"summary": "My words"}, **HTMX
    )

    candidate.refresh_from_db()
    assert candidate.summary == "Rival's words"
    assert notice_of(response)["level"] == "error"
    assert "Rival&#x27;s words" in response.content.decode()


def test_an_event_edit_from_a_stale_page_is_refused_and_shows_the_current_event(editor_client, rival_client):
    event = EventFactory(title="Original title")
    seen = event.updated_at.isoformat()
    fields = {"seen_updated_at": seen, "date_start": "2025-09-24", "date_precision": "day", "event_type": "CONSULT"}
    rival_client.post(reverse("desk:edit-event", args=[event.pk]), fields | {"title": "Rival title"}, **HTMX)

    response = editor_client.post(reverse("desk:edit-event", args=[event.pk]), fields | {"title": "My title"}, **HTMX)

    event.refresh_from_db()
    assert event.title == "Rival title"
    assert notice_of(response) == {
        "value": "Another editor changed this event in the meantime; here is its current state.",
        "level": "error",
    }
    assert "Rival title" in response.content.decode()


def test_merging_into_an_event_deleted_meanwhile_leaves_the_candidate_waiting(editor_client):
    candidate = CandidateEventFactory()
    event = EventFactory()
    event_id = event.pk
    event.delete()

    response = editor_client.post(reverse("desk:merge-candidate", args=[candidate.pk]), {"event": event_id}, **HTMX)

    candidate.refresh_from_db()
    assert candidate.status == CandidateEvent.Status.NEW
    assert notice_of(response)["value"] == "That event no longer exists; nothing was merged."
