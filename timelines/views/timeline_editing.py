"""The timeline editor on the desk: assemble a draft, preview it as the public will see it, publish it."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from config.http import AuthenticatedHttpRequest
from timelines.models import Timeline
from timelines.services import publishing, timeline_editing
from timelines.snapshots import EventFilters, timeline_page
from timelines.timeline_forms import AddEventsForm, EntryNoteForm, EventSearchForm, TimelineForm

EDIT = "timelines.change_timeline"
PUBLISH = "timelines.publish_timeline"
SEARCH_LIMIT = 50
SEARCH_FIELDS = tuple(EventSearchForm.base_fields)


@require_GET
@permission_required("timelines.view_timeline")
def timeline_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    timelines = (
        Timeline.objects.select_related("published_version").annotate(entry_count=Count("entries")).order_by("title")
    )
    return render(
        request, "timelines/desk/timeline_list.html", {"timelines": timelines.defer("published_version__snapshot")}
    )


@require_http_methods(["GET", "POST"])
@permission_required("timelines.add_timeline")
def timeline_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = TimelineForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        timeline = timeline_editing.create_timeline(**form.cleaned_data, created_by=request.user)
        return redirect("desk:timeline-edit", pk=timeline.pk)
    return render(request, "timelines/desk/timeline_create.html", {"form": form})


@require_GET
@permission_required(EDIT)
def timeline_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    timeline = get_object_or_404(Timeline.objects.select_related("published_version"), pk=pk)
    search_form = EventSearchForm(request.GET)
    found = timeline_editing.search_events(search=search_form.search(), excluding=timeline)
    context = {
        "timeline": timeline,
        "search_form": search_form,
        "results": found[:SEARCH_LIMIT],
        "result_count": found.count(),
        "search_query": request.GET.urlencode(),
    }
    if request.htmx:
        return render(request, "timelines/desk/timeline_edit.html#event-search", context)
    context["entries"] = timeline.entries.chronological().select_related("event")
    context["versions"] = timeline.versions.select_related("published_by").defer("snapshot")
    return render(request, "timelines/desk/timeline_edit.html", context)


def _back_to_editor(timeline: Timeline, form: EventSearchForm) -> HttpResponse:
    query = urlencode({name: form.data[name] for name in SEARCH_FIELDS if form.data.get(name)})
    return redirect(f"{reverse('desk:timeline-edit', args=[timeline.pk])}?{query}#event-search")


@require_POST
@permission_required(EDIT)
def timeline_add_events(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    timeline = get_object_or_404(Timeline, pk=pk)
    form = AddEventsForm(request.POST)
    events = form.cleaned_data["event"] if form.is_valid() else []
    added = timeline_editing.add_events(timeline=timeline, events=events, added_by=request.user)
    messages.success(request, f"Added {added} event{'s' if added != 1 else ''}.")
    return _back_to_editor(timeline, form)


@require_POST
@permission_required(EDIT)
def timeline_add_matching(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    timeline = get_object_or_404(Timeline, pk=pk)
    form = EventSearchForm(request.POST)
    if not form.is_valid():
        # Adding what the other filters match would add more than the editor asked for.
        problems = "; ".join(
            f"{form.fields[name].label or name}: {' '.join(map(str, errors))}" for name, errors in form.errors.items()
        )
        messages.error(request, f"Nothing was added: {problems}")
        return _back_to_editor(timeline, form)
    added = timeline_editing.add_matching_events(timeline=timeline, search=form.search(), added_by=request.user)
    messages.success(request, f"Added {added} matching event{'s' if added != 1 else ''}.")
    return _back_to_editor(timeline, form)


@require_POST
@permission_required(EDIT)
def timeline_remove_entry(request: AuthenticatedHttpRequest, pk: int, entry_pk: int) -> HttpResponse:
    timeline = get_object_or_404(Timeline, pk=pk)
    if timeline_editing.remove_entry(timeline=timeline, entry_id=entry_pk, removed_by=request.user):
        messages.success(request, "Removed the event from the draft.")
    return redirect(f"{reverse('desk:timeline-edit', args=[pk])}#timeline-entries")


@require_POST
@permission_required(EDIT)
def timeline_entry_note(request: AuthenticatedHttpRequest, pk: int, entry_pk: int) -> HttpResponse:
    timeline = get_object_or_404(Timeline, pk=pk)
    form = EntryNoteForm(request.POST)
    if form.is_valid():
        timeline_editing.set_entry_note(
            timeline=timeline, entry_id=entry_pk, note=form.cleaned_data["note"], noted_by=request.user
        )
        messages.success(request, "Saved the note.")
    return redirect(f"{reverse('desk:timeline-edit', args=[pk])}#entry-{entry_pk}")


@require_GET
@permission_required(EDIT)
def timeline_preview(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    timeline = get_object_or_404(Timeline.objects.select_related("published_version"), pk=pk)
    page = timeline_page(publishing.build_snapshot(timeline=timeline), EventFilters.from_query(request.GET))
    context = {
        "page": page,
        "preview": True,
        "published_version": timeline.published_version,
        "page_url": reverse("desk:timeline-preview", args=[pk]),
    }
    template = "timelines/public/timeline_detail.html"
    return render(request, f"{template}#timeline-events" if request.htmx else template, context)


@require_POST
@login_required
@permission_required(PUBLISH, raise_exception=True)
def timeline_publish(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    timeline = get_object_or_404(Timeline, pk=pk)
    try:
        version = publishing.publish_timeline_if_changed(timeline=timeline, published_by=request.user)
    except publishing.NothingToPublish as refusal:
        messages.error(request, str(refusal))
    else:
        if version is None:
            current = Timeline.objects.values_list("published_version__number", flat=True).get(pk=pk)
            messages.info(request, f"Already published: the draft has no changes since version {current}.")
        else:
            messages.success(request, f"Published version {version.number}.")
    return redirect("desk:timeline-edit", pk=pk)


@require_POST
@login_required
@permission_required(PUBLISH, raise_exception=True)
def timeline_unpublish(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    timeline = get_object_or_404(Timeline, pk=pk)
    publishing.unpublish_timeline(timeline=timeline, unpublished_by=request.user)
    messages.success(request, "Unpublished: the public no longer sees this timeline.")
    return redirect("desk:timeline-edit", pk=pk)
