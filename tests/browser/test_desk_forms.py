import os

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from playwright.sync_api import Page, expect

from tests.browser.test_desk_keyboard import log_in
from tests.factories import UserFactory

# Playwright's sync API runs an event loop in this thread; Django's ORM calls here are still synchronous.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# As in the event editor: each label above its control, every control as wide as the form.
MISLAID_CONTROLS = """(form) => [...form.querySelectorAll('input:not([type=hidden]), select, textarea')]
  .filter((control) => {
    const label = control.closest('label');
    const [box, labelBox, formBox] = [control, label, form].map((e) => e?.getBoundingClientRect());
    return !label || box.width !== formBox.width || box.top < labelBox.top + 10;
  })
  .map((control) => control.name)"""


@pytest.fixture
def logged_in_editor(page: Page, live_server, role_groups):
    UserFactory(username="keyboard-editor").groups.add(Group.objects.get(name="Editors"))
    log_in(page, live_server)


@pytest.mark.parametrize("url_name", ["articles:upload", "desk:timeline-create"])
def test_the_upload_and_new_timeline_forms_lay_out_their_fields_like_the_event_editor(
    page: Page, live_server, logged_in_editor, url_name
):
    page.goto(f"{live_server.url}{reverse(url_name)}")

    assert page.locator("main form").evaluate(MISLAID_CONTROLS) == []


def test_help_texts_describe_their_fields(page: Page, live_server, logged_in_editor):
    page.goto(f"{live_server.url}{reverse('articles:upload')}")
    expect(page.get_by_label("Title")).to_have_accessible_description("Taken from the first sentence when empty.")
    page.goto(f"{live_server.url}{reverse('desk:timeline-create')}")
    expect(page.get_by_label("Slug")).to_have_accessible_description(
        "The public address: /t/<slug>/. Lowercase letters, digits and hyphens."
    )
