"""Building dated, sourced events and timelines for the timeline and publishing tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

from tests.factories import (
    ActorFactory,
    ArticleFactory,
    EventFactory,
    EventSourceFactory,
    TimelineEntryFactory,
    TimelineFactory,
)
from timelines.models import Event, Timeline


def dated_event(start: dt.date, precision: str = "day", end: dt.date | None = None, **fields: Any) -> Event:
    actors = fields.pop("actors", ["Sergei Lavrov"])
    quote = fields.pop("quote", "Lavrov met Blinken in New York.")
    article_fields = fields.pop("article", {})
    event = EventFactory.build(**fields)
    event.set_date(start, end, precision)
    event.save()
    event.actors.set([ActorFactory(canonical_name=name) for name in actors])
    article = ArticleFactory(**{"url": "https://example.org/news/1", **article_fields})
    EventSourceFactory(event=event, article=article, quote=quote)
    return event


def timeline_of(*events: Event, notes: dict[int, str] | None = None, **fields: Any) -> Timeline:
    timeline = TimelineFactory(**fields)
    for event in events:
        TimelineEntryFactory(timeline=timeline, event=event, note=(notes or {}).get(event.pk, ""))
    return timeline


def many_events(count: int, *, first: dt.date = dt.date(2022, 1, 1)) -> list[Event]:
    return [dated_event(first + dt.timedelta(days=3 * n), title=f"Event number {n}") for n in range(count)]
