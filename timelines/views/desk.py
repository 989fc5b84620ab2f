"""The editors' desk: the inbox and judging candidates. Editors only; every region is an HTMX partial."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.paginator import Paginator
from django.db.models import Count, F, Func, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import (
    HttpResponseClientRedirect,
    HttpResponseClientRefresh,
    reswap,
    retarget,
    trigger_client_event,
)

from articles.models import Article
from config.http import AuthenticatedHttpRequest
from timelines import forms
from timelines.highlighting import highlight_segments
from timelines.models import Actor, CandidateEvent, Event
from timelines.services import merging, review

REVIEW = "timelines.review_candidateevent"
NEW = CandidateEvent.Status.NEW
INBOX_PAGE_SIZE = 50


def with_notice(response: HttpResponse, message: str, *, level: str = "error") -> HttpResponse:
    trigger_client_event(response, "notice", {"value": message, "level": level})
    return response


# Inbox


@require_GET
@permission_required(REVIEW)
def inbox(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = forms.InboxFilterForm(request.GET)
    articles = form.filter(_inbox_articles())
    page = Paginator(articles, INBOX_PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"form": form, "page": page, "polling": any(a.is_pending for a in page)}
    if request.htmx.target == "inbox-results":
        return render(request, "timelines/desk/inbox.html#inbox-results", context)
    return render(request, "timelines/desk/inbox.html", context)


def _inbox_articles() -> QuerySet[Article]:
    """Newest first, with candidate counts computed for the page's rows only (a GROUP BY would count them all)."""
    candidates = CandidateEvent.objects.filter(article=OuterRef("pk")).order_by().values("article")
    counted = candidates.annotate(count=Func(F("pk"), function="COUNT")).values("count")
    return (
        Article.objects.defer("original_content", "cleaned_text")
        .annotate(
            candidate_count=Coalesce(Subquery(counted), 0),
            unreviewed_count=Coalesce(Subquery(counted.filter(status=NEW)), 0),
        )
        .order_by("-created_at", "-id")
    )


# Article review and candidate decisions


def _with_suggestions(candidates: list[CandidateEvent]) -> list[CandidateEvent]:
    suggestions = merging.suggest_events(candidates=candidates)
    for candidate in candidates:
        candidate.suggestions = suggestions.get(candidate.pk, [])  # type: ignore[attr-defined]
    return candidates


@require_GET
@permission_required(REVIEW)
def article(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article, pk=pk)
    if request.htmx.target == "article-pending":
        if article.is_pending:
            return render(request, "timelines/desk/article_review.html#article-pending", {"article": article})
        return HttpResponseClientRefresh()
    candidates = _with_suggestions(list(CandidateEvent.objects.for_review().filter(article=article)))
    spans = [(c.evidence_start, c.evidence_end, c.pk) for c in candidates]
    context = {
        "article": article,
        "candidates": candidates,
        "segments": highlight_segments(article.cleaned_text, spans),
        "progress": {"waiting": sum(c.status == NEW for c in candidates), "total": len(candidates)},
    }
    return render(request, "timelines/desk/article_review.html", context)


def _candidate_card(
    request: AuthenticatedHttpRequest, candidate_id: int, *, notice: str = "", level: str = "error"
) -> HttpResponse:
    """The fresh card of one candidate; without htmx, the review page scrolled to it."""
    candidate = get_object_or_404(CandidateEvent.objects.for_review(), pk=candidate_id)
    if not request.htmx:
        if notice:
            messages.add_message(request, messages.ERROR if level == "error" else messages.INFO, notice)
        return redirect(f"{reverse('desk:article', args=[candidate.article_id])}#candidate-{candidate.pk}")
    context = {"candidate": _with_suggestions([candidate])[0], "progress": _progress(candidate.article_id)}
    response = render(request, "timelines/desk/article_review.html#candidate-update", context)
    return with_notice(response, notice, level=level) if notice else response


