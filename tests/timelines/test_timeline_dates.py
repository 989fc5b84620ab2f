import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from timelines.dates_display import UNDATED, format_date_span, iso_date_value


def test_a_day_reads_day_month_year():
    assert format_date_span(dt.date(2023, 4, 5), dt.date(2023, 4, 5), "day") == "5 April 2023"


def test_a_month_reads_without_a_day():
    assert format_date_span(dt.date(2023, 4, 1), dt.date(2023, 4, 30), "month") == "April 2023"


def test_a_year_reads_as_the_year_alone():
    assert format_date_span(dt.date(2023, 1, 1), dt.date(2023, 12, 31), "year") == "2023"


def test_a_range_within_a_month_names_the_month_once():
    assert format_date_span(dt.date(2023, 4, 24), dt.date(2023, 4, 25), "range") == "24\N{EN DASH}25 April 2023"


def test_a_range_across_months_names_both_months_and_the_year_once():
    assert format_date_span(dt.date(2023, 4, 30), dt.date(2023, 5, 2), "range") == "30 April \N{EN DASH} 2 May 2023"


def test_a_range_across_years_gives_both_dates_in_full():
    assert (
        format_date_span(dt.date(2022, 12, 30), dt.date(2023, 1, 2), "range")
        == "30 December 2022 \N{EN DASH} 2 January 2023"
    )


def test_a_one_day_range_reads_as_that_day():
    assert format_date_span(dt.date(2023, 4, 24), dt.date(2023, 4, 24), "range") == "24 April 2023"


def test_an_undated_event_says_so():
    assert format_date_span(None, None, "") == UNDATED


def test_machine_readable_dates_stop_at_the_precision():
    start = dt.date(2023, 4, 5)
    assert [iso_date_value(start, p) for p in ("year", "month", "day")] == ["2023", "2023-04", "2023-04-05"]


@given(st.dates(), st.integers(min_value=1, max_value=800))
def test_every_range_label_starts_with_the_first_day_and_ends_with_the_last_year(start, length):
    end = start + dt.timedelta(days=length)
    label = format_date_span(start, end, "range")
    assert label.startswith(str(start.day)) and label.endswith(str(end.year))
