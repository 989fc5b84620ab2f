import datetime as dt
import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.http import http_date

from tests.timelines.timeline_builders import dated_event, many_events, timeline_of
from timelines.density import density_chart
from timelines.immutable_cache import ImmutableLRU
from timelines.models import Timeline
from timelines.services import publishing
from timelines.services.publishing import forget_published_pointers, publish_timeline

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(publisher):
    events = [
        dated_event(dt.date(2022, 2, 24), title="Invasion", actors=["Vladimir Putin"], event_type="ASSAULT"),
        dated_event(dt.date(2023, 1, 1), "year", dt.date(2023, 12, 31), title="A year of talks", actors=["UN"]),
        dated_event(dt.date(2023, 4, 1), "month", dt.date(2023, 4, 30), title="April talks", actors=["Sergei Lavrov"]),
        dated_event(dt.date(2023, 4, 24), "range", dt.date(2023, 4, 25), title="New York meeting",
                    actors=["Sergei Lavrov", "Antony Blinken"]),
    ]  # fmt: skip
    timeline = timeline_of(*events, title="Russia and the UN", slug="russia-un", description="Sourced.")
    publish_timeline(timeline=timeline, published_by=publisher)
    timeline.refresh_from_db()
    return timeline


def titles_in(response):
    return [event.title for event in response.context["page"].shown]


def test_the_index_lists_published_timelines_only(client, published):
    timeline_of(slug="draft", title="Draft timeline")
    body = client.get(reverse("public:index")).content.decode()
    assert "Russia and the UN" in body and "Draft timeline" not in body


def test_the_timeline_page_groups_events_by_year_and_month_in_precision_order(client, published):
    response = client.get(reverse("public:timeline", args=["russia-un"]))
    groups = [
        (y.label, [(m.label, [e.title for e in m.events]) for m in y.months]) for y in response.context["page"].groups
    ]
    assert groups == [
        ("2022", [("February 2022", ["Invasion"])]),
        ("2023", [("During 2023", ["A year of talks"]), ("April 2023", ["April talks", "New York meeting"])]),
    ]
    body = response.content.decode()
    assert "24\N{EN DASH}25 April 2023" in body and ">April 2023</time>" in body
    assert "https://example.org/news/1" in body and "Lavrov met Blinken in New York." in body


def test_filters_by_actor_type_and_year_work_without_javascript(client, published):
    url = reverse("public:timeline", args=["russia-un"])
    assert titles_in(client.get(url, {"actor": "Sergei Lavrov"})) == ["April talks", "New York meeting"]
    assert titles_in(client.get(url, {"type": "ASSAULT"})) == ["Invasion"]
    assert titles_in(client.get(url, {"year": "2022"})) == ["Invasion"]
    assert titles_in(client.get(url, {"year": "not-a-year"})) == [
        "Invasion",
        "A year of talks",
        "April talks",
        "New York meeting",
    ]


def test_htmx_filtering_returns_only_the_events_region(client, published):
    response = client.get(
        reverse("public:timeline", args=["russia-un"]), {"year": "2022"}, headers={"HX-Request": "true"}
    )
    body = response.content.decode()
    assert body.lstrip().startswith('<section id="timeline-events"')
    assert "Invasion" in body and "New York meeting" not in body
    assert "HX-Request" in response["Vary"]


def test_the_page_carries_open_graph_tags_landmarks_and_the_density_overview(client, published):
    body = client.get(reverse("public:timeline", args=["russia-un"])).content.decode()
    assert '<meta property="og:title" content="Russia and the UN">' in body
    assert '<meta property="og:url" content="http://testserver/t/russia-un/">' in body
    assert '<main id="main">' in body and 'role="search"' in body and 'role="contentinfo"' in body
    assert '<svg class="density-chart"' in body and "<title>February 2022: 1 event</title>" in body


def test_an_event_has_a_citable_permalink(client, published):
    event = published.events.get(title="New York meeting")
    response = client.get(reverse("public:event", args=["russia-un", event.pk]))
    body = response.content.decode()
    assert "<h1>New York meeting</h1>" in body and "24\N{EN DASH}25 April 2023" in body
    assert "Russia and the UN, version 1" in body


def test_the_embed_page_may_be_framed_but_other_pages_may_not(client, published):
    rendered, cached = (client.get(reverse("public:embed", args=["russia-un"])) for _ in range(2))
    page = client.get(reverse("public:timeline", args=["russia-un"]))
    for embed in (rendered, cached):
        assert "X-Frame-Options" not in embed and embed["Content-Security-Policy"] == "frame-ancestors *"
    assert page["X-Frame-Options"] == "DENY"


