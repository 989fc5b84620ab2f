"""Cutting a text into pieces at evidence boundaries, so a template can mark them while escaping every piece."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise


@dataclass(frozen=True)
class Segment:
    text: str
    span_ids: tuple[int, ...]


def highlight_segments(text: str, spans: Iterable[tuple[int, int, int]]) -> list[Segment]:
    """The text cut at every (start, end, id) boundary, each piece with the ids of the spans covering it."""
    clipped = [(max(start, 0), min(end, len(text)), span_id) for start, end, span_id in spans]
    clipped = [span for span in clipped if span[0] < span[1]]
    cuts = sorted({0, len(text), *(start for start, _, _ in clipped), *(end for _, end, _ in clipped)})
    return [
        Segment(text[a:b], tuple(span_id for start, end, span_id in clipped if start <= a and b <= end))
        for a, b in pairwise(cuts)
    ]
