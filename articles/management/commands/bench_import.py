import datetime as dt
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

from articles.extraction.bench import make_article
from articles.models import Article

BENCH_PREFIX = "bench-"


class Command(BaseCommand):
    help = (
        "Generate N realistic articles, import them with import_articles while a real Celery worker extracts them, "
        "and report how long both took. Run it against a scratch database: it deletes its own articles afterwards."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--articles", type=int, default=1000)
        parser.add_argument("--words", type=int, default=1000)
        parser.add_argument("--concurrency", type=int, default=2, help="Worker processes to start.")
        parser.add_argument("--keep", action="store_true", help="Keep the generated articles.")

    def handle(self, *args: Any, articles: int, words: int, concurrency: int, keep: bool, **options: Any) -> None:
        if settings.CELERY_TASK_ALWAYS_EAGER:
            raise CommandError("Set REDIS_URL: this benchmark needs a broker and a real worker.")
        Article.objects.filter(external_id__startswith=BENCH_PREFIX).delete()
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "bench.jsonl"
            self.write_corpus(path, articles, words)
            worker = self.start_worker(concurrency)
            try:
                started = time.perf_counter()
                call_command("import_articles", str(path), stdout=self.stdout)
                imported = time.perf_counter() - started
                extracted = self.wait_for_extraction(articles, started)
            finally:
                worker.terminate()
                worker.wait(timeout=60)
        self.stdout.write(
            f"import_articles: {articles} articles in {imported:.1f} s ({articles / imported:.0f} articles/s); "
            f"all extracted by the worker ({concurrency} processes) {extracted:.1f} s after the import started"
        )
        if not keep:
            Article.objects.filter(external_id__startswith=BENCH_PREFIX).delete()

    def write_corpus(self, path: Path, articles: int, words: int) -> None:
        rng = random.Random(0)
        published = dt.date(2025, 9, 24)
        with path.open("w", encoding="utf-8") as corpus:
            for number in range(articles):
                row = {
                    "id": f"{BENCH_PREFIX}{number}",
                    "title": f"Benchmark article {number}",
                    "source": "Benchmark Wire",
                    "published": (published - dt.timedelta(days=number % 365)).isoformat(),
                    "text": f"{make_article(rng, words)}\n\nBenchmark article number {number}.",
                }
                corpus.write(json.dumps(row) + "\n")

    def start_worker(self, concurrency: int) -> subprocess.Popen[bytes]:
        command = [sys.executable, "-m", "celery", "-A", "config", "worker", f"--concurrency={concurrency}"]
        command += ["--queues", settings.CELERY_TASK_DEFAULT_QUEUE, "--loglevel=WARNING"]
        return subprocess.Popen(command, cwd=settings.BASE_DIR)

    def wait_for_extraction(self, articles: int, started: float, timeout: float = 1800) -> float:
        benchmark_articles = Article.objects.filter(external_id__startswith=BENCH_PREFIX)
        while time.perf_counter() - started < timeout:
            if benchmark_articles.filter(status=Article.Status.EXTRACTED).count() >= articles:
                return time.perf_counter() - started
            time.sleep(0.5)
        raise CommandError(f"not all {articles} articles were extracted within {timeout:.0f} s")
