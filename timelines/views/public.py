"""Public, anonymous, read-only pages: rendered only from published versions, once per version and query."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date, quote_etag
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from timelines import exports, feeds
from timelines.immutable_cache import ImmutableLRU
from timelines.models import Timeline, TimelineVersion
from timelines.services.publishing import published_pointer
from timelines.snapshots import EventFilters, diff_snapshots, find_event, read_events, timeline_page

PublishedView = Callable[..., HttpResponse]
# Versions never change, so a rendered page stays right for as long as its version is the published one.
PAGE_CACHE_SECONDS = 24 * 60 * 60
# Fetching a multi-megabyte page from Redis costs more than serving it; each worker keeps the hot ones.
_local_pages: ImmutableLRU[tuple[bytes, dict[str, str]]] = ImmutableLRU(max_bytes=64 * 1024 * 1024)
# Headers a fresh response gets from the decorator itself, not from the cache.
CONDITIONAL_HEADERS = ("ETag", "Last-Modified", "Cache-Control", "Vary")


def published_page(*, params: tuple[str, ...] = ()) -> Callable[[PublishedView], PublishedView]:
    """Serve a view of the published version with ETag/Last-Modified, 304s and a shared cache.

    The ETag and cache key cover the version id and the listed query parameters only, so
    arbitrary parameters can neither bust the cache nor grow it.
    """

    def decorator(view: PublishedView) -> PublishedView:
        @wraps(view)
        @require_safe
        def wrapper(request: HttpRequest, slug: str, **kwargs: Any) -> HttpResponse:
            pointer = published_pointer(slug=slug)
            if pointer is None:
                raise Http404("No published timeline here.")
            version_id, published_at = pointer
            last_modified = int(published_at.timestamp())
            digest = _variant_digest(request, (view.__name__, published_at.isoformat()), params, kwargs)
            etag = quote_etag(f"v{version_id}-{digest[:20]}")
            response = get_conditional_response(request, etag=etag, last_modified=last_modified)
            if response is None:
                response = _cached_render(f"public:{version_id}:{digest}", lambda: view(request, version_id, **kwargs))
            if response.status_code in (200, 304):
                response["ETag"], response["Last-Modified"] = etag, http_date(last_modified)
                # Browsers revalidate every time (a cheap 304), so an unpublish is seen at once.
                patch_cache_control(response, public=True, no_cache=True)
                patch_vary_headers(response, ("HX-Request",))
            return response

        return wrapper

    return decorator


def _variant_digest(
    request: HttpRequest, view: tuple[str, str], params: tuple[str, ...], kwargs: dict[str, Any]
) -> str:
    """Which rendering of which version: the publication time guards against a reused id (a restored database)."""
    query = sorted((name, value) for name in params for value in request.GET.getlist(name) if value)
    variant = (view, request.scheme, request.get_host(), bool(request.htmx), sorted(kwargs.items()), query)  # type: ignore[attr-defined]
    return hashlib.sha256(repr(variant).encode()).hexdigest()


def _cached_render(key: str, render_page: Callable[[], HttpResponse]) -> HttpResponse:
    cached = _local_pages.get(key) or cache.get(key)
    if cached is not None:
        _local_pages.set(key, cached, size=len(cached[0]))
        content, headers = cached
        return HttpResponse(content, headers=headers)
    response = render_page()
    if response.status_code == 200:
        headers = {name: value for name, value in response.items() if name not in CONDITIONAL_HEADERS}
        cache.set(key, (response.content, headers), PAGE_CACHE_SECONDS)
        _local_pages.set(key, (response.content, headers), size=len(response.content))
    return response


def _version(version_id: int) -> TimelineVersion:
    return TimelineVersion.objects.get(pk=version_id)


def _event_url(request: HttpRequest, slug: str) -> Callable[[int], str]:
    return lambda event_id: request.build_absolute_uri(reverse("public:event", args=[slug, event_id]))


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    timelines = Timeline.objects.published().select_related("published_version").defer("published_version__snapshot")
    return render(request, "timelines/public/index.html", {"timelines": timelines})


@published_page(params=EventFilters.PARAMS)
def timeline_detail(request: HttpRequest, version_id: int) -> HttpResponse:
    version = _version(version_id)
    page = timeline_page(version.snapshot, EventFilters.from_query(request.GET))
    context = {"page": page, "version": version, "page_url": reverse("public:timeline", args=[page.slug])}
    template = "timelines/public/timeline_detail.html"
    return render(request, f"{template}#timeline-events" if request.htmx else template, context)  # type: ignore[attr-defined]


@published_page()
def event_detail(request: HttpRequest, version_id: int, event_id: int) -> HttpResponse:
    version = _version(version_id)
    event = find_event(read_events(version.snapshot), event_id)
    if event is None:
        raise Http404("This event is not in the published timeline.")
    context = {"timeline": version.snapshot["timeline"], "event": event, "version": version}
    return render(request, "timelines/public/event_detail.html", context)


@published_page()
def timeline_changes(request: HttpRequest, version_id: int) -> HttpResponse:
    version = _version(version_id)
    previous = version.previous()
    diff = diff_snapshots(previous.snapshot, version.snapshot) if previous else None
    context = {"timeline": version.snapshot["timeline"], "version": version, "previous": previous, "diff": diff}
    return render(request, "timelines/public/timeline_changes.html", context)


@xframe_options_exempt
@published_page()
def timeline_embed(request: HttpRequest, version_id: int) -> HttpResponse:
    version = _version(version_id)
    page = timeline_page(version.snapshot, EventFilters())
    response = render(request, "timelines/public/timeline_embed.html", {"page": page, "version": version})
    # Framing is the point of this page; everywhere else X-Frame-Options: DENY stands.
    response["Content-Security-Policy"] = "frame-ancestors *"
    return response


@published_page()
def timeline_json(request: HttpRequest, version_id: int) -> HttpResponse:
    snapshot = _version(version_id).snapshot
    slug = snapshot["timeline"]["slug"]
    document = exports.timelinejs_document(
        snapshot["timeline"], read_events(snapshot), event_url=_event_url(request, slug)
    )
    return JsonResponse(document, json_dumps_params={"ensure_ascii": False})


@published_page()
def events_csv(request: HttpRequest, version_id: int) -> HttpResponse:
    snapshot = _version(version_id).snapshot
    slug = snapshot["timeline"]["slug"]
    body = exports.events_csv(read_events(snapshot), event_url=_event_url(request, slug))
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{slug}.csv"'
    return response


@published_page()
def events_ics(request: HttpRequest, version_id: int) -> HttpResponse:
    version = _version(version_id)
    snapshot = version.snapshot
    body = exports.events_ics(
        snapshot["timeline"],
        read_events(snapshot),
        event_url=_event_url(request, snapshot["timeline"]["slug"]),
        stamp=version.published_at,
        host=request.get_host(),
    )
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")


@published_page()
def feed_atom(request: HttpRequest, version_id: int) -> HttpResponse:
    version = _version(version_id)
    snapshot = version.snapshot
    slug = snapshot["timeline"]["slug"]
    body = feeds.timeline_atom(
        snapshot["timeline"],
        read_events(snapshot),
        page_url=request.build_absolute_uri(reverse("public:timeline", args=[slug])),
        feed_url=request.build_absolute_uri(request.path),
        event_url=_event_url(request, slug),
        updated=version.published_at,
    )
    return HttpResponse(body, content_type="application/atom+xml; charset=utf-8")
