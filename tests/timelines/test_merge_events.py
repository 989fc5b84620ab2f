import pytest
from django.urls import reverse

from tests.factories import (
    ActorFactory,
    ArticleFactory,
    CandidateEventFactory,
    EventFactory,
    EventSourceFactory,
    TimelineEntryFactory,
)
from timelines.models import CandidateEvent, Event, EventSource, TimelineEntry
from timelines.services import merging, review

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def test_merging_a_candidate_cites_its_article_as_another_source_of_the_event(editor_client, editor):
    event = EventSourceFactory().event
    candidate = CandidateEventFactory(article=ArticleFactory())

    response = editor_client.post(reverse("desk:merge-candidate", args=[candidate.pk]), {"event": event.pk}, **HTMX)

    candidate.refresh_from_db()
    source = EventSource.objects.get(candidate=candidate)
    assert (candidate.status, candidate.event, candidate.decided_by) == (CandidateEvent.Status.MERGED, event, editor)
    assert (source.event, source.article, source.evidence_start, source.evidence_end) == (
        event,
        candidate.article,
        candidate.evidence_start,
        candidate.evidence_end,
    )
    assert source.quote == candidate.evidence_text
    assert Event.objects.count() == 1
    assert "Merged" in response.content.decode()


def test_merging_a_candidate_gives_the_event_the_actors_it_lacked_once_each(editor):
    lavrov, blinken = ActorFactory(), ActorFactory()
    event = EventSourceFactory().event
    event.actors.add(lavrov)
    candidate = CandidateEventFactory(article=ArticleFactory())
    candidate.actors.add(lavrov, blinken)

    merging.merge_candidate_into_event(candidate_id=candidate.pk, event_id=event.pk, user=editor)

    assert sorted(event.actors.values_list("pk", flat=True)) == sorted([lavrov.pk, blinken.pk])
    assert event.history.first().history_change_reason == f"gained the actors of merged candidate {candidate.pk}"


def test_an_event_form_drawn_before_a_merge_cannot_drop_the_actors_it_gained(editor):
    event = EventSourceFactory().event
    drawn_at = event.updated_at
    candidate = CandidateEventFactory(article=ArticleFactory())
    candidate.actors.add(ActorFactory())
    merging.merge_candidate_into_event(candidate_id=candidate.pk, event_id=event.pk, user=editor)

    with pytest.raises(review.DeskConflict):
        review.edit_event(
            event_id=event.pk, seen_updated_at=drawn_at, user=editor,
            changes=review.DatedChanges(date_start=None, date_end=None, date_precision="", event_type="CONSULT",
                                        actors=[], location="", summary="", title=event.title),
        )  # fmt: skip

    assert event.actors.count() == 1


def test_a_sentence_an_event_already_cites_is_not_merged_twice(editor):
    source = EventSourceFactory()
    candidate = CandidateEventFactory(article=source.article, evidence_end=source.evidence_end)

    with pytest.raises(review.DeskConflict, match="already cites"):
        merging.merge_candidate_into_event(candidate_id=candidate.pk, event_id=source.event.pk, user=editor)

    candidate.refresh_from_db()
    assert candidate.status == CandidateEvent.Status.NEW


def merge(editor, event, other):
    event.refresh_from_db()
    return merging.merge_events(event_id=event.pk, seen_updated_at=event.updated_at, other_id=other.pk, user=editor)


def test_merging_two_events_moves_sources_candidates_actors_and_timeline_places(editor):
    lavrov, blinken = ActorFactory(), ActorFactory()
    keep, duplicate = EventFactory(), EventFactory()
    keep.actors.add(lavrov)
    duplicate.actors.add(blinken)
    kept_source = EventSourceFactory(event=keep)
    moved_source = EventSourceFactory(event=duplicate, evidence_start=3)
    candidate = CandidateEventFactory(status="accepted", event=duplicate)
    entry = TimelineEntryFactory(event=duplicate)

    merge(editor, keep, duplicate)

    assert not Event.objects.filter(pk=duplicate.pk).exists()
    assert set(keep.sources.all()) == {kept_source, moved_source}
    moved_source.refresh_from_db()
    assert (moved_source.evidence_start, moved_source.evidence_end) == (3, moved_source.evidence_end)
    assert set(keep.actors.all()) == {lavrov, blinken}
    candidate.refresh_from_db()
    assert candidate.event == keep
    assert candidate.history.first().history_change_reason == f"now cites event {keep.pk}"
    assert TimelineEntry.objects.get(pk=entry.pk).event == keep
    assert keep.history.first().history_change_reason.startswith(f"merged event {duplicate.pk}")


