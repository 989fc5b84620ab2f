import datetime as dt
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tests.factories import ArticleFactory, CandidateEventFactory
from timelines.models import CandidateEvent, Timeline

pytestmark = pytest.mark.django_db


def test_the_demo_command_accepts_candidates_and_publishes_them_once(publisher):
    article = ArticleFactory(published_on=dt.date(2023, 4, 10))
    CandidateEventFactory(article=article, date_start=dt.date(2023, 4, 5), date_end=dt.date(2023, 4, 5))
    CandidateEventFactory(article=article, date_start=dt.date(2023, 4, 1), date_end=dt.date(2023, 4, 30),
                          date_precision="month", evidence_start=1)  # fmt: skip
    CandidateEventFactory(article=article, date_start=None, date_end=None, date_precision="", evidence_start=2)
    newest = CandidateEventFactory(article=ArticleFactory(published_on=dt.date(2025, 1, 1))).article
    call_command("publish_demo_timeline", user="publisher")
    call_command("publish_demo_timeline", user="publisher")
    timeline = Timeline.objects.get(slug="russia-un-ukraine")
    assert timeline.versions.count() == 1
    assert [e["precision"] for e in timeline.published_version.snapshot["events"]] == ["month", "day"]
    assert CandidateEvent.objects.unreviewed().count() == 2
    assert newest.candidates.unreviewed().count() == 1
    assert timeline.published_version.published_by == publisher


def test_the_demo_command_publishes_a_new_version_when_new_candidates_arrived(publisher):
    CandidateEventFactory(article=ArticleFactory(published_on=dt.date(2023, 4, 10)))
    CandidateEventFactory()
    call_command("publish_demo_timeline", user="publisher")
    CandidateEventFactory(date_start=dt.date(2024, 1, 1), date_end=dt.date(2024, 12, 31), date_precision="year")
    call_command("publish_demo_timeline", user="publisher")
    assert Timeline.objects.get(slug="russia-un-ukraine").published_version.number == 2


def test_the_demo_command_without_candidates_leaves_the_timeline_a_draft(publisher):
    out = StringIO()
    call_command("publish_demo_timeline", user="publisher", stdout=out)
    assert "stays a draft. Nothing to publish" in out.getvalue()
    assert Timeline.objects.get(slug="russia-un-ukraine").published_version is None


def test_the_demo_command_names_a_missing_user(db):
    with pytest.raises(CommandError, match="nobody"):
        call_command("publish_demo_timeline", user="nobody")
