"""How a dated event reads to people and machines, at the precision an editor chose. Framework-free."""

from __future__ import annotations

import datetime as dt

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
UNDATED = "Undated"
EN_DASH = "\N{EN DASH}"


def format_date_span(start: dt.date | None, end: dt.date | None, precision: str) -> str:
    """As an editor would write it: "2023", "April 2023", "5 April 2023", ranges joined by an en dash."""
    if start is None:
        return UNDATED
    if precision == "year":
        return str(start.year)
    if precision == "month":
        return f"{MONTHS[start.month - 1]} {start.year}"
    if precision == "range" and end is not None and end != start:
        return _format_range(start, end)
    return _day(start)


def _format_range(start: dt.date, end: dt.date) -> str:
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}{EN_DASH}{_day(end)}"
    if start.year == end.year:
        return f"{start.day} {MONTHS[start.month - 1]} {EN_DASH} {_day(end)}"
    return f"{_day(start)} {EN_DASH} {_day(end)}"


def _day(date: dt.date) -> str:
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}"


def iso_date_value(start: dt.date | None, precision: str) -> str:
    """The start as a valid HTML <time datetime> value, no finer than the precision: "2023", "2023-04", "2023-04-05"."""
    if start is None:
        return ""
    if precision == "year":
        return f"{start.year:04d}"
    if precision == "month":
        return f"{start.year:04d}-{start.month:02d}"
    return start.isoformat()


def month_name(month: int) -> str:
    return MONTHS[month - 1]
