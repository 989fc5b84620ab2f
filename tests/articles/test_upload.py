"""The editor's upload page: paste or choose a file, land on the article page, watch its status until extracted."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from articles.models import Article
from tests.factories import ArticleFactory, UserFactory

pytestmark = pytest.mark.django_db

UPLOAD_URL = reverse("articles:upload")
MEETING = "Russian Foreign Minister Sergei Lavrov met US Secretary of State Marco Rubio in New York on Wednesday."
PAGE = b"""<!doctype html><html><head><title>Lavrov meets Rubio | Example Wire</title>
<script>window.tracker = "analytics";</script><style>p { color: red; }</style></head>
<body><article><h1>Lavrov meets Rubio</h1>
<p>Russian Foreign Minister Sergei Lavrov met US Secretary of State Marco Rubio in New York on Wednesday.</p>
<p>The two ministers discussed the war in Ukraine, the State Department said.</p></article>
<footer>Copyright 2025 Example Wire. All rights reserved.</footer></body></html>"""


def paste(client: Client, text: str, **fields: str) -> Any:
    return client.post(UPLOAD_URL, {"text": text, "language": "en", **fields})


def send_file(client: Client, name: str, data: bytes) -> Any:
    return client.post(UPLOAD_URL, {"file": SimpleUploadedFile(name, data), "language": "en"})


def form_errors(response: Any) -> list[str]:
    return response.context["form"].non_field_errors() + response.context["form"].errors.get("file", [])


def test_pasted_text_is_stored_and_the_editor_lands_on_the_article_page(editor_client: Client, editor: Any) -> None:
    response = paste(editor_client, MEETING, title="Lavrov meets Rubio", published_on="2025-09-24")

    article = Article.objects.get()
    assert response.status_code == 302
    assert response["Location"] == article.get_absolute_url()
    assert (article.title, str(article.published_on), article.uploaded_by) == (
        "Lavrov meets Rubio",
        "2025-09-24",
        editor,
    )
    assert article.status == Article.Status.QUEUED


def test_pasted_text_without_a_title_takes_its_first_line(editor_client: Client) -> None:
    paste(editor_client, f"Lavrov meets Rubio\n\n{MEETING}")

    assert Article.objects.get().title == "Lavrov meets Rubio"


def test_pasted_text_without_a_title_or_headline_takes_its_first_sentence(editor_client: Client) -> None:
    paste(editor_client, f"{MEETING} The two ministers discussed the war in Ukraine, the State Department said.")

    assert Article.objects.get().title == MEETING


def test_uploaded_text_file_is_stored_with_its_text(editor_client: Client) -> None:
    send_file(editor_client, "meeting.txt", MEETING.encode())

    article = Article.objects.get()
    assert (article.content_type, article.cleaned_text) == ("text/plain", MEETING)


def test_uploaded_html_file_is_cleaned_to_its_main_text(editor_client: Client) -> None:
    send_file(editor_client, "meeting.html", PAGE)

    article = Article.objects.get()
    assert article.content_type == "text/html"
    assert article.original_content == PAGE.decode()
    assert MEETING in article.cleaned_text
    assert "The two ministers discussed the war in Ukraine" in article.cleaned_text
    for leftover in ["<p>", "analytics", "color: red", "All rights reserved"]:
        assert leftover not in article.cleaned_text


def test_file_in_another_encoding_is_refused_with_a_message_saying_to_save_it_as_utf8(editor_client: Client) -> None:
    response = send_file(editor_client, "declaration.txt", "Le ministre a déclaré mercredi".encode("cp1252"))

    assert response.status_code == 200
    assert form_errors(response) == ["declaration.txt: not UTF-8 text (byte 15); save it as UTF-8 and try again"]
    assert not Article.objects.exists()


def test_unsupported_file_type_is_refused(editor_client: Client) -> None:
    response = send_file(editor_client, "statement.pdf", b"%PDF-1.7")

    assert form_errors(response)[0].startswith("statement.pdf: unsupported file type .pdf")


def test_missing_text_is_refused(editor_client: Client) -> None:
    empty_form = paste(editor_client, "   ")
    empty_file = send_file(editor_client, "empty.txt", b"\n\n")
    html_without_text = send_file(editor_client, "empty.html", b"<html><script>track()</script></html>")

    assert form_errors(empty_form) == ["Paste the article's text or choose a file with text in it."]
    assert form_errors(empty_file) == ["Paste the article's text or choose a file with text in it."]
    assert form_errors(html_without_text) == ["the article has no text"]
    assert not Article.objects.exists()


def test_file_larger_than_the_article_limit_is_refused(editor_client: Client, settings: Any) -> None:
    too_large = b"Lavrov met Rubio. " * (settings.ARTICLE_MAX_BYTES // 18 + 1)

    response = send_file(editor_client, "huge.txt", too_large)

    assert form_errors(response) == [f"The file is larger than {settings.ARTICLE_MAX_BYTES // (1024 * 1024)} MB."]
    assert not Article.objects.exists()


def test_pasted_text_larger_than_the_article_limit_is_refused_and_kept_in_the_form(
    editor_client: Client, settings: Any
) -> None:
    too_large = "Lavrov met Rubio. " * (settings.ARTICLE_MAX_BYTES // 18 + 1)

    response = paste(editor_client, too_large)

    limit = settings.ARTICLE_MAX_BYTES // (1024 * 1024)
    assert form_errors(response) == [f"the article is larger than {limit} MB"]
    assert response.context["form"]["text"].value() == too_large
    assert f'data-max-bytes="{settings.ARTICLE_MAX_BYTES}"' in response.content.decode()
    assert not Article.objects.exists()


def test_the_same_text_uploaded_twice_returns_the_existing_article(editor_client: Client) -> None:
    first = paste(editor_client, MEETING)

    second = send_file(editor_client, "again.txt", f"  {MEETING.upper()}\n".encode())

    assert second["Location"] == first["Location"]
    assert Article.objects.count() == 1
    page = editor_client.get(second["Location"])
    assert "This article was already here; nothing new was stored." in page.content.decode()


def test_anonymous_users_are_sent_to_log_in_and_cannot_upload(client: Client) -> None:
    page = client.get(UPLOAD_URL)
    post = paste(client, MEETING)

    login = f"{reverse('login')}?next={UPLOAD_URL}"
    assert (page.status_code, page["Location"]) == (302, login)
    assert (post.status_code, post["Location"]) == (302, login)
    assert not Article.objects.exists()


def test_users_without_the_add_permission_cannot_upload(client: Client) -> None:
    client.force_login(UserFactory())

    response = paste(client, MEETING)

    assert response.status_code == 302
    assert not Article.objects.exists()


def test_the_article_page_is_the_desk_review_page_and_old_links_lead_there(editor_client: Client) -> None:
    article = ArticleFactory()

    old_link = editor_client.get(f"/articles/{article.pk}/")

    assert article.get_absolute_url() == reverse("desk:article", args=[article.pk])
    assert (old_link.status_code, old_link["Location"]) == (301, article.get_absolute_url())


def test_a_failed_extraction_shows_its_error_and_can_be_run_again(
    editor_client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    article = ArticleFactory(status=Article.Status.FAILED, last_error="engine crashed: boom")

    page = editor_client.get(article.get_absolute_url()).content.decode()
    with django_capture_on_commit_callbacks(execute=False) as queued:
        response = editor_client.post(reverse("articles:reextract", args=[article.pk]))

    assert "Extraction failed: engine crashed: boom" in page
    assert f'action="{reverse("articles:reextract", args=[article.pk])}"' in page
    assert (response.status_code, response["Location"]) == (302, article.get_absolute_url())
    article.refresh_from_db()
    assert (article.status, len(queued)) == (Article.Status.QUEUED, 1)


def test_extraction_cannot_be_run_again_without_the_change_permission(client: Client) -> None:
    reviewer = UserFactory()
    reviewer.user_permissions.add(Permission.objects.get(codename="review_candidateevent"))
    client.force_login(reviewer)
    article = ArticleFactory(status=Article.Status.EXTRACTED)

    page = client.get(article.get_absolute_url()).content.decode()
    response = client.post(reverse("articles:reextract", args=[article.pk]))

    assert "Extract again" not in page
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    article.refresh_from_db()
    assert article.status == Article.Status.EXTRACTED
