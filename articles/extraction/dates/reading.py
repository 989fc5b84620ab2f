"""What every rule shares: the context a match is read in, and what reading it gives."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from articles.extraction.types import DateValue

from .arithmetic import Tense
from .context import tense_around


@dataclass(frozen=True)
class Anchor:
    """The day relative expressions count from, and how to name it in an explanation."""

    date: dt.date
    description: str


@dataclass
class Context:
    text: str
    anchor: Anchor | None
    # Where the match stands in the text, for its tense.
    span: tuple[int, int]
    # The latest day-precision date before the match, for "the same day".
    previous_day: dt.date | None = None
    # The first day of the latest month named before the match, for "the 15th".
    previous_month: dt.date | None = None
    # The latest date named before the match, for "the following year".
    previous_value: DateValue | None = None

    @cached_property
    def tense(self) -> Tense:
        """The tense of the match's sentence: costly, and read only by the rules for year-less dates."""
        return tense_around(self.text, *self.span)


class Reading(NamedTuple):
    value: DateValue | None
    explanation: str
    # Whether the value depends on the anchor, so a quote's speech date may change it.
    relative: bool


Handler = Callable[[re.Match[str], Context], Reading | None]


@dataclass(frozen=True)
class Rule:
    name: str
    # The kind of word every match of the rule contains (see scanning.py).
    cue: str
    pattern: re.Pattern[str]
    read: Handler


def quoted(match: re.Match[str]) -> str:
    return f'"{match.group(0)}"'


def describe(value: DateValue) -> str:
    shown = value.as_json()
    if isinstance(shown, dict):
        return f"{shown['start']} to {shown['end']}"
    return shown


def resolved(match: re.Match[str], value: DateValue | None, how: str, relative: bool = False) -> Reading | None:
    """A reading explained as '"<text>" <how> gives <value>', or None when the date is impossible."""
    if value is None:
        return None
    return Reading(value, f"{quoted(match)} {how} gives {describe(value)}", relative)


def unanchored(match: re.Match[str], why: str) -> Reading:
    return Reading(None, f"{quoted(match)} is {why} and no publication date is known", relative=True)
