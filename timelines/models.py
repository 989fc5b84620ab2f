from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, cast

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords


class Precision(models.TextChoices):
    DAY = "day", "Day"
    MONTH = "month", "Month"
    YEAR = "year", "Year"
    RANGE = "range", "Range"


class EventType(models.TextChoices):
    """PLOVER root types, plus STATEMENT for an official statement that fits none."""

    AGREE = "AGREE", "Agree"
    CONSULT = "CONSULT", "Consult"
    SUPPORT = "SUPPORT", "Support"
    CONCEDE = "CONCEDE", "Concede"
    COOPERATE = "COOPERATE", "Cooperate"
    AID = "AID", "Aid"
    RETREAT = "RETREAT", "Retreat"
    REQUEST = "REQUEST", "Request"
    ACCUSE = "ACCUSE", "Accuse"
    REJECT = "REJECT", "Reject"
    THREATEN = "THREATEN", "Threaten"
    PROTEST = "PROTEST", "Protest"
    SANCTION = "SANCTION", "Sanction"
    MOBILIZE = "MOBILIZE", "Mobilize"
    COERCE = "COERCE", "Coerce"
    ASSAULT = "ASSAULT", "Assault"
    STATEMENT = "STATEMENT", "Statement"


# Among events starting the same day, the coarser date comes first.
PRECISION_SORT_RANK = {"year": 0, "month": 1, "range": 2, "day": 3}


class DatedMixin(models.Model):
    """A closed date interval and the precision an editor reads it at."""

    date_start = models.DateField(null=True, blank=True)
    date_end = models.DateField(null=True, blank=True)
    date_precision = models.CharField(max_length=8, choices=Precision.choices, blank=True)

    class Meta:
        abstract = True

    def set_date(self, start: dt.date | None, end: dt.date | None, precision: str) -> None:
        self.date_start, self.date_end, self.date_precision = start, end or start, precision


class ActorQuerySet(models.QuerySet["Actor"]):
    def matching(self, text: str) -> ActorQuerySet:
        """Actors whose name or one of whose aliases contains the text."""
        text = text.strip()
        if not text:
            return self
        aliased = ActorAlias.objects.filter(name__icontains=text).values("actor")
        return self.filter(Q(canonical_name__icontains=text) | Q(pk__in=aliased))


class Actor(models.Model):
    class Kind(models.TextChoices):
        PERSON = "person", "Person"
        COUNTRY = "country", "Country"
        ORGANIZATION = "organization", "Organization"

    canonical_name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=16, choices=Kind.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    objects = ActorQuerySet.as_manager()

    class Meta:
        ordering = ["canonical_name"]

    def __str__(self) -> str:
        return self.canonical_name


class ActorAlias(models.Model):
    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200, db_index=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["actor", "name"], name="unique_alias_per_actor")]
        verbose_name_plural = "actor aliases"

    def __str__(self) -> str:
        return self.name


class CandidateQuerySet(models.QuerySet["CandidateEvent"]):
    def unreviewed(self) -> CandidateQuerySet:
        return self.filter(status=CandidateEvent.Status.NEW)

    def decided(self) -> CandidateQuerySet:
        return self.exclude(status=CandidateEvent.Status.NEW)

    def for_review(self) -> CandidateQuerySet:
        """With what a desk card shows: the decider, the event and the actors."""
        return self.select_related("decided_by", "event").prefetch_related("actors")


class CandidateEvent(DatedMixin):
    """An event the extractor proposes from one sentence of one article, awaiting an editor."""

    class Status(models.TextChoices):
        NEW = "new", "New"
        ACCEPTED = "accepted", "Accepted"
        REJECTED = "rejected", "Rejected"
        MERGED = "merged", "Merged"

    article = models.ForeignKey("articles.Article", on_delete=models.CASCADE, related_name="candidates")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.NEW, db_index=True)
    date_text = models.CharField(max_length=200, blank=True, help_text="The expression that gave the date.")
    date_explanation = models.CharField(max_length=500, blank=True, help_text="How the date was resolved.")
    event_type = models.CharField(max_length=16, choices=EventType.choices)
    actors = models.ManyToManyField(Actor, blank=True, related_name="candidates")
    proposed_actor_names = models.JSONField(
        default=list, blank=True, help_text="People the extractor found but the Actor table does not know."
    )
    location = models.CharField(max_length=200, blank=True)
    evidence_start = models.PositiveIntegerField()
    evidence_end = models.PositiveIntegerField()
    summary = models.CharField(max_length=500, blank=True)
    confidence = models.FloatField(default=0.0)
    fingerprint = models.CharField(max_length=64)
    event = models.ForeignKey(
        "Event",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="candidates",
        help_text="The curated event this candidate became or was merged into.",
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=0, help_text="Bumped by every edit; a stale form loses the race.")
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(m2m_fields=[actors])

    objects = CandidateQuerySet.as_manager()

    class Meta:
        ordering = ["article", "evidence_start", "id"]
        indexes = [
            models.Index(fields=["decided_by", "-decided_at"], name="candidate_last_decision"),
            # The inbox counts and filters each article's candidates by status.
            models.Index(fields=["article", "status"], name="candidate_article_status"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["article", "fingerprint"], name="one_candidate_per_evidence"),
            models.CheckConstraint(condition=Q(evidence_end__gt=models.F("evidence_start")), name="evidence_not_empty"),
        ]
        permissions = [("review_candidateevent", "Can review candidate events on the desk")]

    def __str__(self) -> str:
        return self.summary or f"Candidate {self.pk}"

    @property
    def evidence_text(self) -> str:
        return self.article.cleaned_text[self.evidence_start : self.evidence_end]

    def redate(self, start: dt.date | None, end: dt.date | None, precision: str, *, by: str) -> None:
        """An editor's date; the explanation then says who set it and keeps what the extractor had read."""
        if (start, end or start, precision) == (self.date_start, self.date_end, self.date_precision):
            return
        read = f"\u201c{self.date_text}\u201d: " if self.date_text else ""
        extractor = f"; the extractor had {read}{self.date_explanation}" if read or self.date_explanation else ""
        self.set_date(start, end, precision)
        self.date_text, self.date_explanation = "", f"set by {by} on the desk{extractor}"[:500]


