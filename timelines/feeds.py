"""A published timeline as an Atom feed: one entry per event, newest event first."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from html import escape

from django.utils.feedgenerator import Atom1Feed

from timelines.exports import EventUrl
from timelines.snapshots import EventView


def timeline_atom(
    timeline: Mapping[str, str],
    events: Sequence[EventView],
    *,
    page_url: str,
    feed_url: str,
    event_url: EventUrl,
    updated: dt.datetime,
) -> str:
    """Atom 1.0; the XML writer escapes every string, so editor text cannot break out of its element."""
    feed = Atom1Feed(
        title=timeline["title"],
        link=page_url,
        description=timeline["description"],
        feed_url=feed_url,
        feed_guid=page_url,
        language="en",
    )
    for event in reversed(events):
        feed.add_item(
            title=f"{event.date_label}: {event.title}",
            link=event_url(event.id),
            unique_id=event_url(event.id),
            description=_entry_html(event),
            updateddate=updated,
            categories=[event.type_label, *event.actors],
        )
    return feed.writeString("utf-8")


def _entry_html(event: EventView) -> str:
    """Atom summaries are HTML to readers: editor text is escaped so it shows as typed."""
    sources = [f"{s.reference}: “{s.quote}”" for s in event.sources]
    return "".join(f"<p>{escape(part)}</p>" for part in (event.summary, event.note, *sources) if part)
