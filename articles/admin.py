from __future__ import annotations

from pathlib import PurePath

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import URLPattern, path

from articles import ingest, services
from articles.models import Article
from timelines.models import CandidateEvent


class CandidateInline(admin.TabularInline[CandidateEvent, Article]):
    model = CandidateEvent
    fields = ("status", "date_start", "date_end", "date_precision", "event_type", "summary", "confidence")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin[Article]):
    list_display = ["title", "outlet", "published_on", "status", "attempts", "uploaded_by", "created_at"]
    list_filter = ["status", "content_type", "language", ("published_on", admin.EmptyFieldListFilter), "outlet"]
    search_fields = ["title", "url", "outlet", "external_id", "content_hash"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "content_hash",
        "status",
        "status_changed_at",
        "attempts",
        "last_error",
        "created_at",
        "updated_at",
    ]
    raw_id_fields = ["uploaded_by"]
    inlines = [CandidateInline]
    change_list_template = "admin/articles/article/change_list.html"

    def get_urls(self) -> list[URLPattern]:
        import_view = self.admin_site.admin_view(self.import_view)
        return [path("import/", import_view, name="articles_article_import"), *super().get_urls()]

    def import_view(self, request: HttpRequest) -> HttpResponse:
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = ArticleImportForm(request.POST or None, request.FILES or None)
        report = None
        if request.method == "POST" and form.is_valid():
            upload: UploadedFile[bytes] = form.cleaned_data["file"]
            source = ingest.ImportSource(name=upload.name or "upload", open=lambda: upload, size=upload.size)
            user = request.user if request.user.is_authenticated else None
            report = services.import_articles(sources=[source], uploaded_by=user)
            announce_import(request, report)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Import articles",
            "form": form,
            "report": report,
            "shown_errors": report.errors[:MAX_ERRORS_SHOWN] if report else [],
            "hidden_error_count": max(0, len(report.errors) - MAX_ERRORS_SHOWN) if report else 0,
        }
        return TemplateResponse(request, "admin/articles/article/import_articles.html", context)


MAX_ERRORS_SHOWN = 500


class ArticleImportForm(forms.Form):
    file = forms.FileField(
        help_text="A .jsonl or .csv file of articles (id, url, source, published, title, text or html), "
        "a .zip of such files and single articles, or one .txt, .md or .html article."
    )

    def clean_file(self) -> UploadedFile[bytes]:
        upload: UploadedFile[bytes] = self.cleaned_data["file"]
        limit = settings.IMPORT_MAX_BYTES
        if upload.size and upload.size > limit:
            raise forms.ValidationError(
                f"The file is {ingest.describe_size(upload.size)}; imports are limited to "
                f"{ingest.describe_size(limit)} (IMPORT_MAX_BYTES). Split it, or use manage.py import_articles."
            )
        suffix = PurePath(upload.name or "").suffix.lower()
        if suffix not in ingest.IMPORT_SUFFIXES:
            raise forms.ValidationError(
                f"Unsupported file type {suffix or '(none)'}; use {', '.join(ingest.IMPORT_SUFFIXES)}."
            )
        return upload


def announce_import(request: HttpRequest, report: services.ImportReport) -> None:
    summary = f"Created {report.created}, already present {report.already_present}, skipped {len(report.errors)}."
    if report.errors:
        messages.warning(request, f"{summary} The skipped rows are listed below with their line or file.")
    else:
        messages.success(request, summary)
