import datetime as dt

import pytest

from tests.factories import ActorFactory, ArticleFactory, CandidateEventFactory, EventFactory
from timelines.models import CandidateEvent
from timelines.services.merging import days_apart, suggest_events

pytestmark = pytest.mark.django_db

DAY = dt.date(2025, 9, 24)


def event_on(day, *actors, **fields):
    event = EventFactory(date_start=day, date_end=fields.pop("date_end", day), **fields)
    event.actors.set(actors)
    return event


def suggestions_for(*candidates):
    fetched = list(CandidateEvent.objects.prefetch_related("actors").filter(pk__in=[c.pk for c in candidates]))
    return suggest_events(candidates=fetched)


def test_an_event_with_shared_actors_two_days_away_is_suggested_across_articles():
    lavrov = ActorFactory(canonical_name="Sergei Lavrov")
    event = event_on(DAY - dt.timedelta(days=2), lavrov, title="Talks in Moscow", event_type="AGREE")
    candidate = CandidateEventFactory(article=ArticleFactory())
    candidate.actors.add(lavrov)

    [suggestion] = suggestions_for(candidate)[candidate.pk]

    assert (suggestion.event, suggestion.shared_actors, suggestion.days_apart) == (event, ("Sergei Lavrov",), 2)


def test_an_overlapping_interval_counts_as_the_same_time():
    lavrov = ActorFactory()
    summit = event_on(DAY - dt.timedelta(days=5), lavrov, date_end=DAY + dt.timedelta(days=1), date_precision="range")
    candidate = CandidateEventFactory()
    candidate.actors.add(lavrov)

    assert [s.event for s in suggestions_for(candidate)[candidate.pk]] == [summit]


def test_similar_wording_of_the_same_type_is_suggested_without_shared_actors():
    event = event_on(DAY, title="Lavrov meets Blinken at the UN in New York")
    candidate = CandidateEventFactory(summary="Lavrov meets Blinken in New York")

    assert [s.event for s in suggestions_for(candidate)[candidate.pk]] == [event]


def test_events_too_far_apart_or_unrelated_are_not_suggested():
    lavrov, other = ActorFactory(), ActorFactory()
    event_on(DAY + dt.timedelta(days=4), lavrov)
    event_on(DAY, other, title="Unrelated sanctions package", summary="", event_type="SANCTION")
    candidate = CandidateEventFactory()
    candidate.actors.add(lavrov)

    assert suggestions_for(candidate)[candidate.pk] == []


def test_closer_events_with_more_shared_actors_rank_first():
    lavrov, blinken = ActorFactory(), ActorFactory()
    far = event_on(DAY + dt.timedelta(days=3), lavrov, title="A", summary="")
    near = event_on(DAY, lavrov, blinken, title="B", summary="")
    candidate = CandidateEventFactory()
    candidate.actors.set([lavrov, blinken])

    assert [s.event for s in suggestions_for(candidate)[candidate.pk]] == [near, far]


def test_decided_and_undated_candidates_get_no_suggestions():
    event_on(DAY)
    decided = CandidateEventFactory(status="rejected")
    undated = CandidateEventFactory(date_start=None, date_end=None, date_precision="")

    assert suggestions_for(decided, undated) == {}


def test_suggestions_for_a_whole_page_take_three_queries_however_many_candidates(django_assert_num_queries):
    actors = [ActorFactory() for _ in range(4)]
    for offset in range(40):
        event_on(DAY + dt.timedelta(days=offset - 20), *actors[: offset % 4 + 1])
    candidates = [CandidateEventFactory(date_start=DAY + dt.timedelta(days=i), date_end=None) for i in range(20)]
    for candidate in candidates:
        candidate.actors.set(actors[:2])
    fetched = list(CandidateEvent.objects.prefetch_related("actors"))

    with django_assert_num_queries(3):
        suggestions = suggest_events(candidates=fetched)

    assert len(suggestions) == 20
    assert all(suggestions[c.pk] for c in candidates)


def test_days_apart_is_zero_for_overlap_and_the_gap_otherwise():
    assert days_apart((DAY, DAY), (DAY, DAY)) == 0
    assert days_apart((DAY, DAY + dt.timedelta(days=3)), (DAY + dt.timedelta(days=1), DAY + dt.timedelta(days=9))) == 0
    assert days_apart((DAY, DAY), (DAY + dt.timedelta(days=2), DAY + dt.timedelta(days=2))) == 2
    assert days_apart((DAY + dt.timedelta(days=2), DAY + dt.timedelta(days=2)), (DAY, DAY)) == 2
