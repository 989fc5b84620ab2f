"""Curating what the desk produced: events (history, edits, merge, split) and the actor table. Editors only."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from config.http import AuthenticatedHttpRequest
from timelines import forms
from timelines.models import Actor, ActorAlias, Event, EventSource
from timelines.services import actors as actor_services
from timelines.services import history, merging, review
from timelines.views.desk import REVIEW, chosen_actors, dated_initial, with_notice

LIST_PAGE_SIZE = 50


# Events


@require_GET
@permission_required(REVIEW)
def events(request: AuthenticatedHttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()
    found = Event.objects.order_by("-date_start", "-id")
    if query:
        found = found.filter(Q(title__icontains=query) | Q(summary__icontains=query))
    return _search_page(request, found, query=query, template="timelines/desk/event_list.html", region="event-results")


@require_GET
@permission_required(REVIEW)
def event(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(Event.objects.prefetch_related("actors").select_related("created_by"), pk=pk)
    sources = list(event.sources.select_related("article", "added_by", "candidate"))
    context = {
        "event": event,
        "sources": sources,
        "history": history.event_history(event=event),
        "seen_updated_at": event.updated_at.isoformat(),
        "merge_form": forms.EventMergeForm(initial={"seen_updated_at": event.updated_at.isoformat()}),
        "duplicates": merging.suggest_duplicates(event=event),
    }
    return render(request, "timelines/desk/event_detail.html", context)


@require_http_methods(["GET", "POST"])
@permission_required(REVIEW)
def edit_event(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(Event.objects.prefetch_related("actors"), pk=pk)
    initial = dated_initial(event) | {"title": event.title, "seen_updated_at": event.updated_at.isoformat()}
    form = forms.EventForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            review.edit_event(
                event_id=pk,
                seen_updated_at=form.cleaned_data["seen_updated_at"],
                changes=form.changes(),
                user=request.user,
            )
        except review.DeskConflict as conflict:
            return _event_summary(request, pk, notice=str(conflict))
        return _event_summary(request, pk)
    context = {"event": event, "form": form, "chosen_actors": chosen_actors(form, event)}
    return render(request, "timelines/desk/event_detail.html#event-form", context)


def _event_summary(request: AuthenticatedHttpRequest, pk: int, *, notice: str = "") -> HttpResponse:
    if not request.htmx:
        if notice:
            messages.error(request, notice)
        return redirect("desk:event", pk)
    event = get_object_or_404(Event.objects.prefetch_related("actors"), pk=pk)
    context = {"event": event, "seen_updated_at": event.updated_at.isoformat()}
    response = render(request, "timelines/desk/event_detail.html#event-summary", context)
    return with_notice(response, notice) if notice else response


@require_POST
@permission_required(REVIEW)
def merge_events(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    form = forms.EventMergeForm(request.POST)
    if form.is_valid():
        try:
            merging.merge_events(
                event_id=pk,
                seen_updated_at=form.cleaned_data["seen_updated_at"],
                other_id=form.cleaned_data["other"],
                user=request.user,
            )
        except review.DeskConflict as conflict:
            messages.error(request, str(conflict))
        else:
            messages.success(request, f"Event {form.cleaned_data['other']} was merged into this one.")
    else:
        messages.error(request, "Give the number of the event to merge.")
    return redirect("desk:event", pk)


@require_POST
@permission_required(REVIEW)
def split_event(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    source_ids = list(EventSource.objects.filter(event_id=pk).values_list("pk", flat=True))
    form = forms.EventSplitForm(request.POST, source_ids=source_ids)
    if not form.is_valid():
        messages.error(request, "Choose the sources to split off.")
        return redirect("desk:event", pk)
    try:
        new_event = merging.split_event(
            event_id=pk,
            seen_updated_at=form.cleaned_data["seen_updated_at"],
            source_ids=form.cleaned_data["sources"],
            user=request.user,
        )
    except review.DeskConflict as conflict:
        messages.error(request, str(conflict))
        return redirect("desk:event", pk)
    messages.success(request, "The chosen sources now make a separate event; give it its own title.")
    return redirect(new_event)


# Actors


@require_GET
@permission_required(REVIEW)
def actors(request: AuthenticatedHttpRequest) -> HttpResponse:
    query = request.GET.get("q", "")
    found = (
        Actor.objects.matching(query)
        .annotate(event_count=Count("events", distinct=True))
        .prefetch_related(Prefetch("aliases", queryset=ActorAlias.objects.order_by("name")))
        .order_by("canonical_name")
    )
    return _search_page(request, found, query=query, template="timelines/desk/actor_list.html", region="actor-results")


def _search_page(
    request: AuthenticatedHttpRequest, found: QuerySet[Any], *, query: str, template: str, region: str
) -> HttpResponse:
    """One page of search results: the whole page, or only its results region when htmx asks for it."""
    page = Paginator(found, LIST_PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"page": page, "query": query}
    if request.htmx.target == region:
        return render(request, f"{template}#{region}", context)
    return render(request, template, context)


@require_GET
@permission_required(REVIEW)
def actor_search(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Autocomplete: actors matching by name or alias, as choices named like the form field asking."""
    query = request.GET.get("q", "")
    field = request.GET.get("field", "actors")
    found = Actor.objects.matching(query).prefetch_related("aliases")[:12] if query.strip() else []
    context = {"found": found, "field": field if field in {"actors", "keep", "alias_for"} else "actors"}
    return render(request, "timelines/desk/actor_list.html#actor-options", context)


@require_POST
@permission_required(REVIEW)
def add_alias(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    actor = get_object_or_404(Actor, pk=pk)
    form = forms.AliasForm(request.POST)
    if form.is_valid():
        try:
            actor_services.add_alias(actor_id=pk, name=form.cleaned_data["name"], user=request.user)
        except actor_services.ActorConflict as conflict:
            messages.error(request, str(conflict))
    return _actors_matching(actor.canonical_name)


@require_POST
@permission_required(REVIEW)
def merge_actor(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    form = forms.ActorMergeForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose the actor to merge into.")
        return redirect("desk:actors")
    try:
        keep = actor_services.merge_actors(keep_id=form.cleaned_data["keep"].pk, duplicate_id=pk, user=request.user)
    except actor_services.ActorConflict as conflict:
        messages.error(request, str(conflict))
        return redirect("desk:actors")
    messages.success(request, f"Merged into {keep}; the old name is now one of its aliases.")
    return _actors_matching(keep.canonical_name)


def _actors_matching(name: str) -> HttpResponse:
    return redirect(f"{reverse('desk:actors')}?{urlencode({'q': name})}")
