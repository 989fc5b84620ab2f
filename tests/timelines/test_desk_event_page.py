import pytest
from django.urls import reverse

from tests.factories import ActorFactory, ArticleFactory, CandidateEventFactory, EventSourceFactory
from timelines.services import merging, review

pytestmark = pytest.mark.django_db

HOSTILE = "<script>alert(1)</script>"


def test_the_event_page_shows_every_source_with_its_quote(editor_client):
    source = EventSourceFactory(article=ArticleFactory(title="Wire story"))
    other = EventSourceFactory(event=source.event, article=ArticleFactory(title="Second story"))

    html = editor_client.get(source.event.get_absolute_url()).content.decode()

    assert "2 sources" in html
    for cited in (source, other):
        assert f"<blockquote>{cited.quote}</blockquote>" in html
        assert reverse("desk:article", args=[cited.article_id]) in html


def test_the_event_history_says_who_accepted_edited_and_merged_and_what_changed(editor_client, editor):
    candidate = CandidateEventFactory(summary="Lavrov meets Blinken")
    event = review.accept_candidate(candidate_id=candidate.pk, user=editor).event
    event.refresh_from_db()
    fields = {
        "seen_updated_at": event.updated_at.isoformat(),
        "title": "Lavrov and Blinken meet in New York",
        "date_start": "2025-09-24",
        "date_precision": "day",
        "event_type": "CONSULT",
        "actors": [ActorFactory(canonical_name="Sergei Lavrov").pk],
    }
    editor_client.post(reverse("desk:edit-event", args=[event.pk]), fields)
    merging.merge_candidate_into_event(
        candidate_id=CandidateEventFactory(article=ArticleFactory()).pk, event_id=event.pk, user=editor
    )

    html = editor_client.get(event.get_absolute_url()).content.decode()

    assert f"accepted from candidate {candidate.pk}" in html
    assert "title: <del>Lavrov meets Blinken</del> → <ins>Lavrov and Blinken meet in New York</ins>" in html
    assert "(edited)" in html
    assert "actors: <del>—</del> → <ins>Sergei Lavrov</ins>" in html
    assert "added source" in html
    assert "<strong>editor</strong>" in html


def test_hostile_summaries_and_quotes_are_escaped_on_the_event_page(editor_client):
    source = EventSourceFactory(quote=HOSTILE, event__summary=HOSTILE, event__title=HOSTILE)

    html = editor_client.get(source.event.get_absolute_url()).content.decode()

    assert HOSTILE not in html
    assert "&lt;script&gt;" in html


def test_the_event_edit_form_is_served_in_place(editor_client):
    event = EventSourceFactory().event

    response = editor_client.get(reverse("desk:edit-event", args=[event.pk]), HTTP_HX_REQUEST="true")

    html = response.content.decode()
    assert html.lstrip().startswith('<section id="event-summary"')
    assert f'value="{event.updated_at.isoformat()}"' in html