class EventQuerySet(models.QuerySet["Event"]):
    def chronological(self) -> EventQuerySet:
        return self.order_by("date_start", "sort_rank", "date_end", "id")


class Event(DatedMixin):
    """A curated, real-world event; it cites one or more articles."""

    event_type = models.CharField(max_length=16, choices=EventType.choices)
    actors = models.ManyToManyField(Actor, blank=True, related_name="events")
    location = models.CharField(max_length=200, blank=True)
    title = models.CharField(max_length=300)
    summary = models.TextField(blank=True)
    sort_rank = models.PositiveSmallIntegerField(default=0, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(m2m_fields=[actors])

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["date_start", "sort_rank", "date_end", "id"]
        indexes = [models.Index(fields=["date_start", "date_end"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("desk:event", args=[self.pk])

    def set_date(self, start: dt.date | None, end: dt.date | None, precision: str) -> None:
        super().set_date(start, end, precision)
        self.sort_rank = PRECISION_SORT_RANK.get(precision, 0)


class EventSource(models.Model):
    """One article's evidence for an event: the sentence, by offsets into its cleaned text."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="sources")
    article = models.ForeignKey("articles.Article", on_delete=models.PROTECT, related_name="event_sources")
    candidate = models.OneToOneField(
        CandidateEvent, null=True, blank=True, on_delete=models.SET_NULL, related_name="source"
    )
    evidence_start = models.PositiveIntegerField()
    evidence_end = models.PositiveIntegerField()
    quote = models.TextField(help_text="The evidence sentence as it stood when the source was added.")
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    added_at = models.DateTimeField(default=timezone.now)
    added_actors = models.ManyToManyField(
        Actor,
        blank=True,
        related_name="+",
        help_text="The actors the event gained when this source was merged into it; undoing the merge takes them off.",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["added_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "article", "evidence_start", "evidence_end"], name="one_source_per_evidence"
            )
        ]

    def __str__(self) -> str:
        return f"{self.article} → {self.event}"


class TimelineQuerySet(models.QuerySet["Timeline"]):
    def published(self) -> TimelineQuerySet:
        return self.filter(published_version__isnull=False)

    def published_pointer(self, slug: str) -> tuple[int, dt.datetime] | None:
        """The id and publication time of the version the public sees, without loading its snapshot."""
        return (
            self.published()
            .filter(slug=slug)
            .values_list("published_version_id", "published_version__published_at")
            .first()
        )


class Timeline(models.Model):
    title = models.CharField(max_length=300)
    slug = models.SlugField(max_length=100, unique=True)
    description = models.TextField(blank=True)
    events = models.ManyToManyField(Event, through="TimelineEntry", related_name="timelines")
    published_version = models.ForeignKey(
        "TimelineVersion",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="What the public sees; empty when unpublished.",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    objects = TimelineQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        permissions = [("publish_timeline", "Can publish and unpublish timelines")]

    def __str__(self) -> str:
        return self.title


class TimelineEntryQuerySet(models.QuerySet["TimelineEntry"]):
    def chronological(self) -> TimelineEntryQuerySet:
        """In the events' order; undated events last on every database."""
        first, *rest = cast("Sequence[str]", Event._meta.ordering)  # Event.Meta sets it
        return self.order_by(models.F(f"event__{first}").asc(nulls_last=True), *(f"event__{f}" for f in rest))


class TimelineEntry(models.Model):
    timeline = models.ForeignKey(Timeline, on_delete=models.CASCADE, related_name="entries")
    event = models.ForeignKey(Event, on_delete=models.PROTECT, related_name="entries")
    note = models.TextField(blank=True, help_text="Editorial note shown with the event on this timeline.")
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    added_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    objects = TimelineEntryQuerySet.as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["timeline", "event"], name="event_once_per_timeline")]
        verbose_name_plural = "timeline entries"

    def __str__(self) -> str:
        return f"{self.timeline}: {self.event}"


class VersionIsImmutable(Exception):
    """A published version is a public record: it is never changed, only superseded by a newer one."""


class TimelineVersionQuerySet(models.QuerySet["TimelineVersion"]):
    def update(self, **kwargs: object) -> int:
        raise VersionIsImmutable("published versions are never updated; publish a new version instead")


class TimelineVersion(models.Model):
    """An immutable snapshot of a timeline as published; the public pages render only these."""

    timeline = models.ForeignKey(Timeline, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    snapshot = models.JSONField(help_text="Everything the public pages and exports need, frozen.")
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField(default=timezone.now)

    objects = TimelineVersionQuerySet.as_manager()

    class Meta:
        ordering = ["timeline", "-number"]
        constraints = [models.UniqueConstraint(fields=["timeline", "number"], name="unique_version_number")]

    def __str__(self) -> str:
        return f"{self.timeline} v{self.number}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise VersionIsImmutable("published versions are never updated; publish a new version instead")
        super().save(*args, **kwargs)

    def previous(self) -> TimelineVersion | None:
        return TimelineVersion.objects.filter(timeline_id=self.timeline_id, number__lt=self.number).first()
