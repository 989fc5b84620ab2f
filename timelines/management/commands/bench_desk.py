"""Load a newsroom-sized database (bulk, fast) and time the desk's pages as the server sees them."""

from __future__ import annotations

import datetime as dt
import os
import random
import statistics
import time
from collections.abc import Callable
from typing import Any, cast

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandParser
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Article, content_hash_of
from timelines.models import Actor, CandidateEvent, Event, EventType
from timelines.services.merging import suggest_events

FIRST_DAY = dt.date(2016, 1, 1)
DAYS = 3650
BATCH = 5000
BENCH_USER = "bench-editor"
TARGET_MS = 50


class Command(BaseCommand):
    help = "Load events and articles into the configured database (once), then time the inbox, review and suggestions."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--events", type=int, default=100_000)
        parser.add_argument("--articles", type=int, default=10_000)
        parser.add_argument("--candidates-per-article", type=int, default=8)
        parser.add_argument("--actors", type=int, default=400)
        parser.add_argument("--backlog", type=int, default=1000, help="Newest articles whose candidates still wait.")
        parser.add_argument("--requests", type=int, default=30, help="Timed requests per page; the median is shown.")

    def handle(self, *args: Any, **options: Any) -> None:
        self.random = random.Random(20250924)
        started = time.perf_counter()
        if Event.objects.count() < options["events"] or Article.objects.count() < options["articles"]:
            self.load(options)
            self.stdout.write(f"loaded in {time.perf_counter() - started:.1f}s")
        self.stdout.write(
            f"database: {connection.vendor} {connection.settings_dict['NAME']} · {Event.objects.count()} events, "
            f"{Article.objects.count()} articles, {CandidateEvent.objects.count()} candidates"
        )
        # Plain static storage and the test host: the bench needs neither collectstatic nor a real hostname.
        storages = {"staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
        with override_settings(ALLOWED_HOSTS=["testserver"], STORAGES=storages, SECURE_SSL_REDIRECT=False):
            self.bench(options["requests"])

    def load(self, options: dict[str, Any]) -> None:
        actors = Actor.objects.bulk_create(
            [Actor(canonical_name=f"Bench actor {i}", kind=Actor.Kind.PERSON) for i in range(options["actors"])],
            batch_size=BATCH,
        )
        self.load_events(options["events"], actors)
        self.load_articles(options["articles"], options["candidates_per_article"], actors)
        # Editors keep up: only the newest articles still have candidates waiting.
        waiting_from = Article.objects.order_by("-pk").values_list("pk", flat=True)[options["backlog"] - 1]
        CandidateEvent.objects.filter(article_id__lt=waiting_from).update(status=CandidateEvent.Status.REJECTED)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")

    def pick_actors(self, actors: list[Actor]) -> list[int]:
        # A few actors (the great powers) appear in most stories; the rest are a long tail.
        head = actors[:10]
        return list({self.random.choice(head).pk: None, self.random.choice(actors).pk: None})

    def load_events(self, count: int, actors: list[Actor]) -> None:
        types = [choice for choice, _ in EventType.choices]
        through = Event.actors.through
        for offset in range(0, count, BATCH):
            events = []
            for i in range(offset, min(offset + BATCH, count)):
                day = FIRST_DAY + dt.timedelta(days=self.random.randrange(DAYS))
                event = Event(event_type=self.random.choice(types), title=f"Bench event {i}", summary="Bench summary")
                event.set_date(day, day, "day")
                events.append(event)
            Event.objects.bulk_create(events)
            through.objects.bulk_create(
                [through(event_id=e.pk, actor_id=a) for e in events for a in self.pick_actors(actors)],
                batch_size=BATCH,
            )

    def load_articles(self, count: int, per_article: int, actors: list[Actor]) -> None:
        sentence = "Officials from both governments met on Wednesday and discussed a ceasefire proposal. "
        through = CandidateEvent.actors.through
        for offset in range(0, count, BATCH // per_article):
            articles = []
            for i in range(offset, min(offset + BATCH // per_article, count)):
                text = f"Bench article {i}. " + sentence * per_article
                day = FIRST_DAY + dt.timedelta(days=self.random.randrange(DAYS))
                articles.append(
                    Article(
                        title=f"Bench article {i}",
                        outlet=f"Outlet {i % 40}",
                        published_on=day,
                        original_content=text,
                        cleaned_text=text,
                        content_hash=content_hash_of(text),
                        status=Article.Status.EXTRACTED,
                    )
                )
            Article.objects.bulk_create(articles)
            candidates = [self.candidate(article, n, sentence) for article in articles for n in range(per_article)]
            CandidateEvent.objects.bulk_create(candidates, batch_size=BATCH)
            through.objects.bulk_create(
                [through(candidateevent_id=c.pk, actor_id=a) for c in candidates for a in self.pick_actors(actors)],
                batch_size=BATCH,
            )

    def candidate(self, article: Article, n: int, sentence: str) -> CandidateEvent:
        start = len(f"Bench article {article.title.rsplit(' ', 1)[1]}. ") + n * len(sentence)
        # Bench articles are always dated.
        day = cast(dt.date, article.published_on) - dt.timedelta(days=self.random.randrange(4))
        return CandidateEvent(
            article=article,
            date_start=day,
            date_end=day,
            date_precision="day",
            date_text="Wednesday",
            date_explanation=f'"Wednesday" against publication {article.published_on} gives {day}',
            event_type=self.random.choice([choice for choice, _ in EventType.choices]),
            evidence_start=start,
            evidence_end=start + len(sentence) - 1,
            summary="Officials met and discussed a ceasefire proposal",
            confidence=0.7,
            fingerprint=f"bench-{article.pk}-{n}",
        )

    def bench(self, requests: int) -> None:
        user, _ = get_user_model().objects.get_or_create(username=BENCH_USER)
        user.groups.add(Group.objects.get(name="Editors"))
        client = Client()
        client.force_login(user)
        article = Article.objects.filter(candidates__status="new").order_by("-pk").first()
        assert article is not None, "no article with candidates to review"
        page_candidates = list(CandidateEvent.objects.filter(article=article).prefetch_related("actors"))
        candidate = page_candidates[0]
        htmx: dict[str, Any] = {"HTTP_HX_REQUEST": "true"}
        pages: list[tuple[str, Callable[[], object]]] = [
            ("inbox", lambda: client.get(reverse("desk:inbox"))),
            ("inbox, filtered (unreviewed)", lambda: client.get(reverse("desk:inbox"), {"unreviewed": "on"})),
            (
                f"article review ({len(page_candidates)} candidates)",
                lambda: client.get(reverse("desk:article", args=[article.pk])),
            ),
            (
                "merge suggestion (candidate card)",
                lambda: client.get(reverse("desk:candidate", args=[candidate.pk]), **htmx),
            ),
            ("suggest_events for the page", lambda: suggest_events(candidates=page_candidates)),
        ]
        # Wall time is what the editor waits for; this process's CPU time shows how much of it is other load.
        self.stdout.write(
            f"load average: {' '.join(f'{load:.2f}' for load in os.getloadavg())} on {os.cpu_count()} CPUs"
        )
        self.stdout.write(f"{'page':<44} {'median ms':>10} {'max ms':>8} {'cpu ms':>7} {'queries':>8}")
        for name, call in pages:
            self.time(name, call, requests)

    def time(self, name: str, call: Callable[[], object], requests: int) -> None:
        response = call()
        status = getattr(response, "status_code", 200)
        assert status == 200, f"{name}: HTTP {status}"
        timings, cpu_timings = [], []
        for _ in range(requests):
            with CaptureQueriesContext(connection) as queries:
                started, cpu_started = time.perf_counter(), time.process_time()
                call()
                timings.append((time.perf_counter() - started) * 1000)
                cpu_timings.append((time.process_time() - cpu_started) * 1000)
        median = statistics.median(timings)
        verdict = "ok" if median < TARGET_MS else f"over {TARGET_MS} ms"
        self.stdout.write(
            f"{name:<44} {median:>10.1f} {max(timings):>8.1f} {statistics.median(cpu_timings):>7.1f} "
            f"{len(queries):>8}  {verdict}"
        )
