"""Request types for view annotations: what the middleware and the auth decorators guarantee, told to mypy."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails


class HtmxHttpRequest(HttpRequest):
    """A request through django-htmx's middleware, as its docs recommend typing it."""

    htmx: HtmxDetails


class AuthenticatedHttpRequest(HtmxHttpRequest):
    """A request to a view behind login_required or permission_required: anonymous users never get in."""

    user: User
