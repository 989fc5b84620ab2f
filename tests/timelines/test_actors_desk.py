import pytest
from django.urls import reverse

from tests.factories import ActorAliasFactory, ActorFactory, CandidateEventFactory, EventFactory
from timelines.models import Actor, ActorAlias
from timelines.services.actors import ActorConflict, actor_matcher, add_alias, merge_actors

pytestmark = pytest.mark.django_db

TEXT = "Tony Blinken said on Monday that talks would resume."


def names_found(text):
    return [found.mention.canonical_name for found in actor_matcher().find(text, [(0, len(text))])]


def test_the_actor_list_searches_names_and_aliases(editor_client):
    ActorAliasFactory(actor=ActorFactory(canonical_name="Antony Blinken"), name="Tony Blinken")
    ActorFactory(canonical_name="Sergei Lavrov")

    html = editor_client.get(reverse("desk:actors"), {"q": "tony"}).content.decode()

    assert "Antony Blinken" in html
    assert "Sergei Lavrov" not in html


def test_an_editor_adds_an_alias_that_later_extractions_recognize(editor_client, editor):
    blinken = ActorFactory(canonical_name="Antony Blinken")
    assert "Antony Blinken" not in names_found(TEXT)

    editor_client.post(reverse("desk:add-alias", args=[blinken.pk]), {"name": "Tony Blinken"})

    alias = ActorAlias.objects.get(actor=blinken)
    assert alias.name == "Tony Blinken"
    assert alias.history.get().history_user == editor
    assert "Antony Blinken" in names_found(TEXT)


def test_an_alias_equal_to_the_actors_own_name_is_refused():
    blinken = ActorFactory(canonical_name="Antony Blinken")

    with pytest.raises(ActorConflict):
        add_alias(actor_id=blinken.pk, name="antony blinken")


def test_merging_a_duplicate_moves_aliases_candidates_and_events_and_keeps_its_name_as_an_alias(editor_client):
    keep = ActorFactory(canonical_name="Antony Blinken")
    duplicate = ActorFactory(canonical_name="Tony Blinken")
    ActorAliasFactory(actor=duplicate, name="Secretary Blinken")
    on_both, on_duplicate = CandidateEventFactory(), CandidateEventFactory()
    on_both.actors.set([keep, duplicate])
    on_duplicate.actors.set([duplicate])
    event = EventFactory()
    event.actors.set([duplicate])

    response = editor_client.post(reverse("desk:merge-actor", args=[duplicate.pk]), {"keep": keep.pk})

    assert response.status_code == 302
    assert not Actor.objects.filter(pk=duplicate.pk).exists()
    assert set(keep.aliases.values_list("name", flat=True)) == {"Tony Blinken", "Secretary Blinken"}
    assert list(on_both.actors.all()) == [keep]
    assert list(on_duplicate.actors.all()) == [keep]
    assert list(event.actors.all()) == [keep]
    assert duplicate.history.latest().history_change_reason == f"merged into actor {keep.pk} “Antony Blinken”"


def test_after_a_merge_the_extractor_reads_the_duplicates_name_as_the_kept_actor():
    keep = ActorFactory(canonical_name="Antony Blinken")
    duplicate = ActorFactory(canonical_name="Tony Blinken")
    assert names_found(TEXT) == ["Tony Blinken"]

    merge_actors(keep_id=keep.pk, duplicate_id=duplicate.pk)

    assert names_found(TEXT) == ["Antony Blinken"]


def test_an_actor_cannot_be_merged_into_itself():
    actor = ActorFactory()

    with pytest.raises(ActorConflict):
        merge_actors(keep_id=actor.pk, duplicate_id=actor.pk)
