import datetime as dt
import os

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from playwright.sync_api import Page

from tests.browser.test_desk_keyboard import log_in
from tests.factories import ArticleFactory, CandidateEventFactory, UserFactory
from tests.timelines.timeline_builders import dated_event, timeline_of
from timelines.services.publishing import publish_timeline

# Playwright's sync API runs an event loop in this thread; Django's ORM calls here are still synchronous.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LONG_WORD = "x" * 300
LONG_ADDRESS = "https://example.org/" + "very-long-path-segment/" * 15
LONG_NAME = "y" * 200  # outlets, places and actors hold at most 200 characters

# The page must not scroll sideways, nor any box in it that scrolls on its own (the candidate list, the text).
SIDEWAYS_SCROLLERS = """() => {
  const scrollers = [...document.querySelectorAll('*')].filter((box) =>
    ['auto', 'scroll'].includes(getComputedStyle(box).overflowX) && box.scrollWidth > box.clientWidth);
  if (document.documentElement.scrollWidth > window.innerWidth) scrollers.unshift(document.documentElement);
  return scrollers.map((box) => box.tagName.toLowerCase() + (box.className ? '.' + box.className : ''));
}"""


@pytest.fixture
def long_words(role_groups):
    UserFactory(username="keyboard-editor").groups.add(Group.objects.get(name="Editors"))
    text = f"{LONG_WORD} met {LONG_ADDRESS} in New York on Wednesday."
    article = ArticleFactory(title=LONG_WORD, outlet=LONG_NAME, original_content=text)
    CandidateEventFactory(article=article, summary=LONG_ADDRESS, date_text=LONG_NAME)
    event = dated_event(
        dt.date(2025, 9, 24), title=LONG_WORD, summary=LONG_ADDRESS, location=LONG_NAME, actors=[LONG_NAME],
        quote=f"{LONG_WORD} met {LONG_ADDRESS}.", article={"title": LONG_ADDRESS, "outlet": LONG_NAME},
    )  # fmt: skip
    timeline = timeline_of(event, notes={event.pk: LONG_ADDRESS}, title=LONG_WORD, slug="long-words")
    publish_timeline(timeline=timeline, published_by=UserFactory(username="publisher"))
    return {"article": article, "event": event, "timeline": timeline}


def pages_scrolling_sideways(page: Page, live_server, paths: list[str]) -> dict[str, list[str]]:
    scrolling = {}
    for path in paths:
        page.goto(f"{live_server.url}{path}")
        if scrollers := page.evaluate(SIDEWAYS_SCROLLERS):
            scrolling[path] = scrollers
    return scrolling


def test_long_unspaced_words_wrap_on_the_desk(page: Page, live_server, long_words):
    log_in(page, live_server)
    pages = [
        reverse("desk:inbox"),
        reverse("desk:article", args=[long_words["article"].pk]),
        reverse("desk:event", args=[long_words["event"].pk]),
        reverse("desk:events"),
        reverse("desk:timelines"),
        reverse("desk:timeline-edit", args=[long_words["timeline"].pk]),
    ]
    assert pages_scrolling_sideways(page, live_server, pages) == {}


def test_long_unspaced_words_wrap_on_the_public_pages(page: Page, live_server, long_words):
    pages = [
        reverse("public:index"),
        reverse("public:timeline", args=["long-words"]),
        reverse("public:event", args=["long-words", long_words["event"].pk]),
        reverse("public:embed", args=["long-words"]),
    ]
    assert pages_scrolling_sideways(page, live_server, pages) == {}
