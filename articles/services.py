"""Workflows over articles: ingest, extraction and the sweeper. Views, admin, commands and tasks call these."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from articles.extraction.cleaning import clean_text
from articles.extraction.pipeline import extract
from articles.models import Article, content_hash_of
from timelines.services.actors import actor_matcher
from timelines.services.candidates import store_candidates

logger = logging.getLogger(__name__)


class ArticleRejected(ValueError):
    """The input cannot become an article; the message says why, for the person who sent it."""


@dataclass(frozen=True)
class ArticleInput:
    title: str
    content: str
    content_type: str = Article.ContentType.TEXT
    url: str = ""
    outlet: str = ""
    published_on: dt.date | None = None
    language: str = "en"
    external_id: str = ""


def create_article(*, article_input: ArticleInput, uploaded_by: AbstractBaseUser | None = None) -> tuple[Article, bool]:
    """Store an article once per text and queue its extraction. Safe to re-run: the same text returns the stored one."""
    if len(article_input.content.encode()) > settings.ARTICLE_MAX_BYTES:
        raise ArticleRejected(f"the article is larger than {settings.ARTICLE_MAX_BYTES // (1024 * 1024)} MB")
    cleaned = clean_text(article_input.content, article_input.content_type)
    if not cleaned.strip():
        raise ArticleRejected("the article has no text")
    content_hash = content_hash_of(cleaned)
    existing = Article.objects.filter(content_hash=content_hash).first()
    if existing:
        return existing, False
    title = article_input.title.strip() or cleaned.strip().splitlines()[0][:200]
    try:
        with transaction.atomic():
            article = Article.objects.create(
                title=title[:500],
                url=article_input.url,
                outlet=article_input.outlet,
                published_on=article_input.published_on,
                language=article_input.language or "en",
                external_id=article_input.external_id,
                original_content=article_input.content,
                content_type=article_input.content_type,
                cleaned_text=cleaned,
                content_hash=content_hash,
                uploaded_by=uploaded_by,
            )
            queue_extraction(article=article)
    except IntegrityError:
        # Another request stored the same text between our check and our insert.
        return Article.objects.get(content_hash=content_hash), False
    return article, True


def queue_extraction(*, article: Article) -> None:
    """Mark the article queued and enqueue its extraction once the transaction commits."""
    from articles.tasks import extract_article_task

    Article.objects.filter(pk=article.pk).update(status=Article.Status.QUEUED, status_changed_at=timezone.now())
    extract_article_task.delay_on_commit(article.pk)


def extract_article(*, article_id: int) -> bool:
    """Extract one article's candidates; replaces only unreviewed ones. Safe to re-run; returns False if not claimed."""
    claimed = Article.objects.filter(
        pk=article_id, status__in=[Article.Status.QUEUED, Article.Status.EXTRACTING]
    ).update(status=Article.Status.EXTRACTING, attempts=F("attempts") + 1, status_changed_at=timezone.now())
    if not claimed:
        return False
    article = Article.objects.get(pk=article_id)
    try:
        candidates = extract(article.cleaned_text, published=article.published_on, actors=actor_matcher())
    except Exception as error:  # noqa: BLE001 - an engine bug must be recorded on the row, not lost.
        logger.exception("extraction failed for article %s", article_id)
        _finish(article_id, Article.Status.FAILED, error=f"{type(error).__name__}: {error}")
        return True
    with transaction.atomic():
        Article.objects.select_for_update().filter(pk=article_id).first()
        store_candidates(article=article, candidates=candidates)
        _finish(article_id, Article.Status.EXTRACTED, error="")
    return True


def _finish(article_id: int, status: str, *, error: str) -> None:
    Article.objects.filter(pk=article_id).update(status=status, last_error=error, status_changed_at=timezone.now())


def reextract_article(*, article: Article) -> None:
    """Run extraction again; editors' decisions are kept. Safe to re-run."""
    with transaction.atomic():
        queue_extraction(article=article)


def requeue_stuck_articles(*, lease: timedelta | None = None, max_attempts: int | None = None) -> tuple[int, int]:
    """Re-queue articles stuck past their lease, failing those out of attempts. Returns (requeued, failed)."""
    lease = lease or timedelta(seconds=settings.EXTRACTION_LEASE_SECONDS)
    max_attempts = max_attempts or settings.EXTRACTION_MAX_ATTEMPTS
    requeued = failed = 0
    for article in Article.objects.stuck(lease=lease).only("pk", "status", "attempts", "status_changed_at"):
        same_state = Article.objects.filter(
            pk=article.pk, status=article.status, status_changed_at=article.status_changed_at
        )
        if article.attempts >= max_attempts:
            error = f"gave up after {article.attempts} attempts"
            failed += same_state.update(status=Article.Status.FAILED, last_error=error, status_changed_at=timezone.now())
        elif same_state.update(status=Article.Status.QUEUED, status_changed_at=timezone.now()):
            with transaction.atomic():
                from articles.tasks import extract_article_task

                extract_article_task.delay_on_commit(article.pk)
            requeued += 1
    return requeued, failed
