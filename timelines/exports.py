"""A published snapshot as TimelineJS 3 JSON, CSV and iCalendar. Framework-free.

TimelineJS renders headline and text as HTML, so every editor-supplied string is HTML-escaped there;
CSV and iCalendar carry plain text with their own quoting rules.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable, Mapping, Sequence
from html import escape
from typing import Any

from timelines.snapshots import EventView

EventUrl = Callable[[int], str]
CSV_COLUMNS = ("id", "date", "date_start", "date_end", "precision", "title", "summary", "actors", "place", "type",
               "note", "sources", "permalink")  # fmt: skip
# Spreadsheets run cells starting with these as formulas (CSV injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def timelinejs_document(
    timeline: Mapping[str, str], events: Sequence[EventView], *, event_url: EventUrl
) -> dict[str, Any]:
    """The TimelineJS 3 JSON format: a title slide and one slide per dated event."""
    return {
        "title": {"text": {"headline": escape(timeline["title"]), "text": _paragraph(timeline["description"])}},
        "events": [_slide(event, event_url) for event in events if event.start is not None],
    }


def _slide(event: EventView, event_url: EventUrl) -> dict[str, Any]:
    assert event.start is not None
    slide: dict[str, Any] = {
        "start_date": _timelinejs_date(event.start, event.precision),
        "display_date": event.date_label,
        "text": {"headline": escape(event.title), "text": _slide_text(event, event_url)},
        "group": event.type_label,
        "unique_id": event.anchor,
    }
    if event.precision == "range" and event.end and event.end != event.start:
        slide["end_date"] = _timelinejs_date(event.end, "day")
    return slide


def _timelinejs_date(date: dt.date, precision: str) -> dict[str, int]:
    if precision == "year":
        return {"year": date.year}
    if precision == "month":
        return {"year": date.year, "month": date.month}
    return {"year": date.year, "month": date.month, "day": date.day}


def _slide_text(event: EventView, event_url: EventUrl) -> str:
    parts = [_paragraph(event.summary), _paragraph(event.note)]
    if event.actors:
        parts.append(_paragraph("Actors: " + ", ".join(event.actors)))
    for source in event.sources:
        link = f'<a href="{escape(source.link)}">{escape(source.outlet or source.article_title)}</a>'
        parts.append(
            f"<blockquote>{escape(source.quote)}</blockquote><p>{link if source.link else escape(source.outlet)}</p>"
        )
    parts.append(f'<p><a href="{escape(event_url(event.id))}">Permalink</a></p>')
    return "".join(part for part in parts if part)


def _paragraph(text: str) -> str:
    return f"<p>{escape(text)}</p>" if text else ""


def events_csv(events: Sequence[EventView], *, event_url: EventUrl) -> str:
    """One row per event; sources as "outlet <url>: quote" lines in one cell."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for e in events:
        sources = "\n".join(f"{s.reference}: {s.quote}" for s in e.sources)
        row = (e.id, e.date_label, _iso(e.start), _iso(e.end), e.precision, e.title, e.summary, "; ".join(e.actors),
               e.place, e.type, e.note, sources, event_url(e.id))  # fmt: skip
        writer.writerow([_defuse_formula(value) for value in row])
    return buffer.getvalue()


def _iso(date: dt.date | None) -> str:
    return date.isoformat() if date else ""


def _defuse_formula(value: object) -> object:
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_PREFIXES) else value


def events_ics(
    timeline: Mapping[str, str], events: Sequence[EventView], *, event_url: EventUrl, stamp: dt.datetime, host: str
) -> str:
    """RFC 5545 all-day events; DTEND is the day after the last day, as the RFC requires."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Diplomacy Timelines//EN", "CALSCALE:GREGORIAN",
             f"X-WR-CALNAME:{_ics_text(timeline['title'])}"]  # fmt: skip
    for event in events:
        if event.start is None:
            continue
        last_day = _last_day(event)
        lines += [
            "BEGIN:VEVENT",
            f"UID:event-{event.id}@{host}",
            f"DTSTAMP:{stamp.astimezone(dt.UTC):%Y%m%dT%H%M%SZ}",
            f"DTSTART;VALUE=DATE:{event.start:%Y%m%d}",
            f"DTEND;VALUE=DATE:{last_day + dt.timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{_ics_text(event.title)}",
            f"DESCRIPTION:{_ics_text(_ics_description(event))}",
            f"URL:{event_url(event.id)}",
        ]
        if event.place:
            lines.append(f"LOCATION:{_ics_text(event.place)}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


def _last_day(event: EventView) -> dt.date:
    """A month or a year spans all its days in a calendar, whatever date_end the event stores."""
    assert event.start is not None
    if event.precision == "year":
        return dt.date(event.start.year, 12, 31)
    if event.precision == "month":
        next_month = dt.date(event.start.year + event.start.month // 12, event.start.month % 12 + 1, 1)
        return next_month - dt.timedelta(days=1)
    return max(event.end or event.start, event.start)


def _ics_description(event: EventView) -> str:
    sources = [f"{s.reference}: {s.quote}" for s in event.sources]
    return "\n\n".join(part for part in (event.date_label, event.summary, event.note, *sources) if part)


def _ics_text(value: str) -> str:
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space, never splitting a UTF-8 character."""
    chunks: list[str] = []
    current = ""
    for char in line:
        limit = 75 if not chunks else 74
        if len((current + char).encode()) > limit:
            chunks.append(current)
            current = char
        else:
            current += char
    chunks.append(current)
    return "\r\n ".join(chunks)
