"""Bulk import from the admin: the same service as the command, behind `articles.add_article`."""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from articles.models import Article
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

IMPORT_URL = reverse("admin:articles_article_import")
CHANGELIST_URL = reverse("admin:articles_article_changelist")
ROWS = [
    {"id": "a1", "published": "2025-09-24", "title": "Lavrov meets Rubio", "text": "Lavrov met Rubio in New York."},
    {"id": "a2", "published": "2023-03-29", "title": "Guterres offer", "text": "Guterres offered to meet Lavrov."},
]


def staff_client(*permissions: str) -> tuple[Client, Any]:
    user = UserFactory(is_staff=True)
    user.user_permissions.add(*Permission.objects.filter(content_type__app_label="articles", codename__in=permissions))
    client = Client()
    client.force_login(user)
    return client, user


@pytest.fixture
def importer() -> tuple[Client, Any]:
    return staff_client("add_article", "view_article")


def upload(name: str, data: bytes) -> dict[str, SimpleUploadedFile]:
    return {"file": SimpleUploadedFile(name, data)}


def jsonl(*rows: object) -> bytes:
    return "".join(json.dumps(row) + "\n" for row in rows).encode()


def test_changelist_offers_an_import_button_to_staff_who_may_add_articles(importer: tuple[Client, Any]) -> None:
    client, _ = importer
    watcher, _ = staff_client("view_article")

    assert f'href="{IMPORT_URL}"' in client.get(CHANGELIST_URL).content.decode()
    assert f'href="{IMPORT_URL}"' not in watcher.get(CHANGELIST_URL).content.decode()


def test_staff_with_permission_imports_a_jsonl_file_and_sees_the_report(importer: tuple[Client, Any]) -> None:
    client, user = importer

    response = client.post(IMPORT_URL, upload("feed.jsonl", jsonl(*ROWS)))

    assert response.status_code == 200
    assert [str(message) for message in response.context["messages"]] == ["Created 2, already present 0, skipped 0."]
    assert sorted(Article.objects.values_list("external_id", "uploaded_by")) == [("a1", user.pk), ("a2", user.pk)]


def test_zip_archive_is_imported_through_the_admin(importer: tuple[Client, Any]) -> None:
    client, _ = importer
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as bundle:
        bundle.writestr("feed.jsonl", jsonl(ROWS[0]))
        bundle.writestr("notes/briefing.txt", "The spokesperson briefed reporters on Tuesday.")

    client.post(IMPORT_URL, upload("bundle.zip", archive.getvalue()))

    assert sorted(Article.objects.values_list("title", flat=True)) == ["Lavrov meets Rubio", "briefing"]


def test_errors_are_shown_with_their_line_and_the_good_rows_are_stored(importer: tuple[Client, Any]) -> None:
    client, _ = importer
    data = jsonl(ROWS[0], {**ROWS[1], "published": "2023-13-45"}) + b"not json\n"

    response = client.post(IMPORT_URL, upload("feed.jsonl", data))

    page = response.content.decode()
    assert "Created 1, already present 0, skipped 2." in page
    assert "<td>feed.jsonl, line 2</td><td>unparseable date &quot;2023-13-45&quot;" in page
    assert "<td>feed.jsonl, line 3</td><td>invalid JSON at column 1: Expecting value</td>" in page
    assert Article.objects.count() == 1


def test_importing_the_same_file_again_reports_the_articles_as_already_present(importer: tuple[Client, Any]) -> None:
    client, _ = importer
    client.post(IMPORT_URL, upload("feed.jsonl", jsonl(*ROWS)))

    response = client.post(IMPORT_URL, upload("feed.jsonl", jsonl(*ROWS)))

    assert response.context["report"].already_present == 2
    assert Article.objects.count() == 2


def test_staff_without_the_add_permission_is_refused() -> None:
    client, _ = staff_client("view_article")

    assert client.get(IMPORT_URL).status_code == 403
    assert client.post(IMPORT_URL, upload("feed.jsonl", jsonl(*ROWS))).status_code == 403
    assert not Article.objects.exists()


def test_users_who_are_not_staff_are_sent_to_the_admin_login(editor_client: Client) -> None:
    response = editor_client.post(IMPORT_URL, upload("feed.jsonl", jsonl(*ROWS)))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
    assert not Article.objects.exists()


def test_file_over_the_import_limit_is_refused_with_a_clear_error(importer: tuple[Client, Any], settings: Any) -> None:
    client, _ = importer
    settings.IMPORT_MAX_BYTES = 1024

    response = client.post(IMPORT_URL, upload("feed.jsonl", jsonl(*ROWS * 20)))

    assert response.context["form"].errors["file"] == [
        "The file is 4.4 KB; imports are limited to 1 KB (IMPORT_MAX_BYTES). "
        "Split it, or use manage.py import_articles."
    ]
    assert not Article.objects.exists()


def test_unsupported_file_type_is_refused_by_the_form(importer: tuple[Client, Any]) -> None:
    client, _ = importer

    response = client.post(IMPORT_URL, upload("articles.pdf", b"%PDF-1.7"))

    assert response.context["form"].errors["file"][0].startswith("Unsupported file type .pdf; use .csv")
