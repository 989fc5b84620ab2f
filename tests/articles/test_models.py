"""Article: the identity of its text, the rows the sweeper finds stuck, and what its page warns about."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import IntegrityError
from django.utils import timezone

from articles.models import Article, content_hash_of
from tests.factories import ArticleFactory

LEASE = dt.timedelta(minutes=10)


def test_content_hash_ignores_whitespace_and_case() -> None:
    stored = "Lavrov met Rubio in New York.\n\nThe two discussed Ukraine."

    variants = [
        "  lavrov MET rubio in new york.  the two discussed ukraine.\n",
        "Lavrov\tmet Rubio in New\u00a0York. The two discussed Ukraine.",
    ]

    assert {content_hash_of(variant) for variant in variants} == {content_hash_of(stored)}


def test_content_hash_tells_apart_texts_that_differ_in_words_or_punctuation() -> None:
    stored = "Lavrov met Rubio in New York."

    assert content_hash_of(stored) != content_hash_of("Lavrov met Blinken in New York.")
    assert content_hash_of(stored) != content_hash_of("Lavrov met Rubio in New York")


@pytest.mark.django_db
def test_two_articles_with_the_same_text_cannot_be_stored() -> None:
    ArticleFactory(original_content="Lavrov met Rubio.")

    with pytest.raises(IntegrityError):
        ArticleFactory(original_content="lavrov  met rubio.")


@pytest.mark.django_db
def test_stuck_finds_queued_and_extracting_articles_past_their_lease_only() -> None:
    long_ago = timezone.now() - LEASE - dt.timedelta(seconds=1)
    just_now = timezone.now() - dt.timedelta(seconds=30)
    stuck_queued = ArticleFactory(status=Article.Status.QUEUED, status_changed_at=long_ago)
    stuck_extracting = ArticleFactory(status=Article.Status.EXTRACTING, status_changed_at=long_ago)
    ArticleFactory(status=Article.Status.EXTRACTING, status_changed_at=just_now)
    ArticleFactory(status=Article.Status.EXTRACTED, status_changed_at=long_ago)
    ArticleFactory(status=Article.Status.FAILED, status_changed_at=long_ago)

    stuck = Article.objects.stuck(lease=LEASE)

    assert set(stuck) == {stuck_queued, stuck_extracting}


def test_an_article_without_a_publication_date_needs_one() -> None:
    assert Article(published_on=None).needs_publication_date
    assert not Article(published_on=dt.date(2025, 9, 24)).needs_publication_date


@pytest.mark.parametrize(
    ("status", "pending"),
    [
        (Article.Status.QUEUED, True),
        (Article.Status.EXTRACTING, True),
        (Article.Status.EXTRACTED, False),
        (Article.Status.FAILED, False),
    ],
)
def test_an_article_is_pending_while_queued_or_extracting(status: str, pending: bool) -> None:
    assert Article(status=status).is_pending is pending