def _progress(article_id: int) -> dict[str, int]:
    return CandidateEvent.objects.filter(article_id=article_id).aggregate(
        waiting=Count("pk", filter=Q(status=NEW)), total=Count("pk")
    )


@require_GET
@permission_required(REVIEW)
def candidate(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _candidate_card(request, pk)


@require_POST
@permission_required(REVIEW)
def accept(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _decide(request, pk, review.accept_candidate)


@require_POST
@permission_required(REVIEW)
def reject(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _decide(request, pk, review.reject_candidate)


def _decide(request: AuthenticatedHttpRequest, pk: int, decision: Callable[..., object]) -> HttpResponse:
    try:
        decision(candidate_id=pk, user=request.user)
    except review.DeskConflict as conflict:
        return _candidate_card(request, pk, notice=str(conflict))
    return _candidate_card(request, pk)


@require_POST
@permission_required(REVIEW)
def merge_candidate(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    form = forms.CandidateMergeForm(request.POST)
    if not form.is_valid():
        return _candidate_card(request, pk, notice="Choose the event to merge into.")
    try:
        merging.merge_candidate_into_event(candidate_id=pk, event_id=form.cleaned_data["event"], user=request.user)
    except review.DeskConflict as conflict:
        return _candidate_card(request, pk, notice=str(conflict))
    return _candidate_card(request, pk)


@require_http_methods(["GET", "POST"])
@permission_required(REVIEW)
def edit_candidate(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    candidate = get_object_or_404(CandidateEvent.objects.for_review(), pk=pk)
    if candidate.status != NEW:
        return _candidate_card(request, pk, notice=review.describe_decision(candidate))
    form = forms.CandidateForm(request.POST or None, initial=dated_initial(candidate) | {"version": candidate.version})
    if request.method == "POST" and form.is_valid():
        try:
            review.edit_candidate(
                candidate_id=pk, version=form.cleaned_data["version"], changes=form.changes(), user=request.user
            )
        except review.DeskConflict as conflict:
            return _candidate_card(request, pk, notice=str(conflict))
        return _candidate_card(request, pk)
    context = {"candidate": candidate, "form": form, "chosen_actors": chosen_actors(form, candidate)}
    return render(request, "timelines/desk/article_review.html#candidate-form", context)


def dated_initial(item: CandidateEvent | Event) -> dict[str, Any]:
    fields = ("date_start", "date_end", "date_precision", "event_type", "location", "summary")
    return {field: getattr(item, field) for field in fields} | {"actors": list(item.actors.all())}


def chosen_actors(form: forms.DatedForm, item: CandidateEvent | Event) -> list[Actor]:
    """The actors the form shows ticked: what was posted, else what the item has."""
    if form.is_bound:
        posted = [pk for pk in form["actors"].value() or [] if str(pk).isdigit()]
        return list(Actor.objects.filter(pk__in=posted[:100]))
    return list(item.actors.all())


@require_POST
@permission_required(REVIEW)
def undo(request: AuthenticatedHttpRequest) -> HttpResponse:
    try:
        undone = review.undo_last_decision(user=request.user)
    except review.DeskConflict as conflict:
        if not request.htmx:
            messages.error(request, str(conflict))
            return redirect("desk:inbox")
        return with_notice(HttpResponse(status=204), str(conflict))
    if undone is None:
        if not request.htmx:
            messages.info(request, "Nothing left to undo.")
            return redirect("desk:inbox")
        return with_notice(HttpResponse(status=204), "Nothing left to undo.", level="info")
    notice = f"Undone: “{undone}” is waiting again."
    on_page = request.POST.get("article") == str(undone.article_id)
    if request.htmx and not on_page:
        messages.info(request, notice)
        return HttpResponseClientRedirect(f"{reverse('desk:article', args=[undone.article_id])}#candidate-{undone.pk}")
    response = _candidate_card(request, undone.pk, notice=notice, level="info")
    return reswap(retarget(response, f"#candidate-{undone.pk}"), "outerHTML") if request.htmx else response
