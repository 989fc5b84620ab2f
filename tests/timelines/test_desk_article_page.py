import datetime as dt

import pytest
from django.urls import reverse

from articles.models import Article
from tests.factories import ActorFactory, ArticleFactory, CandidateEventFactory, EventFactory
from timelines.models import CandidateEvent

pytestmark = pytest.mark.django_db

HOSTILE = "<script>alert(1)</script>"


def review_url(article):
    return reverse("desk:article", args=[article.pk])


def candidates_on(article, count):
    sentence_length = article.cleaned_text.index(".") + 1
    return [
        CandidateEventFactory(article=article, evidence_start=i % sentence_length, evidence_end=sentence_length)
        for i in range(count)
    ]


def test_review_page_lists_candidates_in_text_order_with_how_each_date_was_resolved(editor_client):
    article = ArticleFactory()
    second = article.cleaned_text.index("The two")
    later = CandidateEventFactory(article=article, evidence_start=second, evidence_end=len(article.cleaned_text))
    earlier = CandidateEventFactory(article=article, summary="Lavrov meets Blinken")

    response = editor_client.get(review_url(article))

    html = response.content.decode()
    assert html.index(f'id="candidate-{earlier.pk}"') < html.index(f'id="candidate-{later.pk}"')
    assert "“Wednesday”: &quot;Wednesday&quot; against publication 2025-09-24 gives 2025-09-24" in html
    assert "24 September 2025" in html


def test_evidence_is_highlighted_in_the_article_text(editor_client):
    article = ArticleFactory()
    candidate = CandidateEventFactory(article=article)

    response = editor_client.get(review_url(article))

    sentence = article.cleaned_text[candidate.evidence_start : candidate.evidence_end]
    assert f'<mark data-candidates="{candidate.pk}">{sentence}</mark>' in response.content.decode()


def test_hostile_article_text_and_summary_are_shown_escaped(editor_client):
    article = ArticleFactory(original_content=f"{HOSTILE} Lavrov met Blinken on Wednesday. Then {HOSTILE} again.")
    CandidateEventFactory(article=article, evidence_start=0, evidence_end=30, summary=HOSTILE)

    html = editor_client.get(review_url(article)).content.decode()

    assert HOSTILE not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_each_new_candidate_says_which_existing_event_it_looks_like(editor_client):
    lavrov = ActorFactory(canonical_name="Sergei Lavrov")
    event = EventFactory(title="Lavrov and Blinken meet at the UN", date_start=dt.date(2025, 9, 23))
    event.actors.add(lavrov)
    candidate = CandidateEventFactory()
    candidate.actors.add(lavrov)

    html = editor_client.get(review_url(candidate.article)).content.decode()

    assert "Looks like:" in html
    assert f'href="{event.get_absolute_url()}">Lavrov and Blinken meet at the UN</a>' in html


@pytest.mark.parametrize("count", [5, 50])
def test_review_page_runs_a_fixed_number_of_queries_whatever_the_number_of_candidates(
    editor_client, django_assert_max_num_queries, count
):
    article = ArticleFactory()
    actors = [ActorFactory() for _ in range(3)]
    for candidate in candidates_on(article, count):
        candidate.actors.set(actors)
    for day in range(10):
        EventFactory(date_start=dt.date(2025, 9, 20 + day), date_end=dt.date(2025, 9, 20 + day)).actors.set(actors)
    CandidateEvent.objects.filter(pk__in=article.candidates.values("pk")[:2]).update(status="rejected")

    with django_assert_max_num_queries(10):
        response = editor_client.get(review_url(article))

    assert response.content.decode().count('class="candidate ') == count


def test_while_extraction_runs_the_page_polls_and_reloads_once_candidates_are_ready(editor_client):
    article = ArticleFactory(status=Article.Status.EXTRACTING)
    poll = {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": "article-pending"}

    page = editor_client.get(review_url(article)).content.decode()
    still_running = editor_client.get(review_url(article), **poll)
    Article.objects.filter(pk=article.pk).update(status=Article.Status.EXTRACTED)
    finished = editor_client.get(review_url(article), **poll)

    assert 'id="article-pending"' in page and 'hx-trigger="every 2s"' in page
    assert still_running.content.decode().lstrip().startswith('<p id="article-pending"')
    assert finished["HX-Refresh"] == "true"
