import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import ActorFactory, CandidateEventFactory, EventFactory, UserFactory
from timelines.models import CandidateEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def urls():
    candidate = CandidateEventFactory()
    event = EventFactory()
    actor = ActorFactory()
    return [
        ("get", reverse("desk:inbox")),
        ("get", reverse("desk:article", args=[candidate.article_id])),
        ("get", reverse("desk:candidate", args=[candidate.pk])),
        ("get", reverse("desk:edit-candidate", args=[candidate.pk])),
        ("post", reverse("desk:accept", args=[candidate.pk])),
        ("post", reverse("desk:reject", args=[candidate.pk])),
        ("post", reverse("desk:merge-candidate", args=[candidate.pk])),
        ("post", reverse("desk:undo")),
        ("get", reverse("desk:events")),
        ("get", reverse("desk:event", args=[event.pk])),
        ("get", reverse("desk:edit-event", args=[event.pk])),
        ("post", reverse("desk:merge-events", args=[event.pk])),
        ("post", reverse("desk:split-event", args=[event.pk])),
        ("get", reverse("desk:actors")),
        ("get", reverse("desk:actor-search")),
        ("post", reverse("desk:add-alias", args=[actor.pk])),
        ("post", reverse("desk:merge-actor", args=[actor.pk])),
    ]


def test_anonymous_visitors_are_sent_to_log_in_from_every_desk_url(client, urls):
    for method, url in urls:
        response = getattr(client, method)(url)
        assert (response.status_code, response.url.split("?")[0]) == (302, reverse("login")), url
    assert CandidateEvent.objects.get().status == "new"


def test_users_without_the_review_permission_are_refused(client, urls):
    client.force_login(UserFactory(username="reader"))
    for method, url in urls:
        assert getattr(client, method)(url).status_code in {302, 403}, url


def test_desk_posts_without_a_csrf_token_are_refused_htmx_included(editor):
    candidate = CandidateEventFactory()
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)

    plain = client.post(reverse("desk:accept", args=[candidate.pk]))
    htmx = client.post(reverse("desk:accept", args=[candidate.pk]), HTTP_HX_REQUEST="true")

    assert (plain.status_code, htmx.status_code) == (403, 403)
    candidate.refresh_from_db()
    assert candidate.status == "new"


def test_htmx_posts_carrying_the_token_from_the_page_header_are_accepted(editor):
    candidate = CandidateEventFactory()
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    page = client.get(reverse("desk:article", args=[candidate.article_id]))
    token = str(page.context["csrf_token"])

    assert f'hx-headers=\'{{"X-CSRFToken": "{token}"}}\'' in page.content.decode()
    response = client.post(reverse("desk:accept", args=[candidate.pk]), HTTP_HX_REQUEST="true", HTTP_X_CSRFTOKEN=token)

    assert response.status_code == 200
    candidate.refresh_from_db()
    assert candidate.status == "accepted"


def test_desk_actions_refuse_get(editor_client):
    candidate = CandidateEventFactory()

    assert editor_client.get(reverse("desk:accept", args=[candidate.pk])).status_code == 405


def test_the_login_page_lays_out_its_fields_like_the_desk_forms_and_says_why_a_login_failed(client):
    UserFactory(username="editor")
    page = client.get(reverse("login"))
    assert page.content.decode().count('class="field"') == 2
    failed = client.post(reverse("login"), {"username": "editor", "password": "wrong"})
    assert failed.status_code == 200
    assert "Please enter a correct username and password" in failed.content.decode()
