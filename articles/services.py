"""Workflows over articles: ingest, extraction and the sweeper. Views, admin, commands and tasks call these."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from articles import ingest
from articles.extraction.cleaning import clean_text
from articles.extraction.describe import title_of
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


def create_article(*, article_input: ArticleInput, uploaded_by: User | None = None) -> tuple[Article, bool]:
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
    title = article_input.title.strip() or title_of(cleaned)
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
    Article.objects.filter(pk=article.pk).update(status=Article.Status.QUEUED, status_changed_at=timezone.now())
    _enqueue_on_commit(article.pk)


def _enqueue_on_commit(article_id: int) -> None:
    # The task module imports this one; importing it here keeps that one-way at import time.
    from articles.tasks import extract_article_task

    extract_article_task.delay_on_commit(article_id)


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
    except Exception as error:  # An engine bug is recorded on the row, not lost.
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
    if lease is None:
        lease = timedelta(seconds=settings.EXTRACTION_LEASE_SECONDS)
    if max_attempts is None:
        max_attempts = settings.EXTRACTION_MAX_ATTEMPTS
    requeued = failed = 0
    for article in Article.objects.stuck(lease=lease).only("pk", "status", "attempts", "status_changed_at"):
        unchanged = Article.objects.filter(
            pk=article.pk, status=article.status, status_changed_at=article.status_changed_at
        )
        now = timezone.now()
        if article.attempts >= max_attempts:
            error = f"gave up after {article.attempts} attempts"
            failed += unchanged.update(status=Article.Status.FAILED, last_error=error, status_changed_at=now)
        elif unchanged.update(status=Article.Status.QUEUED, status_changed_at=now):
            with transaction.atomic():
                _enqueue_on_commit(article.pk)
            requeued += 1
    return requeued, failed


@dataclass
class ImportReport:
    """What an import did: articles created, already present, and each row skipped with where and why."""

    created: int = 0
    already_present: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)
    articles_read: int = 0


def import_limits() -> ingest.ImportLimits:
    return ingest.ImportLimits(max_file_bytes=settings.IMPORT_MAX_BYTES, max_article_bytes=settings.ARTICLE_MAX_BYTES)


def import_articles(
    *,
    sources: Iterable[ingest.ImportSource],
    uploaded_by: User | None = None,
    on_progress: Callable[[ImportReport], None] | None = None,
) -> ImportReport:
    """Store each readable article of the sources in its own transaction; bad rows are skipped. Safe to re-run."""
    report = ImportReport()
    limits = import_limits()
    for source in sources:
        for row in ingest.read_source(source, limits=limits):
            _import_row(row, report=report, uploaded_by=uploaded_by)
            if on_progress:
                on_progress(report)
    return report


def _import_row(row: ingest.Row, *, report: ImportReport, uploaded_by: User | None) -> None:
    if isinstance(row, ingest.RowError):
        report.errors.append((row.where, row.why))
        return
    report.articles_read += 1
    article_input = ArticleInput(
        title=row.title,
        content=row.content,
        content_type=row.content_type,
        url=row.url,
        outlet=row.outlet,
        published_on=row.published_on,
        language=row.language,
        external_id=row.external_id,
    )
    try:
        _, created = create_article(article_input=article_input, uploaded_by=uploaded_by)
    except ArticleRejected as error:
        report.errors.append((row.where, str(error)))
        return
    if created:
        report.created += 1
    else:
        report.already_present += 1
