"""Writes that simple_history attributes to an editor, also outside a request (services, commands, tests)."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Model


def _attribute(instance: Model, user: AbstractBaseUser | None, reason: str) -> None:
    instance._history_user = user  # type: ignore[attr-defined]
    instance._change_reason = reason or None  # type: ignore[attr-defined]


def save_with_history(instance: Model, *, user: AbstractBaseUser | None, reason: str = "") -> None:
    """Save, recording who did it and why."""
    _attribute(instance, user, reason)
    instance.save()


def delete_with_history(instance: Model, *, user: AbstractBaseUser | None, reason: str = "") -> None:
    """Delete, recording who did it and why."""
    _attribute(instance, user, reason)
    instance.delete()
