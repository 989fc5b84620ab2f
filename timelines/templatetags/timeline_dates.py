from typing import Any

from django import template

from timelines.dates_display import format_date_span

register = template.Library()


@register.filter
def date_span(dated: Any) -> str:
    """A candidate's or event's date as readers see it, at its precision: "April 2023"."""
    return format_date_span(dated.date_start, dated.date_end, dated.date_precision)
