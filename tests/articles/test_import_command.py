"""`manage.py import_articles`: files in; articles stored through the ingest service; a summary and exit code out."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError

from articles import services
from articles.models import Article
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

DEV_ARTICLES = Path(settings.BASE_DIR).parent / "shared" / "eval" / "dev_articles.jsonl"
SEEDS = Path(settings.BASE_DIR) / "seeds"
LAVROV_RUBIO = {
    "id": "a1",
    "url": "https://example.org/lavrov-rubio",
    "source": "Example Wire",
    "published": "2025-09-24",
    "title": "Lavrov and Rubio meet in New York",
    "text": "Russian Foreign Minister Sergei Lavrov met US Secretary of State Marco Rubio in New York on Wednesday.",
}
GUTERRES = {
    "id": "a2",
    "source": "Example Wire",
    "published": "2023-03-29",
    "title": "Guterres ready to meet Lavrov",
    "text": "UN Secretary-General António Guterres said on Tuesday he was ready to meet Sergei Lavrov.",
}


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def write_jsonl(path: Path, *rows: object) -> Path:
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    return path


def run(*paths: Path, **options: Any) -> str:
    stdout = io.StringIO()
    call_command("import_articles", *map(str, paths), stdout=stdout, stderr=io.StringIO(), **options)
    return stdout.getvalue()


def run_failing(*paths: Path) -> tuple[int, str]:
    stdout = io.StringIO()
    with pytest.raises(CommandError) as raised:
        call_command("import_articles", *map(str, paths), stdout=stdout, stderr=io.StringIO())
    return raised.value.returncode, stdout.getvalue()


def test_jsonl_file_is_imported_with_every_field(tmp_path: Path) -> None:
    output = run(write_jsonl(tmp_path / "feed.jsonl", LAVROV_RUBIO, GUTERRES))

    assert output == "Created 2 articles, 0 already present, 0 skipped.\n"
    article = Article.objects.get(external_id="a1")
    assert (article.title, article.url, article.outlet) == (LAVROV_RUBIO["title"], LAVROV_RUBIO["url"], "Example Wire")
    assert (article.published_on, article.language, article.content_type) == (dt.date(2025, 9, 24), "en", "text/plain")
    assert article.original_content == LAVROV_RUBIO["text"]
    assert article.status == Article.Status.QUEUED


def test_csv_file_is_imported(tmp_path: Path) -> None:
    path = tmp_path / "feed.csv"
    path.write_text(
        'id,source,published,title,text\na1,Wire,2025-09-24,"Lavrov, Rubio meet","Lavrov met Rubio.\n\nThey talked."\n',
        encoding="utf-8",
    )

    run(path)

    article = Article.objects.get()
    assert (article.title, article.published_on) == ("Lavrov, Rubio meet", dt.date(2025, 9, 24))
    assert article.cleaned_text == "Lavrov met Rubio.\nThey talked."


def test_zip_archive_is_imported_with_file_names_as_titles_for_single_articles(tmp_path: Path) -> None:
    path = tmp_path / "bundle.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("feed.jsonl", json.dumps(LAVROV_RUBIO))
        archive.writestr("notes/guterres-offer.txt", GUTERRES["text"])
        archive.writestr("pages/briefing.html", "<html><body><p>The spokesperson briefed reporters.</p></body></html>")

    run(path)

    assert sorted(Article.objects.values_list("title", "content_type")) == [
        (LAVROV_RUBIO["title"], "text/plain"),
        ("briefing", "text/html"),
        ("guterres-offer", "text/plain"),
    ]


def test_importing_the_same_file_twice_creates_nothing_new_and_queues_nothing(
    tmp_path: Path, django_capture_on_commit_callbacks: Any
) -> None:
    path = write_jsonl(tmp_path / "feed.jsonl", LAVROV_RUBIO, GUTERRES)
    with django_capture_on_commit_callbacks() as first_queued:
        run(path)

    with django_capture_on_commit_callbacks() as second_queued:
        output = run(path)

    assert output == "Created 0 articles, 2 already present, 0 skipped.\n"
    assert Article.objects.count() == 2
    assert (len(first_queued), len(second_queued)) == (2, 0)


def test_the_same_text_with_other_spacing_or_case_is_already_present(tmp_path: Path) -> None:
    run(write_jsonl(tmp_path / "a.jsonl", LAVROV_RUBIO))

    output = run(write_jsonl(tmp_path / "b.jsonl", {**LAVROV_RUBIO, "text": "  " + LAVROV_RUBIO["text"].upper()}))

    assert output.startswith("Created 0 articles, 1 already present")


def test_bad_rows_are_reported_with_their_line_numbers_and_the_good_ones_stored(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_bytes(
        (json.dumps(LAVROV_RUBIO) + "\n").encode()
        + b'{"text": "Broken\n'
        + (json.dumps({**GUTERRES, "published": "2023-13-45"}) + "\n").encode()
        + (json.dumps({"title": "No text"}) + "\n").encode()
        + '{"text": "Le ministre a déclaré"}\n'.encode("cp1252")
        + (json.dumps(GUTERRES) + "\n").encode()
    )

    returncode, output = run_failing(path)

    assert returncode == 1
    assert output.splitlines() == [
        "Created 2 articles, 0 already present, 4 skipped:",
        f"  {path}, line 2: invalid JSON at column 17: Invalid control character",
        f'  {path}, line 3: unparseable date "2023-13-45" in `published` (use YYYY-MM-DD)',
        f"  {path}, line 4: missing text: give the article in a `text` or `html` field",
        f"  {path}, line 5: not UTF-8 text (byte 25 of the line); save the file as UTF-8",
    ]
    assert sorted(Article.objects.values_list("external_id", flat=True)) == ["a1", "a2"]


def test_article_the_service_rejects_is_reported_at_its_line(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "feed.jsonl", {"html": "<script>track()</script>"}, LAVROV_RUBIO)

    returncode, output = run_failing(path)

    assert returncode == 1
    assert f"{path}, line 1: the article has no text" in output
    assert Article.objects.count() == 1


def test_exit_code_is_2_when_no_input_is_readable(tmp_path: Path) -> None:
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.7")
    (tmp_path / "empty").mkdir()

    missing = run_failing(tmp_path / "missing.jsonl")
    unsupported = run_failing(tmp_path / "report.pdf")
    empty_directory = run_failing(tmp_path / "empty")

    assert [returncode for returncode, _ in [missing, unsupported, empty_directory]] == [2, 2, 2]
    assert f"{tmp_path / 'missing.jsonl'}: cannot be read: No such file or directory" in missing[1]
    assert f"{tmp_path / 'report.pdf'}: unsupported file type .pdf" in unsupported[1]


def test_directories_are_walked_and_every_file_imported(tmp_path: Path) -> None:
    (tmp_path / "2025").mkdir()
    write_jsonl(tmp_path / "2025" / "feed.jsonl", LAVROV_RUBIO)
    (tmp_path / "guterres.txt").write_text(GUTERRES["text"], encoding="utf-8")

    output = run(tmp_path)

    assert output.startswith("Created 2 articles")


def test_user_option_records_who_uploaded_and_an_unknown_user_is_refused(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "feed.jsonl", LAVROV_RUBIO)
    editor = UserFactory(username="maria")

    with pytest.raises(CommandError, match='no user named "nobody"'):
        run(path, user="nobody")
    run(path, user="maria")

    assert Article.objects.get().uploaded_by == editor


def test_progress_bar_is_drawn_on_stderr_of_a_terminal(tmp_path: Path) -> None:
    stderr = Terminal()

    call_command(
        "import_articles", str(write_jsonl(tmp_path / "feed.jsonl", LAVROV_RUBIO)), stdout=io.StringIO(), stderr=stderr
    )

    assert "Importing: 100%" in stderr.getvalue()


def test_a_crash_midway_keeps_the_articles_stored_before_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    queue_extraction = services.queue_extraction
    calls = []

    def fail_on_the_second(*, article: Article) -> None:
        calls.append(article)
        if len(calls) == 2:
            raise DatabaseError("connection lost")
        queue_extraction(article=article)

    monkeypatch.setattr(services, "queue_extraction", fail_on_the_second)

    with pytest.raises(DatabaseError):
        run(write_jsonl(tmp_path / "feed.jsonl", LAVROV_RUBIO, GUTERRES))

    assert list(Article.objects.values_list("external_id", flat=True)) == ["a1"]


@pytest.mark.skipif(not DEV_ARTICLES.exists(), reason="shared/eval is not beside this checkout")
def test_the_four_dev_articles_import_with_their_publication_dates() -> None:
    output = run(DEV_ARTICLES)

    assert output == "Created 4 articles, 0 already present, 0 skipped.\n"
    assert dict(Article.objects.values_list("external_id", "published_on")) == {
        "s000": dt.date(2023, 3, 29),
        "s001": dt.date(2023, 4, 19),
        "s002": dt.date(2022, 3, 15),
        "s003": dt.date(2025, 9, 24),
    }


def test_demo_seed_file_loads_the_four_seed_texts_with_their_publication_dates() -> None:
    run(SEEDS / "articles.jsonl")

    stored = {article.outlet.removeprefix("seed "): article for article in Article.objects.all()}
    assert sorted(stored) == sorted(path.name for path in SEEDS.glob("*.txt"))
    for name, article in stored.items():
        assert article.original_content == (SEEDS / name).read_text(encoding="utf-8")
        assert article.published_on is not None


def test_seed_text_files_are_already_present_after_the_seed_file() -> None:
    run(SEEDS / "articles.jsonl")

    output = run(*sorted(SEEDS.glob("*.txt")))

    assert output.startswith("Created 0 articles, 4 already present")
