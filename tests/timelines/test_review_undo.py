import json

import pytest
from django.urls import reverse

from tests.factories import (
    ActorFactory,
    CandidateEventFactory,
    EventFactory,
    EventSourceFactory,
    TimelineEntryFactory,
)
from timelines.models import CandidateEvent, Event, EventSource
from timelines.services import merging, review

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def undo(client, article=None):
    return client.post(reverse("desk:undo"), {"article": article.pk if article else ""}, **HTMX)


def test_undoing_an_accept_returns_the_candidate_to_new_and_removes_the_event_it_created(editor_client, editor):
    candidate = CandidateEventFactory()
    review.accept_candidate(candidate_id=candidate.pk, user=editor)

    response = undo(editor_client, candidate.article)

    candidate.refresh_from_db()
    assert (candidate.status, candidate.event, candidate.decided_by) == (CandidateEvent.Status.NEW, None, None)
    assert not Event.objects.exists()
    assert not EventSource.objects.exists()
    assert response["HX-Retarget"] == f"#candidate-{candidate.pk}"
    assert json.loads(response["HX-Trigger"])["notice"]["level"] == "info"
    assert "Accept (a)" in response.content.decode()


def test_undoing_an_accept_keeps_the_event_when_other_articles_cite_it_and_drops_only_this_source(editor):
    candidate = CandidateEventFactory()
    accepted = review.accept_candidate(candidate_id=candidate.pk, user=editor)
    other_source = EventSourceFactory(event=accepted.event)

    review.undo_last_decision(user=editor)

    assert list(EventSource.objects.all()) == [other_source]
    assert Event.objects.filter(pk=accepted.event.pk).exists()


def test_undoing_a_rejection_makes_the_candidate_new_again(editor_client, editor):
    candidate = CandidateEventFactory()
    review.reject_candidate(candidate_id=candidate.pk, user=editor)

    undo(editor_client, candidate.article)

    candidate.refresh_from_db()
    assert candidate.status == CandidateEvent.Status.NEW
    assert candidate.history.first().history_change_reason == "undid rejected"


def test_undoing_a_merge_detaches_the_source_and_leaves_the_event(editor):
    event = EventSourceFactory().event
    candidate = CandidateEventFactory()
    merging.merge_candidate_into_event(candidate_id=candidate.pk, event_id=event.pk, user=editor)

    review.undo_last_decision(user=editor)

    candidate.refresh_from_db()
    assert candidate.status == CandidateEvent.Status.NEW
    assert event.sources.count() == 1
    assert not EventSource.objects.filter(candidate=candidate).exists()


def test_undoing_a_merge_takes_off_the_actors_it_gave_the_event_and_keeps_the_others(editor):
    kept, shared, gained = ActorFactory(), ActorFactory(), ActorFactory()
    event = EventSourceFactory().event
    event.actors.add(kept, shared)
    candidate = CandidateEventFactory()
    candidate.actors.add(shared, gained)
    merging.merge_candidate_into_event(candidate_id=candidate.pk, event_id=event.pk, user=editor)
    assert set(event.actors.all()) == {kept, shared, gained}

    review.undo_last_decision(user=editor)

    assert set(event.actors.all()) == {kept, shared}


def test_undo_walks_back_the_editors_decisions_newest_first(editor):
    first, second = CandidateEventFactory(), CandidateEventFactory()
    review.reject_candidate(candidate_id=first.pk, user=editor)
    review.accept_candidate(candidate_id=second.pk, user=editor)

    undone = [review.undo_last_decision(user=editor), review.undo_last_decision(user=editor)]

    assert [c.pk for c in undone] == [second.pk, first.pk]
    assert review.undo_last_decision(user=editor) is None


def test_undo_only_touches_the_editors_own_decisions(editor, publisher):
    candidate = CandidateEventFactory()
    review.reject_candidate(candidate_id=candidate.pk, user=publisher)

    assert review.undo_last_decision(user=editor) is None
    candidate.refresh_from_db()
    assert candidate.status == CandidateEvent.Status.REJECTED


def test_undo_refuses_to_delete_an_event_a_timeline_shows(editor):
    candidate = CandidateEventFactory()
    accepted = review.accept_candidate(candidate_id=candidate.pk, user=editor)
    TimelineEntryFactory(event=accepted.event)

    with pytest.raises(review.DeskConflict, match="is on a timeline"):
        review.undo_last_decision(user=editor)

    candidate.refresh_from_db()
    assert candidate.status == CandidateEvent.Status.ACCEPTED
    assert EventSource.objects.filter(candidate=candidate).exists()


def test_undo_of_a_decision_on_another_article_takes_the_editor_there(editor_client, editor):
    candidate = CandidateEventFactory()
    review.reject_candidate(candidate_id=candidate.pk, user=editor)

    response = undo(editor_client, article=None)

    assert response["HX-Redirect"] == f"{reverse('desk:article', args=[candidate.article_id])}#candidate-{candidate.pk}"


def test_with_nothing_to_undo_the_editor_is_told_so(editor_client):
    response = undo(editor_client)

    assert response.status_code == 204
    assert json.loads(response["HX-Trigger"])["notice"]["value"] == "Nothing left to undo."


def test_every_decision_and_its_undo_is_in_the_history_with_the_editor(editor):
    event = EventFactory()
    candidate = CandidateEventFactory()
    merging.merge_candidate_into_event(candidate_id=candidate.pk, event_id=event.pk, user=editor)
    review.undo_last_decision(user=editor)

    records = candidate.history.order_by("history_date")
    assert [(r.status, r.history_change_reason) for r in records][-2:] == [
        ("merged", f"merged into event {event.pk}"),
        ("new", "undid merged"),
    ]
    assert {r.history_user for r in records[1:]} == {editor}
    assert EventSource.history.filter(history_type="-", history_user=editor).exists()


def test_without_javascript_undo_returns_to_the_candidate_with_a_message(editor_client, editor):
    candidate = CandidateEventFactory()
    review.reject_candidate(candidate_id=candidate.pk, user=editor)

    response = editor_client.post(reverse("desk:undo"), {"article": candidate.article_id}, follow=True)

    assert response.redirect_chain[-1][0] == (
        f"{reverse('desk:article', args=[candidate.article_id])}#candidate-{candidate.pk}"
    )
    assert "is waiting again" in response.content.decode()
