from django.contrib import admin

from articles.models import Article
from timelines.models import CandidateEvent


class CandidateInline(admin.TabularInline):
    model = CandidateEvent
    fields = ["status", "date_start", "date_end", "date_precision", "event_type", "summary", "confidence"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "outlet", "published_on", "status", "attempts", "uploaded_by", "created_at"]
    list_filter = ["status", "content_type", "language", ("published_on", admin.EmptyFieldListFilter), "outlet"]
    search_fields = ["title", "url", "outlet", "external_id", "content_hash"]
    date_hierarchy = "created_at"
    readonly_fields = ["content_hash", "status", "status_changed_at", "attempts", "last_error", "created_at", "updated_at"]
    raw_id_fields = ["uploaded_by"]
    inlines = [CandidateInline]
