import datetime as dt

import pytest
from django.db import OperationalError
from django.utils import timezone

from articles import services
from articles.models import Article
from articles.services import ArticleInput
from articles.tasks import extract_article_task
from tests.factories import ArticleFactory, CandidateEventFactory
from timelines.models import CandidateEvent

pytestmark = pytest.mark.django_db

MEETING = (
    "Russian Foreign Minister Sergei Lavrov met US Secretary of State Marco Rubio in New York on Wednesday, "
    "the State Department said.\n"
    "The two ministers discussed the war in Ukraine."
)


def queued_article(**fields: object) -> Article:
    return ArticleFactory(
        **{"original_content": MEETING, "cleaned_text": MEETING, "status": Article.Status.QUEUED, **fields}
    )


def test_extraction_stores_dated_candidates_and_marks_the_article_extracted() -> None:
    article = queued_article(published_on=dt.date(2025, 9, 24))

    assert services.extract_article(article_id=article.pk)

    article.refresh_from_db()
    assert article.status == Article.Status.EXTRACTED
    assert article.attempts == 1
    candidate = article.candidates.get()
    assert candidate.date_start == dt.date(2025, 9, 24)
    assert candidate.evidence_text.startswith("Russian Foreign Minister Sergei Lavrov met")


def test_rerun_replaces_unreviewed_candidates_and_keeps_decided_ones() -> None:
    article = queued_article()
    services.extract_article(article_id=article.pk)
    extracted = article.candidates.get()
    rejected = CandidateEventFactory(article=article, status=CandidateEvent.Status.REJECTED, summary="editor's call")
    extracted.summary = "stale unreviewed summary"
    extracted.save()

    Article.objects.filter(pk=article.pk).update(status=Article.Status.QUEUED)
    services.extract_article(article_id=article.pk)

    assert CandidateEvent.objects.filter(pk=rejected.pk, summary="editor's call").exists()
    assert not article.candidates.filter(summary="stale unreviewed summary").exists()
    assert article.candidates.unreviewed().count() == 1


def test_decided_candidate_is_not_proposed_again_by_a_rerun() -> None:
    article = queued_article()
    services.extract_article(article_id=article.pk)
    article.candidates.update(status=CandidateEvent.Status.ACCEPTED)

    Article.objects.filter(pk=article.pk).update(status=Article.Status.QUEUED)
    services.extract_article(article_id=article.pk)

    assert article.candidates.count() == 1
    assert article.candidates.get().status == CandidateEvent.Status.ACCEPTED


def test_an_extracted_article_is_not_claimed_twice() -> None:
    article = queued_article()
    services.extract_article(article_id=article.pk)

    assert not services.extract_article(article_id=article.pk)
    article.refresh_from_db()
    assert article.attempts == 1


def test_an_engine_error_is_recorded_on_the_article(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken_engine(*args: object, **kwargs: object) -> list[object]:
        raise ValueError("the engine tripped")

    monkeypatch.setattr(services, "extract", broken_engine)
    article = queued_article()

    services.extract_article(article_id=article.pk)

    article.refresh_from_db()
    assert article.status == Article.Status.FAILED
    assert article.last_error == "ValueError: the engine tripped"


def test_the_task_retries_a_transient_database_error(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    real_extract_article = services.extract_article

    def flaky_extract_article(*, article_id: int) -> bool:
        calls.append(article_id)
        if len(calls) == 1:
            raise OperationalError("server closed the connection unexpectedly")
        return real_extract_article(article_id=article_id)

    monkeypatch.setattr(services, "extract_article", flaky_extract_article)
    article = queued_article()

    extract_article_task.apply(args=[article.pk])

    assert calls == [article.pk, article.pk]
    article.refresh_from_db()
    assert article.status == Article.Status.EXTRACTED


def test_creating_an_article_queues_its_extraction_only_on_commit(django_capture_on_commit_callbacks) -> None:
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        article, created = services.create_article(article_input=ArticleInput(title="Meeting", content=MEETING))

    assert created
    assert article.status == Article.Status.QUEUED
    assert len(callbacks) == 1


def test_sweeper_requeues_articles_stuck_past_their_lease(django_capture_on_commit_callbacks) -> None:
    long_ago = timezone.now() - dt.timedelta(hours=2)
    stuck = queued_article(status=Article.Status.EXTRACTING, attempts=1, status_changed_at=long_ago)
    fresh = queued_article(status=Article.Status.EXTRACTING, attempts=1, cleaned_text=MEETING + " Another story.")
    Article.objects.filter(pk=fresh.pk).update(status_changed_at=timezone.now())

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        requeued, failed = services.requeue_stuck_articles(lease=dt.timedelta(minutes=10), max_attempts=3)

    assert (requeued, failed) == (1, 0)
    assert len(callbacks) == 1
    stuck.refresh_from_db()
    fresh.refresh_from_db()
    assert stuck.status == Article.Status.QUEUED
    assert fresh.status == Article.Status.EXTRACTING


def test_sweeper_fails_an_article_out_of_attempts() -> None:
    long_ago = timezone.now() - dt.timedelta(hours=2)
    article = queued_article(status=Article.Status.EXTRACTING, attempts=3, status_changed_at=long_ago)

    assert services.requeue_stuck_articles(lease=dt.timedelta(minutes=10), max_attempts=3) == (0, 1)

    article.refresh_from_db()
    assert article.status == Article.Status.FAILED
    assert article.last_error == "gave up after 3 attempts"


def test_a_zero_lease_requeues_at_once_rather_than_falling_back_to_the_default() -> None:
    queued_article(status=Article.Status.EXTRACTING, attempts=1, status_changed_at=timezone.now())

    assert services.requeue_stuck_articles(lease=dt.timedelta(0)) == (1, 0)
