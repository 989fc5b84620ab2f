from __future__ import annotations

import os
import shutil
from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.test import Client

from tests.factories import UserFactory
from timelines.roles import ensure_role_groups
from timelines.services.publishing import forget_published_pointers


def _missing_service(marker: str) -> str | None:
    if marker == "browser" and not shutil.which("chromium"):
        return "Chromium is not installed (apt-get install chromium chromium-driver)"
    if marker == "worker":
        if settings.CELERY_TASK_ALWAYS_EAGER:
            return "no broker: set REDIS_URL to run a real worker"
        if "sqlite" in settings.DATABASES["default"]["ENGINE"]:
            return "a worker process cannot share an in-memory SQLite test database"
    return None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for marker in ("browser", "worker"):
        reason = _missing_service(marker)
        if reason is None:
            continue
        if os.environ.get(f"REQUIRE_{marker.upper()}") == "1":
            raise pytest.UsageError(f"REQUIRE_{marker.upper()}=1 but {reason}")
        for item in items:
            if marker in item.keywords:
                item.add_marker(pytest.mark.skip(reason=reason))


def pytest_report_header(config: pytest.Config) -> list[str]:
    database = settings.DATABASES["default"]
    broker = settings.CELERY_BROKER_URL if not settings.CELERY_TASK_ALWAYS_EAGER else "none (tasks in-process)"
    return [f"database: {database['ENGINE'].rsplit('.', 1)[-1]} {database.get('NAME', '')}", f"broker: {broker}"]


@pytest.fixture(autouse=True)
def _unhashed_static_files(settings: Any) -> None:
    # The hashed-name manifest exists only after collectstatic; tests render pages without running it.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _forget_published_pointers() -> None:
    # Public views remember a slug's published version for a moment; tests reuse slugs in fresh databases.
    forget_published_pointers()


@pytest.fixture(autouse=True)
def fast_password_hashing(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def role_groups(db: None) -> None:
    # A transactional test's flush empties the tables, groups made by migrations included.
    ensure_role_groups(Group, Permission)


@pytest.fixture
def editor(role_groups: None) -> Any:
    user = UserFactory(username="editor")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def publisher(role_groups: None) -> Any:
    user = UserFactory(username="publisher")
    user.groups.add(Group.objects.get(name="Editors"), Group.objects.get(name="Publishers"))
    return user


@pytest.fixture
def editor_client(editor: Any) -> Client:
    client = Client()
    client.force_login(editor)
    return client


@pytest.fixture
def publisher_client(publisher: Any) -> Client:
    client = Client()
    client.force_login(publisher)
    return client


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {
        **browser_type_launch_args,
        "executable_path": shutil.which("chromium"),
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }
