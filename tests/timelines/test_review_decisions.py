import datetime as dt

import pytest
from django.urls import reverse

from tests.factories import ActorAliasFactory, ActorFactory, CandidateEventFactory
from timelines.models import Actor, ActorAlias, CandidateEvent, Event, EventSource

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": "candidate"}


def post(client, name, candidate, data=None):
    return client.post(reverse(f"desk:{name}", args=[candidate.pk]), data or {}, **HTMX)


def test_accepting_creates_an_event_cited_by_the_evidence_span_and_quote(editor_client, editor):
    lavrov = ActorFactory(canonical_name="Sergei Lavrov")
    candidate = CandidateEventFactory(date_precision="day")
    candidate.actors.add(lavrov)

    response = post(editor_client, "accept", candidate)

    candidate.refresh_from_db()
    event = candidate.event
    source = EventSource.objects.get(event=event)
    assert candidate.status == CandidateEvent.Status.ACCEPTED
    assert (candidate.decided_by, candidate.decided_at is not None) == (editor, True)
    assert (event.date_start, event.date_end, event.date_precision) == (dt.date(2025, 9, 24),) * 2 + ("day",)
    assert (event.title, event.event_type, event.location) == (candidate.summary, "CONSULT", "New York")
    assert list(event.actors.all()) == [lavrov]
    assert (source.article, source.evidence_start, source.evidence_end) == (
        candidate.article,
        0,
        candidate.evidence_end,
    )
    assert source.quote == candidate.evidence_text
    assert event.history.first().history_user == editor
    assert f'id="candidate-{candidate.pk}"' in response.content.decode()
    assert "Accepted" in response.content.decode()


def test_rejecting_marks_the_candidate_and_creates_nothing(editor_client, editor):
    candidate = CandidateEventFactory()

    post(editor_client, "reject", candidate)

    candidate.refresh_from_db()
    assert (candidate.status, candidate.decided_by) == (CandidateEvent.Status.REJECTED, editor)
    assert not Event.objects.exists()
    assert candidate.history.first().history_change_reason == "rejected"


def test_without_htmx_a_decision_redirects_back_to_the_candidate_on_the_review_page(editor_client):
    candidate = CandidateEventFactory()

    response = editor_client.post(reverse("desk:reject", args=[candidate.pk]))

    assert response.status_code == 302
    assert response.url == f"{reverse('desk:article', args=[candidate.article_id])}#candidate-{candidate.pk}"


def test_editing_in_place_changes_date_range_type_actors_place_and_summary(editor_client, editor):
    candidate = CandidateEventFactory()
    putin = ActorFactory(canonical_name="Vladimir Putin")

    form = editor_client.get(reverse("desk:edit-candidate", args=[candidate.pk]), **HTMX)
    response = post(
        editor_client,
        "edit-candidate",
        candidate,
        {
            "version": 0,
            "date_start": "2025-09-22",
            "date_end": "2025-09-26",
            "date_precision": "range",
            "event_type": "AGREE",
            "actors": [putin.pk],
            "new_actor_kind": "person",
            "location": "Geneva",
            "summary": "Talks over the week",
        },
    )

    assert 'name="version"' in form.content.decode()
    candidate.refresh_from_db()
    assert (candidate.date_start, candidate.date_end, candidate.date_precision) == (
        dt.date(2025, 9, 22),
        dt.date(2025, 9, 26),
        "range",
    )
    assert (candidate.event_type, candidate.location, candidate.summary) == ("AGREE", "Geneva", "Talks over the week")
    assert list(candidate.actors.all()) == [putin]
    assert candidate.status == CandidateEvent.Status.NEW
    assert "Talks over the week" in response.content.decode()


def test_an_edit_can_add_a_new_actor_or_a_new_alias_of_a_known_one(editor_client):
    candidate = CandidateEventFactory()
    blinken = ActorFactory(canonical_name="Antony Blinken")
    base = {"version": 0, "date_start": "2025-09-24", "date_precision": "day", "event_type": "CONSULT"}

    post(editor_client, "edit-candidate", candidate, base | {"new_actor_name": "Wang Yi", "new_actor_kind": "person"})
    post(
        editor_client,
        "edit-candidate",
        candidate,
        base | {"version": 1, "new_actor_name": "Tony Blinken", "new_actor_kind": "person", "alias_for": blinken.pk},
    )

    assert set(candidate.actors.values_list("canonical_name", flat=True)) == {"Antony Blinken"}
    assert Actor.objects.filter(canonical_name="Wang Yi").exists()
    assert ActorAlias.objects.filter(actor=blinken, name="Tony Blinken").exists()


def test_an_invalid_edit_shows_the_form_again_with_the_reason(editor_client):
    candidate = CandidateEventFactory()

    response = post(
        editor_client,
        "edit-candidate",
        candidate,
        {"version": 0, "date_start": "2025-09-24", "date_precision": "range", "event_type": "CONSULT"},
    )

    assert "A range needs an end." in response.content.decode()
    candidate.refresh_from_db()
    assert candidate.date_precision == "day"


def test_actor_autocomplete_matches_aliases_too(editor_client):
    ActorAliasFactory(actor=ActorFactory(canonical_name="Antony Blinken"), name="Tony Blinken")
    ActorFactory(canonical_name="Sergei Lavrov")

    response = editor_client.get(reverse("desk:actor-search"), {"q": "tony", "field": "actors"}, **HTMX)

    html = response.content.decode()
    assert "Antony Blinken" in html
    assert "Lavrov" not in html
    assert 'type="checkbox" name="actors"' in html


@pytest.mark.parametrize(
    ("picked", "precision", "interval"),
    [
        ("2025-09-17", "month", (dt.date(2025, 9, 1), dt.date(2025, 9, 30))),
        ("2024-02-10", "month", (dt.date(2024, 2, 1), dt.date(2024, 2, 29))),
        ("2025-09-17", "year", (dt.date(2025, 1, 1), dt.date(2025, 12, 31))),
        ("2025-09-17", "day", (dt.date(2025, 9, 17), dt.date(2025, 9, 17))),
    ],
)
def test_a_coarser_precision_stores_the_whole_month_or_year(editor_client, picked, precision, interval):
    candidate = CandidateEventFactory()

    post(
        editor_client,
        "edit-candidate",
        candidate,
        {
            "version": 0,
            "date_start": picked,
            "date_end": "2030-01-01",
            "date_precision": precision,
            "event_type": "AGREE",
        },
    )

    candidate.refresh_from_db()
    assert (candidate.date_start, candidate.date_end) == interval


def test_each_decision_also_updates_how_many_candidates_are_waiting(editor_client):
    candidate = CandidateEventFactory()
    CandidateEventFactory(article=candidate.article)

    html = post(editor_client, "accept", candidate).content.decode()

    assert '<span id="review-progress" hx-swap-oob="true">1 of 2 waiting</span>' in html


def test_an_invalid_edit_keeps_the_actors_the_editor_ticked(editor_client):
    candidate = CandidateEventFactory()
    putin = ActorFactory(canonical_name="Vladimir Putin")

    response = post(
        editor_client,
        "edit-candidate",
        candidate,
        {"version": 0, "date_precision": "day", "event_type": "CONSULT", "actors": [putin.pk, "junk"]},
    )

    assert (
        f'<input type="checkbox" name="actors" value="{putin.pk}" checked> Vladimir Putin' in response.content.decode()
    )


def test_an_edited_date_says_who_set_it_and_keeps_what_the_extractor_had_read(editor_client, editor):
    candidate = CandidateEventFactory(
        date_text="Wednesday", date_explanation='"Wednesday" against publication 2025-09-25 gives 2025-09-24'
    )
    base = {"version": 0, "date_start": "2025-09-24", "date_precision": "day", "event_type": "AGREE"}

    post(editor_client, "edit-candidate", candidate, base)
    candidate.refresh_from_db()
    unchanged = (candidate.date_text, candidate.date_explanation)
    response = post(editor_client, "edit-candidate", candidate, base | {"version": 1, "date_start": "2025-09-23"})
    candidate.refresh_from_db()

    assert unchanged == ("Wednesday", '"Wednesday" against publication 2025-09-25 gives 2025-09-24')
    assert candidate.date_text == ""
    assert candidate.date_explanation == (
        f"set by {editor.get_username()} on the desk; the extractor had \u201cWednesday\u201d: "
        '"Wednesday" against publication 2025-09-25 gives 2025-09-24'
    )
    assert f"set by {editor.get_username()} on the desk" in response.content.decode()
