"""Load benchmark: a 2,000-event published timeline page against the same bytes served as a static file.

Runs gunicorn (2 workers) on a free loopback port, drives each URL for a fixed time with wrk (or a small
threaded client when wrk is absent), prints requests/s and latency percentiles, then stops everything it started.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from articles.models import Article, content_hash_of
from timelines.loadgen import LoadResult, python_load, wrk_load
from timelines.models import Actor, Event, EventSource, EventType, Timeline, TimelineEntry
from timelines.services.publishing import publish_timeline

BENCH_SLUG = "bench-2000"
START_TIMEOUT = 30


class Command(BaseCommand):
    help = "Benchmark the published timeline page against a static file of the same bytes (loopback only)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--events", type=int, default=2000)
        parser.add_argument("--seconds", type=int, default=10)
        parser.add_argument("--connections", type=int, default=16)

    def handle(self, *args: Any, events: int, seconds: int, connections: int, **options: Any) -> None:
        call_command("migrate", verbosity=0)
        slug = ensure_bench_timeline(events)
        with tempfile.TemporaryDirectory(prefix="bench-public-") as tmp:
            env = bench_environment(Path(tmp))
            subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], env=env, check=True,
                           cwd=settings.BASE_DIR, timeout=120)  # fmt: skip
            port = free_port()
            page_url, static_url = (
                f"http://127.0.0.1:{port}/t/{slug}/",
                f"http://127.0.0.1:{port}/bench-static/timeline.html",
            )
            with gunicorn(env, port):
                page = fetch(page_url)
            (Path(env["BENCH_STATIC_DIR"]) / "timeline.html").write_bytes(page)
            with gunicorn(env, port):
                assert fetch(static_url) == page and fetch(page_url) == page, "the two URLs must serve the same bytes"
                results = [run_load(url, seconds, connections) for url in (page_url, static_url)]
        self.report(events, len(page), results)

    def report(self, events: int, size: int, results: list[LoadResult]) -> None:
        page, static = results
        self.stdout.write(
            f"timeline of {events} events, {size:,} bytes; tool: {page.tool}; gunicorn 2 workers, loopback"
        )
        self.stdout.write(f"{'':<20}{'requests/s':>12}{'p50 ms':>10}{'p99 ms':>10}{'requests':>10}{'errors':>8}")
        for label, result in (("timeline page", page), ("static file", static)):
            self.stdout.write(f"{label:<20}{result.rps:>12.1f}{result.p50_ms:>10.2f}{result.p99_ms:>10.2f}"
                              f"{result.requests:>10}{result.errors:>8}")  # fmt: skip
        ratio = static.rps / page.rps if page.rps else float("inf")
        verdict = "within" if ratio <= 2 else "NOT within"
        self.stdout.write(f"static/page throughput ratio: {ratio:.2f} ({verdict} the 2x target)")


def ensure_bench_timeline(count: int) -> str:
    """A published timeline of `count` events with actors and sources, created once per database."""
    slug = f"bench-{count}"
    if Timeline.objects.published().filter(slug=slug).exists():
        return slug
    user, _ = get_user_model().objects.get_or_create(username="bench")
    actors = [
        Actor.objects.get_or_create(canonical_name=f"Bench actor {n}", defaults={"kind": "person"})[0]
        for n in range(20)
    ]
    articles = Article.objects.bulk_create(_bench_article(slug, n) for n in range(count // 10 or 1))
    events = []
    for n in range(count):
        event = Event(event_type=EventType.values[n % len(EventType.values)], location="New York",
                      title=f"Ministers meet on the grain corridor, round {n}",
                      summary="The foreign ministers discussed the extension of the Black Sea grain deal "
                              "and prisoner exchanges, according to both delegations.")  # fmt: skip
        precision = ("day", "day", "day", "month", "range")[n % 5]
        start = dt.date(2015, 1, 1) + dt.timedelta(days=n * 2)
        event.set_date(start, start + dt.timedelta(days=1) if precision == "range" else start, precision)
        events.append(event)
    events = Event.objects.bulk_create(events)
    Event.actors.through.objects.bulk_create(
        Event.actors.through(event_id=e.pk, actor_id=actors[i % 20].pk) for i, e in enumerate(events)
    )
    EventSource.objects.bulk_create(
        EventSource(event=e, article=articles[i % len(articles)], evidence_start=0, evidence_end=40,
                    quote="“We agreed to keep talking,” the minister told reporters after the meeting.")
        for i, e in enumerate(events)
    )  # fmt: skip
    timeline = Timeline.objects.create(title=f"Benchmark timeline ({count} events)", slug=slug, created_by=user)
    TimelineEntry.objects.bulk_create(TimelineEntry(timeline=timeline, event=e) for e in events)
    publish_timeline(timeline=timeline, published_by=user)
    return slug


def _bench_article(slug: str, n: int) -> Article:
    text = f"Benchmark article {n} for {slug}. The ministers met."
    return Article(title=f"Ministers meet ({n})", url=f"https://example.org/{slug}/{n}", outlet="Example Wire",
                   original_content=text, cleaned_text=text, content_hash=content_hash_of(text),
                   status=Article.Status.EXTRACTED)  # fmt: skip


def bench_environment(tmp: Path) -> dict[str, str]:
    static_dir = tmp / "files"
    static_dir.mkdir()
    return {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or "bench-only-not-a-secret",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "LOG_LEVEL": "WARNING",
        "STATIC_ROOT": str(tmp / "static"),
        "BENCH_STATIC_DIR": str(static_dir),
    }


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def gunicorn(env: dict[str, str], port: int) -> Iterator[None]:
    command = [sys.executable, "-m", "gunicorn", "timelines.bench_wsgi:application", "--bind", f"127.0.0.1:{port}",
               "--workers", "2", "--log-level", "warning"]  # fmt: skip
    server = subprocess.Popen(command, env=env, cwd=settings.BASE_DIR)
    try:
        wait_until_up(f"http://127.0.0.1:{port}/healthz", server)
        yield
    finally:
        server.terminate()
        server.wait(timeout=START_TIMEOUT)


def wait_until_up(url: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("gunicorn exited during startup")
        try:
            fetch(url)
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer {url} within {START_TIMEOUT}s")


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=30) as response:
        return bytes(response.read())


def run_load(url: str, seconds: int, connections: int) -> LoadResult:
    if shutil.which("wrk"):
        return wrk_load(url, seconds=seconds, connections=connections)
    return python_load(url, seconds=seconds, connections=connections)
