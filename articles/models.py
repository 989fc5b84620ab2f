from __future__ import annotations

import hashlib
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone


def content_hash_of(cleaned_text: str) -> str:
    """The identity of an article's text: whitespace and case do not make a new article."""
    normalized = " ".join(cleaned_text.split()).casefold()
    return hashlib.sha256(normalized.encode()).hexdigest()


class ArticleQuerySet(models.QuerySet["Article"]):
    def stuck(self, *, lease: timedelta) -> ArticleQuerySet:
        """Queued or extracting for longer than the lease: the worker died or the message was lost."""
        cutoff = timezone.now() - lease
        pending = Q(status=Article.Status.QUEUED) | Q(status=Article.Status.EXTRACTING)
        return self.filter(pending, status_changed_at__lt=cutoff)

    def with_unreviewed_counts(self) -> ArticleQuerySet:
        return self.annotate(
            unreviewed_count=models.Count("candidates", filter=Q(candidates__status="new")),
            candidate_count=models.Count("candidates"),
        )


class Article(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        EXTRACTING = "extracting", "Extracting"
        EXTRACTED = "extracted", "Extracted"
        FAILED = "failed", "Failed"

    class ContentType(models.TextChoices):
        TEXT = "text/plain", "Plain text"
        MARKDOWN = "text/markdown", "Markdown"
        HTML = "text/html", "HTML"

    title = models.CharField(max_length=500)
    url = models.URLField(max_length=2000, blank=True)
    outlet = models.CharField(max_length=200, blank=True)
    published_on = models.DateField(
        null=True, blank=True, help_text="Unknown dates are flagged: relative dates stay unresolved."
    )
    language = models.CharField(max_length=16, default="en")
    external_id = models.CharField(max_length=200, blank=True, help_text="The id the import file gave it.")
    original_content = models.TextField()
    content_type = models.CharField(max_length=32, choices=ContentType.choices, default=ContentType.TEXT)
    cleaned_text = models.TextField()
    content_hash = models.CharField(max_length=64, unique=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="articles"
    )
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.QUEUED, db_index=True)
    status_changed_at = models.DateTimeField(default=timezone.now)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "status_changed_at"]), models.Index(fields=["outlet"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("desk:article", args=[self.pk])

    @property
    def needs_publication_date(self) -> bool:
        return self.published_on is None

    @property
    def is_pending(self) -> bool:
        return self.status in {self.Status.QUEUED, self.Status.EXTRACTING}
