import os

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from playwright.sync_api import Page, expect

from tests.factories import ActorFactory, ArticleFactory, CandidateEventFactory, EventFactory, UserFactory
from timelines.models import CandidateEvent, EventSource

# Playwright's sync API runs an event loop in this thread; Django's ORM calls here are still synchronous.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TEXT = (
    "Lavrov met Blinken in New York on Wednesday. "
    "Russia's foreign ministry said the talks were useful. "
    "Ukraine rejected the proposal on Thursday."
)


@pytest.fixture
def review_setup(role_groups):
    UserFactory(username="keyboard-editor").groups.add(Group.objects.get(name="Editors"))
    lavrov = ActorFactory(canonical_name="Sergei Lavrov")
    existing = EventFactory(title="Lavrov statement on the talks", summary="", event_type="STATEMENT")
    existing.actors.add(lavrov)
    article = ArticleFactory(original_content=TEXT, title="Talks in New York")
    bounds = [(0, 44), (45, 98), (99, len(TEXT))]
    candidates = [
        CandidateEventFactory(article=article, evidence_start=start, evidence_end=end, summary=f"Sentence {i}")
        for i, (start, end) in enumerate(bounds)
    ]
    candidates[1].actors.add(lavrov)
    return {"article": article, "candidates": candidates, "existing": existing}


def log_in(page: Page, live_server) -> None:
    page.goto(f"{live_server.url}{reverse('login')}")
    page.fill("input[name=username]", "keyboard-editor")
    page.fill("input[name=password]", "correct horse battery staple")
    page.click("button[type=submit]")
    expect(page.locator("h1")).to_have_text("Inbox")


def card(page: Page, candidate: CandidateEvent):
    return page.locator(f"#candidate-{candidate.pk}")


def test_an_editor_reviews_every_candidate_with_the_keyboard_merges_one_and_undoes_a_rejection(
    page: Page, live_server, review_setup
):
    first, second, third = review_setup["candidates"]
    log_in(page, live_server)
    page.goto(f"{live_server.url}{reverse('desk:article', args=[review_setup['article'].pk])}")
    expect(card(page, first)).to_be_focused()

    page.keyboard.press("a")
    expect(card(page, first)).to_have_attribute("data-status", "accepted")
    expect(card(page, second)).to_be_focused()

    expect(card(page, second)).to_contain_text("Looks like: Lavrov statement on the talks")
    page.keyboard.press("m")
    expect(card(page, second)).to_have_attribute("data-status", "merged")
    expect(card(page, third)).to_be_focused()

    page.keyboard.press("x")
    expect(card(page, third)).to_have_attribute("data-status", "rejected")

    page.keyboard.press("u")
    expect(card(page, third)).to_have_attribute("data-status", "new")
    expect(page.locator("#notices")).to_contain_text("is waiting again")

    statuses = dict(CandidateEvent.objects.values_list("pk", "status"))
    assert [statuses[c.pk] for c in (first, second, third)] == ["accepted", "merged", "new"]
    assert EventSource.objects.get(candidate=second).event == review_setup["existing"]


def test_keys_move_between_candidates_open_the_editor_and_show_help(page: Page, live_server, review_setup):
    _, second, third = review_setup["candidates"]
    log_in(page, live_server)
    page.goto(f"{live_server.url}{reverse('desk:article', args=[review_setup['article'].pk])}")

    page.keyboard.press("j")
    page.keyboard.press("j")
    expect(card(page, third)).to_be_focused()
    expect(page.locator(f'mark[data-candidates="{third.pk}"]')).to_have_class("is-current")
    page.keyboard.press("k")
    expect(card(page, second)).to_be_focused()

    page.keyboard.press("e")
    expect(card(page, second).locator("input[name=date_start]")).to_be_focused()
    card(page, second).locator("textarea[name=summary]").fill("Not saved: Escape cancels")
    page.keyboard.press("Escape")
    expect(card(page, second).locator("form textarea")).to_have_count(0)
    expect(card(page, second)).to_be_focused()
    expect(card(page, second)).to_contain_text("Sentence 1")

    page.keyboard.press("?")
    expect(page.locator("#desk-keys")).to_be_visible()
