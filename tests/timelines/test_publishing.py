import datetime as dt

import pytest
from django.db import transaction
from django.urls import reverse

from tests.timelines.timeline_builders import dated_event, timeline_of
from timelines.models import TimelineVersion, VersionIsImmutable
from timelines.services.publishing import NothingToPublish, publish_timeline, unpublish_timeline
from timelines.services.review import DatedChanges, edit_event
from timelines.snapshots import diff_snapshots

pytestmark = pytest.mark.django_db

PUBLIC_URLS = ("timeline", "changes", "embed", "timeline-json", "events-csv", "events-ics", "feed-atom")


def test_a_publisher_publishes_and_the_version_records_who_and_when(publisher, publisher_client):
    timeline = timeline_of(dated_event(dt.date(2023, 4, 5)))
    response = publisher_client.post(reverse("desk:timeline-publish", args=[timeline.pk]))
    timeline.refresh_from_db()
    version = timeline.published_version
    assert response.status_code == 302
    assert (version.number, version.published_by) == (1, publisher)
    assert version.published_at is not None


def test_publishing_an_empty_draft_from_the_desk_is_refused_with_a_message(publisher_client):
    timeline = timeline_of()
    response = publisher_client.post(reverse("desk:timeline-publish", args=[timeline.pk]), follow=True)
    assert "Nothing to publish: add events to the timeline first." in response.content.decode()
    assert not timeline.versions.exists()
    timeline.refresh_from_db()
    assert timeline.published_version is None


def test_every_caller_of_the_publishing_service_is_refused_an_empty_draft(publisher):
    timeline = timeline_of()
    with pytest.raises(NothingToPublish):
        publish_timeline(timeline=timeline, published_by=publisher)
    assert not timeline.versions.exists()


def test_taking_every_event_off_a_published_timeline_leaves_the_public_the_last_version(publisher, publisher_client):
    timeline = timeline_of(dated_event(dt.date(2023, 4, 5)))
    first = publish_timeline(timeline=timeline, published_by=publisher)
    timeline.entries.all().delete()
    response = publisher_client.post(reverse("desk:timeline-publish", args=[timeline.pk]), follow=True)
    assert "Nothing to publish" in response.content.decode()
    timeline.refresh_from_db()
    assert timeline.published_version == first


def test_publishing_an_unchanged_draft_from_the_desk_makes_no_new_version_and_says_so(publisher, publisher_client):
    timeline = timeline_of(dated_event(dt.date(2023, 4, 5)))
    publish_timeline(timeline=timeline, published_by=publisher)
    response = publisher_client.post(reverse("desk:timeline-publish", args=[timeline.pk]), follow=True)
    assert "Already published: the draft has no changes since version 1." in response.content.decode()
    assert list(timeline.versions.values_list("number", flat=True)) == [1]


def test_publishing_a_changed_draft_from_the_desk_makes_the_next_version(publisher, publisher_client):
    timeline = timeline_of(dated_event(dt.date(2023, 4, 5)))
    publish_timeline(timeline=timeline, published_by=publisher)
    timeline.entries.create(event=dated_event(dt.date(2023, 4, 6)))
    response = publisher_client.post(reverse("desk:timeline-publish", args=[timeline.pk]), follow=True)
    assert "Published version 2." in response.content.decode()
    timeline.refresh_from_db()
    assert timeline.published_version.number == 2


def test_an_editor_without_the_publish_permission_cannot_publish_or_unpublish(editor_client, publisher):
    timeline = timeline_of(dated_event(dt.date(2023, 4, 5)))
    assert editor_client.post(reverse("desk:timeline-publish", args=[timeline.pk])).status_code == 403
    publish_timeline(timeline=timeline, published_by=publisher)
    assert editor_client.post(reverse("desk:timeline-unpublish", args=[timeline.pk])).status_code == 403
    timeline.refresh_from_db()
    assert timeline.published_version.number == 1


def test_the_snapshot_holds_everything_the_public_pages_need(publisher):
    event = dated_event(
        dt.date(2023, 4, 24),
        "range",
        dt.date(2023, 4, 25),
        title="Talks",
        summary="They talked.",
        location="Geneva",
        actors=["Sergei Lavrov", "Antony Blinken"],
        quote="The two met in Geneva.",
        article={"outlet": "Wire", "title": "Ministers meet"},
    )
    timeline = timeline_of(event, notes={event.pk: "First meeting in a year."}, title="Talks", slug="talks")
    snapshot = publish_timeline(timeline=timeline, published_by=publisher).snapshot
    assert snapshot["timeline"] == {"title": "Talks", "slug": "talks", "description": ""}
    assert snapshot["events"] == [{
        "id": event.pk, "date_start": "2023-04-24", "date_end": "2023-04-25", "precision": "range",
        "title": "Talks", "summary": "They talked.", "actors": ["Antony Blinken", "Sergei Lavrov"],
        "place": "Geneva", "type": "CONSULT", "type_label": "Consult", "note": "First meeting in a year.",
        "sources": [{"outlet": "Wire", "url": "https://example.org/news/1", "article_title": "Ministers meet",
                     "quote": "The two met in Geneva.", "published_on": "2025-09-24"}],
    }]  # fmt: skip


def test_publishing_again_makes_the_next_version_and_leaves_the_first_as_it_was(publisher):
    event = dated_event(dt.date(2023, 4, 5), title="Before")
    timeline = timeline_of(event)
    first = publish_timeline(timeline=timeline, published_by=publisher)
    event.title = "After"
    event.save()
    second = publish_timeline(timeline=timeline, published_by=publisher)
    first.refresh_from_db()
    assert (first.number, second.number) == (1, 2)
    assert first.snapshot["events"][0]["title"] == "Before"
    assert timeline.published_version == second


