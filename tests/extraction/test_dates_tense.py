"""The date tagger reads a year-less date by its tense, and anaphoric dates by the story so far."""

from __future__ import annotations

import datetime as dt

import pytest

from articles.extraction.dates import find_dates

PUBLISHED = dt.date(2024, 9, 25)


def values(text: str, published: dt.date | None = PUBLISHED) -> dict[str, object]:
    return {m.text: (m.value.as_json() if m.value else None) for m in find_dates(text, published)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Scholz met Putin on Dec. 3.", {"Dec. 3": "2023-12-03"}),
        ("Scholz spoke with Putin in November.", {"November": "2023-11"}),
        ("The two sides signed the accord on October 30.", {"October 30": "2023-10-30"}),
        ("The ministers held talks in Geneva on Nov. 12.", {"Nov. 12": "2023-11-12"}),
        ("The vote was on December 1.", {"December 1": "2023-12-01"}),
        ("The treaty, signed on Oct. 2, was ratified later.", {"Oct. 2": "2023-10-02"}),
        ("Officials said the summit on December 3 had been a success.", {"December 3": "2023-12-03"}),
        ("The delegation had arrived in October.", {"October": "2023-10"}),
    ],
)
def test_year_less_date_in_past_tense_is_on_or_before_publication(text: str, expected: dict[str, str]) -> None:
    assert values(text) == expected


def test_year_less_date_in_past_tense_may_be_the_day_of_publication() -> None:
    assert values("Scholz met Putin on Sept. 25.") == {"Sept. 25": "2024-09-25"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Scholz will meet Putin on Dec. 3.", {"Dec. 3": "2024-12-03"}),
        ("Scholz is expected to visit Beijing in November.", {"November": "2024-11"}),
        ("Scholz plans to travel to Beijing on Dec. 3.", {"Dec. 3": "2024-12-03"}),
        ("The summit is scheduled for Dec. 3.", {"Dec. 3": "2024-12-03"}),
        ("The next round of talks opens on Dec. 3.", {"Dec. 3": "2024-12-03"}),
        ("The vote was postponed to Dec. 3.", {"Dec. 3": "2024-12-03"}),
        ("He said talks on December 3 will focus on trade.", {"December 3": "2024-12-03"}),
        ("Talks may resume in December.", {"December": "2024-12"}),
    ],
)
def test_year_less_date_in_future_tense_is_after_publication(text: str, expected: dict[str, str]) -> None:
    assert values(text) == expected


def test_year_less_date_in_unknown_tense_is_the_nearest_with_a_few_weeks_ahead() -> None:
    assert values("Summit in Geneva on Oct. 20") == {"Oct. 20": "2024-10-20"}
    assert values("Summit in Geneva on Dec. 20") == {"Dec. 20": "2023-12-20"}
    assert values("Summit in Geneva on Aug. 20") == {"Aug. 20": "2024-08-20"}


def test_participle_opening_a_sentence_does_not_set_the_tense() -> None:
    assert values("Held on Oct. 2 and 3, the summit drew forty leaders.") == {
        "Oct. 2 and 3": {"start": "2024-10-02", "end": "2024-10-03"}
    }


def test_words_ending_in_ed_that_are_no_verbs_do_not_set_the_tense() -> None:
    assert values("A hundred delegates attend on Oct. 2.") == {"Oct. 2": "2024-10-02"}


def test_ordinal_day_takes_the_month_last_named() -> None:
    assert values("They met on March 3. On the 15th, they signed.") == {
        "March 3": "2024-03-03",
        "the 15th": "2024-03-15",
    }


def test_ordinal_day_without_a_month_takes_the_month_of_publication_by_tense() -> None:
    assert values("The vote is on the 30th.") == {"the 30th": "2024-09-30"}
    assert values("The ministers met on the 28th.") == {"the 28th": "2024-08-28"}
    assert values("It closes on the 15th of this month.") == {"the 15th of this month": "2024-09-15"}


