import os

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from playwright.sync_api import Page, expect

from articles.models import Article
from tests.browser.test_desk_keyboard import log_in
from tests.factories import UserFactory

# Playwright's sync API runs an event loop in this thread; Django's ORM calls here are still synchronous.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_paste_larger_than_an_article_may_be_is_refused_in_the_page_and_stays_in_the_form(
    page: Page, live_server, role_groups, settings
):
    settings.ARTICLE_MAX_BYTES = 1024 * 1024
    UserFactory(username="keyboard-editor").groups.add(Group.objects.get(name="Editors"))
    log_in(page, live_server)
    page.goto(f"{live_server.url}{reverse('articles:upload')}")
    # Multi-byte characters: the limit is in bytes, as the server counts it, not in characters.
    page.locator("textarea[name=text]").evaluate(
        "(area) => { area.value = 'Lavrov \u00e0 Gen\u00e8ve. '.repeat(60000); }"
    )

    page.get_by_role("button", name="Upload and extract").click()

    expect(page).to_have_url(f"{live_server.url}{reverse('articles:upload')}")
    message = page.locator("textarea[name=text]").evaluate("(area) => area.validationMessage")
    assert message == "The text is larger than 1 MB; nothing was sent."
    assert page.locator("textarea[name=text]").evaluate("(area) => area.value.length") == 17 * 60000
    assert not Article.objects.exists()