def test_a_version_cannot_be_saved_again(publisher):
    version = publish_timeline(timeline=timeline_of(dated_event(dt.date(2023, 4, 5))), published_by=publisher)
    version.snapshot = {"events": []}
    with pytest.raises(VersionIsImmutable), transaction.atomic():
        version.save()


def test_versions_cannot_be_updated_in_bulk(publisher):
    publish_timeline(timeline=timeline_of(dated_event(dt.date(2023, 4, 5))), published_by=publisher)
    with pytest.raises(VersionIsImmutable):
        TimelineVersion.objects.update(snapshot={"events": []})
    with pytest.raises(VersionIsImmutable):
        TimelineVersion.objects.bulk_update(list(TimelineVersion.objects.all()), ["number"])


def test_unpublishing_hides_the_timeline_and_keeps_its_versions(publisher, client):
    timeline = timeline_of(dated_event(dt.date(2023, 4, 5)), slug="hidden")
    publish_timeline(timeline=timeline, published_by=publisher)
    unpublish_timeline(timeline=timeline, unpublished_by=publisher)
    assert timeline.published_version is None
    assert timeline.versions.count() == 1
    assert client.get(reverse("public:timeline", args=["hidden"])).status_code == 404


@pytest.mark.parametrize("name", PUBLIC_URLS)
def test_a_draft_is_invisible_to_anonymous_visitors_in_every_format(client, name):
    timeline_of(dated_event(dt.date(2023, 4, 5), title="Secret draft"), slug="draft")
    response = client.get(reverse(f"public:{name}", args=["draft"]))
    assert response.status_code == 404
    assert b"Secret draft" not in response.content


@pytest.mark.parametrize("name", PUBLIC_URLS)
def test_the_public_sees_the_published_version_never_the_later_draft(publisher, client, name):
    published, drafted = dated_event(dt.date(2023, 4, 5), title="Published one"), dated_event(dt.date(2023, 4, 6))
    drafted.title = "Draft only"
    drafted.save()
    timeline = timeline_of(published, slug="mixed")
    publish_timeline(timeline=timeline, published_by=publisher)
    timeline.entries.create(event=drafted)
    body = client.get(reverse(f"public:{name}", args=["mixed"])).content.decode()
    assert "Draft only" not in body
    if name != "changes":
        assert "Published one" in body


def test_a_draft_event_permalink_is_not_found(publisher, client):
    timeline = timeline_of(dated_event(dt.date(2023, 4, 5)), slug="perma")
    publish_timeline(timeline=timeline, published_by=publisher)
    later = dated_event(dt.date(2023, 4, 6))
    timeline.entries.create(event=later)
    assert client.get(reverse("public:event", args=["perma", later.pk])).status_code == 404


def test_the_preview_requires_login(client):
    timeline = timeline_of(dated_event(dt.date(2023, 4, 5)))
    response = client.get(reverse("desk:timeline-preview", args=[timeline.pk]))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_the_preview_renders_the_public_template_from_the_draft(editor_client):
    timeline = timeline_of(dated_event(dt.date(2023, 4, 1), "month", title="Unpublished talks"))
    response = editor_client.get(reverse("desk:timeline-preview", args=[timeline.pk]))
    assert "timelines/public/timeline_detail.html" in [t.name for t in response.templates]
    assert b"Unpublished talks" in response.content and b"Preview of the draft" in response.content


def test_the_diff_lists_added_removed_and_corrected_events(publisher, editor):
    kept, removed, corrected = (dated_event(dt.date(2023, 4, d)) for d in (1, 2, 3))
    timeline = timeline_of(kept, removed, corrected)
    first = publish_timeline(timeline=timeline, published_by=publisher)
    timeline.entries.filter(event=removed).delete()
    added = dated_event(dt.date(2023, 4, 4))
    timeline.entries.create(event=added)
    corrected.refresh_from_db()
    edit_event(
        event_id=corrected.pk, seen_updated_at=corrected.updated_at, user=editor,
        changes=DatedChanges(date_start=dt.date(2023, 4, 9), date_end=dt.date(2023, 4, 9), date_precision="day",
                             event_type="CONSULT", actors=[], location="Minsk", summary="", title=corrected.title),
    )  # fmt: skip
    second = publish_timeline(timeline=timeline, published_by=publisher)
    diff = diff_snapshots(first.snapshot, second.snapshot)
    assert [e.id for e in diff.added] == [added.pk]
    assert [e.id for e in diff.removed] == [removed.pk]
    assert [(c.event.id, c.fields) for c in diff.corrected] == [
        (corrected.pk, ["date_start", "date_end", "summary", "actors", "place"])
    ]


def test_the_changes_page_shows_what_changed_since_the_previous_version(publisher, client):
    timeline = timeline_of(dated_event(dt.date(2023, 4, 1), title="Old news"), slug="diffed")
    publish_timeline(timeline=timeline, published_by=publisher)
    timeline.entries.create(event=dated_event(dt.date(2023, 4, 2), title="Fresh news"))
    publish_timeline(timeline=timeline, published_by=publisher)
    body = client.get(reverse("public:changes", args=["diffed"])).content.decode()
    assert "What changed in version 2" in body and "Added (1)" in body and "Fresh news" in body
    assert "Old news" not in body
