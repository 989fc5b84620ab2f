"""The site's icon: linked from every page, and answered at /favicon.ico for whatever asks there."""

import pytest
from django.contrib.staticfiles import finders
from django.templatetags.static import static
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_favicon_ico_redirects_to_the_icon(client):
    response = client.get("/favicon.ico")

    assert response.status_code == 302
    assert response["Location"] == static("favicon.svg")
    assert finders.find("favicon.svg")


def test_public_and_desk_pages_link_the_icon(client, editor_client):
    icon_link = f'<link rel="icon" href="{static("favicon.svg")}" type="image/svg+xml">'

    assert icon_link in client.get(reverse("public:index")).content.decode()
    assert icon_link in editor_client.get(reverse("desk:inbox")).content.decode()
