import csv
import datetime as dt
import io
import json

import feedparser
import icalendar
import jsonschema
import pytest
from django.urls import reverse

from tests.timelines.timeline_builders import dated_event, timeline_of
from timelines.services.publishing import publish_timeline

pytestmark = pytest.mark.django_db

HOSTILE = '<script>alert("x")</script> "quoted", semi; back\\slash\nnew line ]]> =SUM(A1)'

# From https://timeline.knightlab.com/docs/json-format.html: "events" is required; a slide needs
# start_date (except the title slide); a date needs year; text has headline and text (HTML).
_DATE = {
    "type": "object",
    "required": ["year"],
    "properties": {
        "year": {"type": ["integer", "string"]},
        "month": {"type": ["integer", "string"], "minimum": 1, "maximum": 12},
        "day": {"type": ["integer", "string"], "minimum": 1, "maximum": 31},
        "display_date": {"type": "string"},
    },
    "additionalProperties": False,
}
_TEXT = {
    "type": "object",
    "properties": {"headline": {"type": "string"}, "text": {"type": "string"}},
    "additionalProperties": False,
}
_SLIDE_PROPERTIES = {
    "start_date": _DATE, "end_date": _DATE, "text": _TEXT, "group": {"type": "string"},
    "display_date": {"type": "string"}, "unique_id": {"type": "string", "pattern": "^[A-Za-z0-9_-]+$"},
    "media": {"type": "object", "required": ["url"]}, "background": {"type": "object"}, "autolink": {"type": "boolean"},
}  # fmt: skip
TIMELINEJS_SCHEMA = {
    "type": "object",
    "required": ["events"],
    "properties": {
        "title": {"type": "object", "properties": _SLIDE_PROPERTIES, "additionalProperties": False},
        "events": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["start_date"],
                "properties": _SLIDE_PROPERTIES,
                "additionalProperties": False,
            },
        },
        "eras": {"type": "array"},
        "scale": {"enum": ["human", "cosmological"]},
    },
    "additionalProperties": False,
}


@pytest.fixture
def published(publisher):
    events = {
        "day": dated_event(dt.date(2023, 4, 5), title="Day"),
        "month": dated_event(dt.date(2023, 4, 1), "month", dt.date(2023, 4, 30), title="Month"),
        "year": dated_event(dt.date(2024, 1, 1), "year", dt.date(2024, 12, 31), title="Year"),
        "range": dated_event(dt.date(2023, 4, 24), "range", dt.date(2023, 4, 25), title="Range", location="Geneva"),
        "december": dated_event(dt.date(2023, 12, 1), "month", dt.date(2023, 12, 31), title="December"),
    }
    publish_timeline(timeline=timeline_of(*events.values(), slug="formats", title="Formats"), published_by=publisher)
    return events


@pytest.fixture
def hostile(publisher):
    event = dated_event(dt.date(2023, 4, 5), title=HOSTILE, summary=HOSTILE, location=HOSTILE, quote=HOSTILE,
                        actors=[HOSTILE], article={"outlet": HOSTILE, "title": HOSTILE})  # fmt: skip
    timeline = timeline_of(event, notes={event.pk: HOSTILE}, slug="hostile", title=HOSTILE, description=HOSTILE)
    publish_timeline(timeline=timeline, published_by=publisher)
    return event


def get(client, name, slug):
    response = client.get(reverse(f"public:{name}", args=[slug]))
    assert response.status_code == 200
    return response


def test_timelinejs_json_matches_the_documented_format(client, published):
    document = get(client, "timeline-json", "formats").json()
    jsonschema.validate(document, TIMELINEJS_SCHEMA)
    assert document["title"]["text"]["headline"] == "Formats"


def test_timelinejs_dates_carry_only_the_known_parts_and_ranges_an_end_date(client, published):
    slides = {s["text"]["headline"]: s for s in get(client, "timeline-json", "formats").json()["events"]}
    assert slides["Day"]["start_date"] == {"year": 2023, "month": 4, "day": 5}
    assert slides["Month"]["start_date"] == {"year": 2023, "month": 4}
    assert slides["Year"]["start_date"] == {"year": 2024}
    assert slides["Range"]["end_date"] == {"year": 2023, "month": 4, "day": 25}
    assert "end_date" not in slides["Day"] and slides["Range"]["display_date"] == "24\N{EN DASH}25 April 2023"
    assert slides["Day"]["unique_id"] == f"event-{published['day'].pk}" and slides["Day"]["group"] == "Consult"


def test_csv_parses_with_one_row_per_event_in_chronological_order(client, published):
    rows = list(csv.DictReader(io.StringIO(get(client, "events-csv", "formats").content.decode())))
    assert [row["title"] for row in rows] == ["Month", "Day", "Range", "December", "Year"]
    assert rows[0]["date"] == "April 2023" and rows[0]["precision"] == "month"
    assert rows[0]["permalink"] == f"http://testserver/t/formats/e/{published['month'].pk}/"


