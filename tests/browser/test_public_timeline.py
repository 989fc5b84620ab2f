import datetime as dt
import os
import re

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.factories import UserFactory
from tests.timelines.timeline_builders import dated_event, timeline_of
from timelines.services.publishing import publish_timeline

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def timeline_url(live_server):
    timeline = timeline_of(
        dated_event(dt.date(2022, 2, 24), title="Invasion begins", actors=["Vladimir Putin"], event_type="ASSAULT"),
        dated_event(dt.date(2023, 4, 1), "month", dt.date(2023, 4, 30), title="April talks", actors=["Sergei Lavrov"]),
        dated_event(
            dt.date(2023, 4, 24), "range", dt.date(2023, 4, 25), title="New York meeting", actors=["Sergei Lavrov"]
        ),
        title="Russia and the UN",
        slug="russia-un",
    )
    publish_timeline(timeline=timeline, published_by=UserFactory(username="publisher"))
    return f"{live_server.url}/t/russia-un/"


def test_the_public_page_shows_grouped_sourced_events(page: Page, timeline_url):
    page.goto(timeline_url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Russia and the UN")
    expect(page.get_by_role("heading", name="April 2023", level=4)).to_be_visible()
    expect(page.locator("#timeline-events time").nth(2)).to_have_text("24\N{EN DASH}25 April 2023")
    expect(page.get_by_role("img", name="Events over time")).to_be_visible()
    expect(page.get_by_role("link", name="Example Wire").first).to_have_attribute("href", "https://example.org/news/1")


def test_choosing_an_actor_swaps_the_events_and_updates_the_address(page: Page, timeline_url):
    page.goto(timeline_url)
    page.get_by_label("Actor").select_option("Vladimir Putin")
    expect(page.locator("#timeline-events .event")).to_have_count(1)
    expect(page.locator("#timeline-events")).to_contain_text("Invasion begins")
    expect(page).to_have_url(re.compile(r"actor=Vladimir(\+|%20)Putin"))
    page.get_by_label("Year").select_option("2023")
    expect(page.locator("#timeline-events")).to_contain_text("No events match these filters")


def test_filters_work_without_javascript(browser: Browser, timeline_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(timeline_url)
    page.get_by_label("Year").select_option("2022")
    page.get_by_role("button", name="Filter").click()
    expect(page).to_have_url(re.compile(r"year=2022"))
    expect(page.locator("#timeline-events .event")).to_have_count(1)
    context.close()


def test_the_page_works_from_the_keyboard_on_a_phone_sized_screen(page: Page, timeline_url):
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(timeline_url)
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to content")).to_be_focused()
    page.keyboard.press("Enter")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    page.get_by_label("Type").focus()
    page.keyboard.press("ArrowDown")
    expect(page.locator("#timeline-events .event")).not_to_have_count(3)