@pytest.mark.parametrize(
    "text", ["on the 15th floor", "in the 21st century", "the 15th anniversary", "the 3rd and the 5th rounds"]
)
def test_ordinals_that_count_something_else_are_left_alone(text: str) -> None:
    assert find_dates(text, PUBLISHED) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("last summer", {"start": "2024-06-01", "end": "2024-08-31"}),
        ("this winter", {"start": "2024-12-01", "end": "2025-02-28"}),
        ("next spring", {"start": "2025-03-01", "end": "2025-05-31"}),
        ("spring of 2022", {"start": "2022-03-01", "end": "2022-05-31"}),
        ("fall of 2011", {"start": "2011-09-01", "end": "2011-11-30"}),
        ("winter 2022", "2022"),
    ],
)
def test_season_with_a_year_or_a_relation_reads_as_its_months(text: str, expected: object) -> None:
    assert values(f"It happened in the {text}." if "of" in text else f"It happened {text}.") == {text: expected}


@pytest.mark.parametrize(
    "text",
    ["Shares fall 2010 points.", "Prices rise in summer.", "The Arab Spring of 2011 began in Tunisia.", "spring"],
)
def test_bare_seasons_verbs_and_named_events_give_no_season(text: str) -> None:
    assert all(m.value is None or m.value.precision != "range" for m in find_dates(text, PUBLISHED))


def test_the_following_week_is_the_week_after_the_day_last_mentioned() -> None:
    assert values("They met on March 3 and the following week they signed.") == {
        "March 3": "2024-03-03",
        "the following week": {"start": "2024-03-04", "end": "2024-03-10"},
    }


def test_the_following_year_is_the_year_after_the_one_last_mentioned() -> None:
    assert values("Apple launched the iPod in 2001 and the following year a new system.") == {
        "2001": "2001",
        "the following year": "2002",
    }


def test_the_following_year_with_nothing_before_it_is_left_alone() -> None:
    assert values("The following year was hard.") == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("earlier this year", "2024"),
        ("late last month", "2024-08"),
        ("the previous week", {"start": "2024-09-16", "end": "2024-09-22"}),
    ],
)
def test_relative_periods_with_a_part_count_from_publication(text: str, expected: object) -> None:
    assert values(f"It happened {text}.") == {text: expected}


def test_year_less_month_after_since_is_in_the_past() -> None:
    assert values("Talks have stalled since December.") == {"December": "2023-12"}


def test_until_puts_a_year_less_date_ahead() -> None:
    assert values("The border stays closed until Dec. 3.") == {"Dec. 3": "2024-12-03"}


def test_a_day_ahead_named_in_a_sentence_told_in_the_past_is_this_years() -> None:
    # published 2024-09-25: the talks agreed to are coming, not eleven months gone
    text = "The two rebel groups have agreed to peace talks in Abuja on Oct. 10, the African Union said."
    assert values(text) == {"Oct. 10": "2024-10-10"}


def test_a_trip_set_to_begin_looks_ahead_without_an_auxiliary() -> None:
    text = (
        "Scholz will discuss trade, energy and the war in Ukraine with several leaders during a long trip"
        " to Asia set to begin Friday, an adviser said."
    )
    assert values(text) == {"Friday": "2024-09-27"}


def test_a_weekday_coordinated_with_another_follows_it() -> None:
    sunday = dt.date(2024, 9, 22)
    text = (
        "Scholz said after meeting his counterparts from three countries that they would report back to"
        " all their capitals and possibly agree on Monday or Tuesday how to continue."
    )
    assert values(text, sunday) == {"Monday": "2024-09-23", "Tuesday": "2024-09-24"}
    assert values("Talks were held on Monday and Tuesday.") == {"Monday": "2024-09-23", "Tuesday": "2024-09-24"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ministers agreed to meet on Friday.", {"Friday": "2024-09-27"}),
        ("Scholz promised to visit Kyiv on Monday.", {"Monday": "2024-09-30"}),
        ("The ministers agreed to the plan on Monday.", {"Monday": "2024-09-23"}),
    ],
)
def test_a_day_for_what_was_agreed_to_be_done_lies_ahead(text: str, expected: dict[str, str]) -> None:
    assert values(text) == expected


def test_a_name_ending_like_an_auxiliary_does_not_hide_the_past_verb_after_it() -> None:
    # "Abe met": "be met" would be a passive, "Abe met" is not
    text = "Shinzo Abe met Moon Jae-in on Monday, and the two leaders agreed to cooperate."
    assert values(text) == {"Monday": "2024-09-23"}


def test_an_abbreviation_does_not_end_the_sentence_whose_verb_sets_the_tense() -> None:
    text = "Pezeshkian is expected to set out his plans in a U.N. General Assembly speech Saturday."
    assert values(text) == {"Saturday": "2024-09-28"}