def test_ics_has_all_day_events_with_an_exclusive_end(client, published):
    calendar = icalendar.Calendar.from_ical(get(client, "events-ics", "formats").content)
    spans = {str(e["SUMMARY"]): (e.decoded("DTSTART"), e.decoded("DTEND")) for e in calendar.walk("VEVENT")}
    assert spans["Day"] == (dt.date(2023, 4, 5), dt.date(2023, 4, 6))
    assert spans["Range"] == (dt.date(2023, 4, 24), dt.date(2023, 4, 26))
    assert spans["Month"] == (dt.date(2023, 4, 1), dt.date(2023, 5, 1))
    assert spans["December"] == (dt.date(2023, 12, 1), dt.date(2024, 1, 1))
    assert spans["Year"] == (dt.date(2024, 1, 1), dt.date(2025, 1, 1))


def test_atom_feed_parses_with_an_entry_per_event(client, published):
    feed = feedparser.parse(get(client, "feed-atom", "formats").content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.feed.title == "Formats" and len(feed.entries) == 5
    assert feed.entries[0].link == f"http://testserver/t/formats/e/{published['year'].pk}/"


def test_hostile_text_survives_timelinejs_as_escaped_html(client, hostile):
    body = get(client, "timeline-json", "hostile").content.decode()
    document = json.loads(body)
    slide = document["events"][0]
    assert slide["text"]["headline"].startswith("&lt;script&gt;alert(&quot;x&quot;)")
    assert "<script" not in body and "]]>" not in slide["text"]["text"]


def test_hostile_text_survives_csv_intact_and_cannot_start_a_formula(client, hostile):
    rows = list(csv.DictReader(io.StringIO(get(client, "events-csv", "hostile").content.decode())))
    assert len(rows) == 1
    assert rows[0]["title"] == HOSTILE and rows[0]["note"] == HOSTILE and rows[0]["place"] == HOSTILE


def test_csv_cells_that_look_like_formulas_are_defused(client, publisher):
    event = dated_event(dt.date(2023, 4, 5), title='=HYPERLINK("http://evil")')
    publish_timeline(timeline=timeline_of(event, slug="formula"), published_by=publisher)
    rows = list(csv.DictReader(io.StringIO(get(client, "events-csv", "formula").content.decode())))
    assert rows[0]["title"] == '\'=HYPERLINK("http://evil")'


def test_hostile_text_survives_ics_intact(client, hostile):
    calendar = icalendar.Calendar.from_ical(get(client, "events-ics", "hostile").content)
    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == HOSTILE and str(event["LOCATION"]) == HOSTILE
    assert HOSTILE in str(event["DESCRIPTION"])


def test_hostile_text_survives_atom_intact_and_escaped(client, hostile):
    body = get(client, "feed-atom", "hostile").content
    feed = feedparser.parse(body)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.feed.title == HOSTILE and feed.entries[0].title.endswith(HOSTILE)
    assert b"<script>" not in body and "&lt;script&gt;" in feed.entries[0].summary


def test_long_lines_in_ics_are_folded_at_75_octets(client, publisher):
    event = dated_event(dt.date(2023, 4, 5), title="Переговоры " * 25)
    publish_timeline(timeline=timeline_of(event, slug="folded"), published_by=publisher)
    body = get(client, "events-ics", "folded").content
    assert max(len(line) for line in body.split(b"\r\n")) <= 75
    (parsed,) = icalendar.Calendar.from_ical(body).walk("VEVENT")
    assert str(parsed["SUMMARY"]) == "Переговоры " * 25


def test_a_source_without_an_address_is_cited_by_its_outlet_alone_in_every_text_export(client, publisher):
    event = dated_event(dt.date(2023, 4, 5), quote="Sugiono welcomed the talks.",
                        article={"outlet": "Jakarta Daily", "url": ""})  # fmt: skip
    publish_timeline(timeline=timeline_of(event, slug="no-address"), published_by=publisher)

    csv_row = next(csv.DictReader(io.StringIO(get(client, "events-csv", "no-address").content.decode())))
    ics_event = next(iter(icalendar.Calendar.from_ical(get(client, "events-ics", "no-address").content).walk("VEVENT")))
    atom_entry = feedparser.parse(get(client, "feed-atom", "no-address").content).entries[0]

    assert csv_row["sources"] == "Jakarta Daily: Sugiono welcomed the talks."
    assert "Jakarta Daily: Sugiono welcomed the talks." in str(ics_event["DESCRIPTION"])
    assert "Jakarta Daily: \u201cSugiono welcomed the talks.\u201d" in atom_entry.summary
    assert "<>" not in csv_row["sources"] and "()" not in atom_entry.summary
