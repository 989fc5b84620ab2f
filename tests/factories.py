from __future__ import annotations

import datetime as dt

import factory
from django.contrib.auth import get_user_model

from articles.models import Article, content_hash_of
from timelines.models import Actor, ActorAlias, CandidateEvent, Event, EventSource, Timeline, TimelineEntry

ARTICLE_TEXT = (
    "Russian Foreign Minister Sergei Lavrov met US Secretary of State Antony Blinken in New York on Wednesday. "
    "The two discussed the war in Ukraine."
)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.django.Password("correct horse battery staple")


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    title = factory.Sequence(lambda n: f"Article {n}")
    outlet = "Example Wire"
    published_on = dt.date(2025, 9, 24)
    original_content = factory.Sequence(lambda n: f"{ARTICLE_TEXT} Story number {n}.")
    cleaned_text = factory.SelfAttribute("original_content")
    content_hash = factory.LazyAttribute(lambda article: content_hash_of(article.cleaned_text))
    status = Article.Status.EXTRACTED


class ActorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Actor
        django_get_or_create = ["canonical_name"]

    canonical_name = factory.Sequence(lambda n: f"Actor {n}")
    kind = Actor.Kind.PERSON


class ActorAliasFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActorAlias

    actor = factory.SubFactory(ActorFactory)
    name = factory.Sequence(lambda n: f"Alias {n}")


class CandidateEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CandidateEvent

    article = factory.SubFactory(ArticleFactory)
    date_start = dt.date(2025, 9, 24)
    date_end = dt.date(2025, 9, 24)
    date_precision = "day"
    date_text = "Wednesday"
    date_explanation = '"Wednesday" against publication 2025-09-24 gives 2025-09-24'
    event_type = "CONSULT"
    location = "New York"
    evidence_start = 0
    evidence_end = factory.LazyAttribute(lambda c: c.article.cleaned_text.index(".") + 1)
    summary = "Lavrov meets Blinken in New York"
    confidence = 0.8
    fingerprint = factory.Sequence(lambda n: f"fingerprint-{n}")


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    date_start = dt.date(2025, 9, 24)
    date_end = dt.date(2025, 9, 24)
    date_precision = "day"
    event_type = "CONSULT"
    location = "New York"
    title = factory.Sequence(lambda n: f"Event {n}")
    summary = "Lavrov meets Blinken in New York"


class EventSourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventSource

    event = factory.SubFactory(EventFactory)
    article = factory.SubFactory(ArticleFactory)
    evidence_start = 0
    evidence_end = factory.LazyAttribute(lambda s: s.article.cleaned_text.index(".") + 1)
    quote = factory.LazyAttribute(lambda s: s.article.cleaned_text[s.evidence_start : s.evidence_end])


class TimelineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Timeline

    title = factory.Sequence(lambda n: f"Timeline {n}")
    slug = factory.Sequence(lambda n: f"timeline-{n}")


class TimelineEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TimelineEntry

    timeline = factory.SubFactory(TimelineFactory)
    event = factory.SubFactory(EventFactory)