def test_a_matching_etag_gets_304(client, published):
    url = reverse("public:timeline", args=["russia-un"])
    first = client.get(url)
    again = client.get(url, headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == first["ETag"]


def test_the_etag_differs_per_filter_and_per_version(client, published, publisher):
    url = reverse("public:timeline", args=["russia-un"])
    plain, filtered = client.get(url)["ETag"], client.get(url, {"year": "2022"})["ETag"]
    publish_timeline(timeline=published, published_by=publisher)
    assert len({plain, filtered, client.get(url)["ETag"]}) == 3


def test_if_modified_since_gets_304_unless_the_version_was_published_later(client, published):
    url = reverse("public:timeline", args=["russia-un"])
    published_at = published.published_version.published_at.timestamp()
    last_modified = client.get(url)["Last-Modified"]
    assert last_modified == http_date(published_at)
    assert client.get(url, headers={"If-Modified-Since": last_modified}).status_code == 304
    assert client.get(url, headers={"If-Modified-Since": http_date(published_at - 60)}).status_code == 200


def test_a_page_is_rendered_once_per_version_and_query(client, published, django_assert_num_queries):
    url = reverse("public:timeline", args=["russia-un"])
    client.get(url)
    forget_published_pointers()
    with django_assert_num_queries(1):
        response = client.get(url)
    assert response.status_code == 200 and b"New York meeting" in response.content


@pytest.mark.parametrize(
    "name", ["timeline", "changes", "embed", "timeline-json", "events-csv", "events-ics", "feed-atom"]
)
def test_queries_per_page_do_not_grow_with_the_number_of_events(client, publisher, django_assert_max_num_queries, name):
    for slug, count in (("small", 5), ("large", 200)):
        timeline = timeline_of(*many_events(count), slug=slug)
        publish_timeline(timeline=timeline, published_by=publisher)
        with django_assert_max_num_queries(3):
            assert client.get(reverse(f"public:{name}", args=[slug])).status_code == 200


def test_publishing_takes_the_same_number_of_queries_for_5_and_200_events(publisher):
    counts = []
    for count in (5, 200):
        timeline = timeline_of(*many_events(count))
        with CaptureQueriesContext(connection) as queries:
            publish_timeline(timeline=timeline, published_by=publisher)
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_the_event_permalink_takes_constant_queries(client, publisher, django_assert_max_num_queries):
    events = many_events(200)
    publish_timeline(timeline=timeline_of(*events, slug="large"), published_by=publisher)
    with django_assert_max_num_queries(2):
        assert client.get(reverse("public:event", args=["large", events[150].pk])).status_code == 200


def test_hostile_text_is_escaped_on_the_html_pages(client, publisher):
    hostile = '<script>alert("x")</script> "quoted", ]]>'
    event = dated_event(dt.date(2023, 4, 5), title=hostile, summary=hostile, location=hostile, quote=hostile,
                        actors=[hostile], article={"outlet": hostile, "url": "javascript:alert(1)"})  # fmt: skip
    publish_timeline(
        timeline=timeline_of(event, notes={event.pk: hostile}, title=hostile, slug="hostile"), published_by=publisher
    )
    for url in (reverse("public:timeline", args=["hostile"]), reverse("public:event", args=["hostile", event.pk]),
                reverse("public:embed", args=["hostile"])):  # fmt: skip
        body = client.get(url).content.decode()
        assert "<script>alert" not in body and "&lt;script&gt;alert(&quot;x&quot;)" in body
        assert "javascript:alert" not in body


def test_a_change_made_by_another_worker_is_seen_within_the_pointer_lifetime(client, published, monkeypatch):
    url = reverse("public:timeline", args=["russia-un"])
    assert client.get(url).status_code == 200
    Timeline.objects.filter(pk=published.pk).update(published_version=None)
    assert client.get(url).status_code == 200
    later = time.monotonic() + publishing.POINTER_SECONDS
    monkeypatch.setattr(publishing.time, "monotonic", lambda: later)
    assert client.get(url).status_code == 404


def test_the_in_process_page_cache_evicts_the_least_recently_used_page_beyond_its_budget():
    pages = ImmutableLRU[str](max_bytes=10)
    pages.set("a", "A", size=4)
    pages.set("b", "B", size=4)
    pages.get("a")
    pages.set("c", "C", size=4)
    assert (pages.get("a"), pages.get("b"), pages.get("c")) == ("A", None, "C")


def test_the_density_overview_has_a_bar_for_every_month_between_the_first_and_last_event():
    chart = density_chart([dt.date(2023, 11, 5), dt.date(2023, 11, 20), dt.date(2024, 2, 1), None])
    assert [(bar.label, bar.count) for bar in chart.bars] == [
        ("November 2023", 2), ("December 2023", 0), ("January 2024", 0), ("February 2024", 1)
    ]  # fmt: skip
    assert chart.bars[0].height == 2 * chart.bars[3].height
    assert [tick.label for tick in chart.ticks] == ["2023", "2024"]


def test_the_density_overview_counts_by_year_over_long_spans_and_is_absent_without_dates():
    chart = density_chart([dt.date(2001, 1, 1), dt.date(2020, 6, 1)])
    assert len(chart.bars) == 20 and chart.bars[0].label == "2001"
    assert density_chart([None]) is None
