"""The geometry of the event-density overview drawn on the server as SVG. Framework-free."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from timelines.dates_display import month_name

WIDTH = 600
BAR_AREA = 48
HEIGHT = 66
# Baseline of the year labels, leaving room for descenders below it.
LABEL_Y = HEIGHT - 4
# Beyond ten years, one bar per month gets thinner than a pixel on a phone.
MAX_MONTH_BUCKETS = 120


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str
    count: int


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True)
class DensityChart:
    width: int
    height: int
    label_y: int
    bars: list[Bar]
    ticks: list[Tick]
    summary: str


def density_chart(starts: Sequence[dt.date | None]) -> DensityChart | None:
    """Bars of events per month (or per year over long spans) from the first dated event to the last."""
    dates = sorted(d for d in starts if d is not None)
    if not dates:
        return None
    by_month = (dates[-1].year - dates[0].year) * 12 + dates[-1].month - dates[0].month < MAX_MONTH_BUCKETS
    keys = _bucket_keys(dates[0], dates[-1], by_month=by_month)
    counts = Counter((d.year, d.month if by_month else 1) for d in dates)
    tallest = max(counts.values())
    step = WIDTH / len(keys)
    bars, ticks = [], []
    for index, (year, month) in enumerate(keys):
        count = counts.get((year, month), 0)
        height = BAR_AREA * count / tallest
        label = f"{month_name(month)} {year}" if by_month else str(year)
        bars.append(Bar(index * step, BAR_AREA - height, max(step - 1, 0.5), height, label, count))
        if month == 1 or index == 0:
            ticks.append(Tick(index * step, str(year)))
    span = f"{bars[0].label} to {bars[-1].label}"
    return DensityChart(
        WIDTH, HEIGHT, LABEL_Y, bars, ticks, f"{len(dates)} dated events from {span}, busiest bucket {tallest}."
    )


def _bucket_keys(first: dt.date, last: dt.date, *, by_month: bool) -> list[tuple[int, int]]:
    if not by_month:
        return [(year, 1) for year in range(first.year, last.year + 1)]
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    return [(first.year + (first.month - 1 + i) // 12, (first.month - 1 + i) % 12 + 1) for i in range(months)]
