from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO, Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from articles import ingest, services

EXIT_ROWS_SKIPPED = 1
EXIT_NOTHING_READABLE = 2


class Command(BaseCommand):
    help = (
        "Import articles from .jsonl, .csv, .zip, .txt, .md and .html files; directories are walked. "
        "Articles already stored are left alone. Exits 1 when some rows were skipped, 2 when nothing was readable."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")
        parser.add_argument("--user", metavar="USERNAME", help="Record this user as the one who uploaded them.")

    def handle(self, *args: Any, paths: list[Path], user: str | None, **options: Any) -> None:
        uploaded_by = self.find_user(user)
        files = list(ingest.files_under(paths))
        position = ReadPosition()
        sources = [ingest.ImportSource.from_path(path, opener=position.open) for path in files]
        progress = tqdm(
            total=sum(source.size or 0 for source in sources),
            unit="B",
            unit_scale=True,
            desc="Importing",
            file=options.get("stderr") or sys.stderr,
            disable=None,  # only on a terminal
        )
        with progress:
            report = services.import_articles(
                sources=sources,
                uploaded_by=uploaded_by,
                on_progress=lambda _report: progress.update(max(0, position.bytes_read() - progress.n)),
            )
        self.write_summary(report)
        if not report.articles_read:
            raise CommandError("no readable input: nothing was imported", returncode=EXIT_NOTHING_READABLE)
        if report.errors:
            raise CommandError(f"{len(report.errors)} skipped; see above", returncode=EXIT_ROWS_SKIPPED)

    def find_user(self, username: str | None) -> User | None:
        if username is None:
            return None
        try:
            return get_user_model().objects.get_by_natural_key(username)
        except get_user_model().DoesNotExist:
            raise CommandError(f'no user named "{username}"', returncode=EXIT_NOTHING_READABLE) from None

    def write_summary(self, report: services.ImportReport) -> None:
        self.stdout.write(
            self.style.SUCCESS(f"Created {report.created} article{'s' if report.created != 1 else ''}")
            + f", {report.already_present} already present, {len(report.errors)} skipped"
            + (":" if report.errors else ".")
        )
        for where, why in report.errors:
            self.stdout.write(self.style.WARNING(f"  {where}: {why}"))


class ReadPosition:
    """How far the import has read through its files, for the progress bar; the files are opened one at a time."""

    def __init__(self) -> None:
        self.finished_bytes = 0
        self.current: IO[bytes] | None = None
        self.current_size = 0

    def open(self, path: Path) -> IO[bytes]:
        stream = path.open("rb")
        self.finished_bytes += self.current_size
        self.current, self.current_size = stream, os.fstat(stream.fileno()).st_size
        return stream

    def bytes_read(self) -> int:
        try:
            inside = self.current.tell() if self.current else 0
        except ValueError:  # closed: read to its end
            inside = self.current_size
        return self.finished_bytes + min(inside, self.current_size)
