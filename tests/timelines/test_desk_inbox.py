import datetime as dt

import pytest
from django.urls import reverse

from articles.models import Article
from tests.factories import ArticleFactory, CandidateEventFactory

pytestmark = pytest.mark.django_db


def inbox(client, **params):
    return client.get(reverse("desk:inbox"), params).content.decode()


def test_the_inbox_lists_articles_with_their_status_and_waiting_candidates(editor_client):
    article = ArticleFactory(title="Lavrov in New York")
    CandidateEventFactory.create_batch(3, article=article)
    CandidateEventFactory(article=article, status="rejected")

    html = inbox(editor_client)

    assert f'<a href="{reverse("desk:article", args=[article.pk])}">Lavrov in New York</a>' in html
    assert "<strong>3</strong>" in html
    assert "Extracted" in html


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"status": "failed"}, {"Broken"}),
        ({"outlet": "tass"}, {"Moscow story"}),
        ({"q": "moscow"}, {"Moscow story"}),
        ({"published_from": "2025-01-01", "published_to": "2025-12-31"}, {"Waiting story", "Broken"}),
        ({"unreviewed": "on"}, {"Waiting story"}),
    ],
)
def test_the_inbox_filters_by_status_outlet_date_search_and_unreviewed(editor_client, params, expected):
    CandidateEventFactory(article=ArticleFactory(title="Waiting story", published_on=dt.date(2025, 3, 1)))
    ArticleFactory(title="Moscow story", outlet="TASS", published_on=dt.date(2024, 3, 1))
    ArticleFactory(title="Broken", status=Article.Status.FAILED, published_on=dt.date(2025, 6, 1))

    html = inbox(editor_client, **params)

    assert {title for title in ("Waiting story", "Moscow story", "Broken") if f">{title}</a>" in html} == expected


@pytest.mark.parametrize("bad", [{"status": "bogus"}, {"published_from": "notadate"}])
def test_an_invalid_filter_is_reported_and_the_valid_ones_still_apply(editor_client, bad):
    ArticleFactory(title="ASEAN story", published_on=dt.date(2025, 3, 1))
    ArticleFactory(title="Moscow story", published_on=dt.date(2025, 3, 1))

    html = inbox(editor_client, q="asean", **bad)

    assert ">ASEAN story</a>" in html and ">Moscow story</a>" not in html
    assert 'class="errorlist"' in html


def test_the_inbox_is_paginated(editor_client):
    ArticleFactory.create_batch(51)

    first, second = inbox(editor_client), inbox(editor_client, page=2)

    assert first.count("<tr>") == 51 and second.count("<tr>") == 2
    assert "Page 1 of 2 (51)" in first


def test_the_inbox_polls_while_an_article_is_extracting_and_stops_after(editor_client):
    article = ArticleFactory(status=Article.Status.EXTRACTING)
    partial = {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": "inbox-results"}

    extracting = editor_client.get(reverse("desk:inbox"), **partial).content.decode()
    Article.objects.filter(pk=article.pk).update(status=Article.Status.EXTRACTED)
    extracted = editor_client.get(reverse("desk:inbox"), **partial).content.decode()

    assert extracting.lstrip().startswith('<section id="inbox-results"')
    assert 'hx-trigger="every 2s"' in extracting
    assert 'hx-trigger="every 2s"' not in extracted


@pytest.mark.parametrize("count", [5, 50])
def test_the_inbox_runs_a_fixed_number_of_queries_whatever_the_number_of_articles(
    editor_client, django_assert_max_num_queries, count
):
    for article in ArticleFactory.create_batch(count):
        CandidateEventFactory.create_batch(2, article=article)

    with django_assert_max_num_queries(7):
        html = inbox(editor_client, unreviewed="on")

    assert html.count("<strong>2</strong>") == count
