"""A real `celery worker` process, the Redis broker and the test database, end to end."""

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from articles import services
from articles.models import Article
from articles.services import ArticleInput
from tests.factories import ArticleFactory
from timelines.services.actors import load_starter_actors_into_table

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[2]
MEETING = (
    "Russian Foreign Minister Sergey Lavrov and US Secretary of State Marco Rubio held a meeting on the sidelines "
    "of the UN General Assembly in New York on Wednesday, the Russian Foreign Ministry said."
)


def start_worker(**extra_env: str) -> subprocess.Popen[str]:
    database_url = os.environ["DATABASE_URL"].rsplit("/", 1)[0] + "/" + connection.settings_dict["NAME"]
    env = {**os.environ, "DATABASE_URL": database_url, "CELERY_TASK_ALWAYS_EAGER": "false", **extra_env}
    command = [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool=solo", "--loglevel=INFO"]
    command += ["--queues", settings.CELERY_TASK_DEFAULT_QUEUE, "--without-mingle", "--without-gossip"]
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def stop(process: subprocess.Popen[str]) -> None:
    process.terminate()
    output, _ = process.communicate(timeout=30)
    print(output)


@pytest.fixture
def worker() -> Iterator[subprocess.Popen[str]]:
    process = start_worker()
    try:
        yield process
    finally:
        stop(process)


def wait_for_status(article: Article, status: str, seconds: float = 60) -> Article:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        article.refresh_from_db()
        if article.status == status:
            return article
        time.sleep(0.2)
    raise AssertionError(f"article stayed {article.status!r}, expected {status!r}")


def test_an_uploaded_article_is_extracted_by_a_real_worker(worker: subprocess.Popen[str], editor_client) -> None:
    load_starter_actors_into_table()
    response = editor_client.post(
        reverse("articles:upload"),
        {"title": "Lavrov meets Rubio", "text": MEETING, "published_on": "2025-09-24", "language": "en"},
    )
    article = Article.objects.get(title="Lavrov meets Rubio")
    assert response.status_code == 302

    wait_for_status(article, Article.Status.EXTRACTED)

    candidate = article.candidates.get()
    assert candidate.date_start.isoformat() == "2025-09-24"
    assert {actor.canonical_name for actor in candidate.actors.all()} >= {"Sergey Lavrov", "Marco Rubio"}
    assert candidate.evidence_text == MEETING
    assert article.attempts == 1


def test_an_article_left_extracting_by_a_dead_worker_is_picked_up_again(worker: subprocess.Popen[str]) -> None:
    long_ago = timezone.now() - timedelta(hours=1)
    article = ArticleFactory(
        original_content=MEETING,
        cleaned_text=MEETING,
        status=Article.Status.EXTRACTING,
        attempts=1,
        status_changed_at=long_ago,
    )

    assert services.requeue_stuck_articles(lease=timedelta(minutes=10)) == (1, 0)

    wait_for_status(article, Article.Status.EXTRACTED)
    assert article.attempts == 2
    assert article.candidates.exists()


def test_a_worker_killed_mid_extraction_loses_nothing() -> None:
    first = start_worker()
    long_text = "\n\n".join(f"{MEETING} Report number {number}." for number in range(12000))
    article, _ = services.create_article(
        article_input=ArticleInput(title="Long report", content=long_text, published_on=date(2025, 9, 24))
    )
    try:
        wait_for_status(article, Article.Status.EXTRACTING)
        first.kill()
    finally:
        stop(first)
    article.refresh_from_db()
    assert article.status == Article.Status.EXTRACTING
    assert not article.candidates.exists()

    # The broker would hand the unacknowledged task on after its visibility timeout; the sweeper need not wait.
    assert services.requeue_stuck_articles(lease=timedelta(0)) == (1, 0)
    second = start_worker()
    try:
        wait_for_status(article, Article.Status.EXTRACTED)
    finally:
        stop(second)
    assert article.attempts == 2
    assert article.candidates.exists()