def test_a_timeline_showing_both_events_keeps_one_entry(editor):
    keep, duplicate = EventFactory(), EventFactory()
    entry = TimelineEntryFactory(event=keep)
    TimelineEntryFactory(event=duplicate, timeline=entry.timeline)

    merge(editor, keep, duplicate)

    assert list(entry.timeline.entries.values_list("event", flat=True)) == [keep.pk]


def test_splitting_moves_the_chosen_sources_to_a_new_event_with_their_spans(editor_client, editor):
    event = EventFactory(title="Two meetings conflated")
    stays = EventSourceFactory(event=event)
    leaves = EventSourceFactory(event=event, evidence_start=5)
    candidate = CandidateEventFactory(article=leaves.article, status="merged", event=event)
    EventSource.objects.filter(pk=leaves.pk).update(candidate=candidate)

    response = editor_client.post(
        reverse("desk:split-event", args=[event.pk]),
        {"sources": [leaves.pk], "seen_updated_at": event.updated_at.isoformat()},
    )

    new_event = Event.objects.exclude(pk=event.pk).get()
    assert response.url == new_event.get_absolute_url()
    assert list(event.sources.all()) == [stays]
    assert list(new_event.sources.values_list("pk", "evidence_start")) == [(leaves.pk, 5)]
    assert new_event.title == "Two meetings conflated"
    candidate.refresh_from_db()
    assert candidate.event == new_event


def test_merge_then_split_gives_two_events_with_their_original_sources(editor):
    keep, duplicate = EventSourceFactory().event, EventSourceFactory().event
    duplicate_sources = set(duplicate.sources.values_list("pk", "article", "evidence_start", "evidence_end", "quote"))

    merge(editor, keep, duplicate)
    keep.refresh_from_db()
    split_off = merging.split_event(
        event_id=keep.pk,
        seen_updated_at=keep.updated_at,
        source_ids=[pk for pk, *_ in duplicate_sources],
        user=editor,
    )

    assert set(split_off.sources.values_list("pk", "article", "evidence_start", "evidence_end", "quote")) == (
        duplicate_sources
    )
    assert keep.sources.count() == 1


def test_splitting_off_every_source_is_refused(editor):
    source = EventSourceFactory()

    with pytest.raises(review.DeskConflict):
        merging.split_event(
            event_id=source.event.pk, seen_updated_at=source.event.updated_at, source_ids=[source.pk], user=editor
        )


def test_merging_from_a_stale_event_page_is_refused(editor_client):
    keep, duplicate = EventFactory(), EventFactory()
    stale = keep.updated_at.isoformat()
    keep.title = "Changed meanwhile"
    keep.save()

    editor_client.post(reverse("desk:merge-events", args=[keep.pk]), {"other": duplicate.pk, "seen_updated_at": stale})

    assert Event.objects.filter(pk=duplicate.pk).exists()


def test_the_event_page_offers_likely_duplicates_to_merge_in_one_click(editor_client):
    lavrov = ActorFactory(canonical_name="Sergei Lavrov")
    event, duplicate = EventFactory(title="Lavrov in New York"), EventFactory(title="Lavrov at the UN")
    event.actors.add(lavrov)
    duplicate.actors.add(lavrov)

    html = editor_client.get(event.get_absolute_url()).content.decode()
    editor_client.post(
        reverse("desk:merge-events", args=[event.pk]),
        {"other": duplicate.pk, "seen_updated_at": event.updated_at.isoformat()},
    )

    assert f'<input type="hidden" name="other" value="{duplicate.pk}">' in html
    assert "Looks like: <a" in html
    assert not Event.objects.filter(pk=duplicate.pk).exists()
