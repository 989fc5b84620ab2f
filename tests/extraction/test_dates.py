"""The date tagger: what it finds in news prose, how it resolves it, and what it leaves alone."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import subprocess
import sys
from pathlib import Path

import pytest

from articles.extraction.dates import dates_in_span, find_dates
from articles.extraction.types import DateMention

WEDNESDAY = dt.date(2025, 9, 24)


def values(text: str, published: dt.date | None = WEDNESDAY) -> dict[str, object]:
    """Each mention's text and its value as the scorer writes it."""
    return {m.text: (m.value.as_json() if m.value else None) for m in find_dates(text, published)}


def only(text: str, published: dt.date | None = WEDNESDAY) -> DateMention:
    mentions = find_dates(text, published)
    assert len(mentions) == 1, mentions
    return mentions[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on Feb. 23, 2022, when", {"Feb. 23, 2022": "2022-02-23"}),
        ("on February 23, 2022.", {"February 23, 2022": "2022-02-23"}),
        ("on 23 February 2022.", {"23 February 2022": "2022-02-23"}),
        ("on 2022-02-23.", {"2022-02-23": "2022-02-23"}),
        ("from March 1\u20132, 2022", {"March 1\u20132, 2022": {"start": "2022-03-01", "end": "2022-03-02"}}),
        ("in March 2022", {"March 2022": "2022-03"}),
        ("in late 2021", {"late 2021": "2021"}),
        ("in 1962", {"1962": "1962"}),
        ("Friday, March 21, 2008", {"Friday, March 21, 2008": "2008-03-21"}),
        ("the September 11, 2001, attacks", {"September 11, 2001": "2001-09-11"}),
    ],
)
def test_absolute_dates_in_news_forms_keep_their_own_year(text: str, expected: dict[str, object]) -> None:
    assert values(text) == expected


def test_year_less_date_takes_the_year_of_publication() -> None:
    mention = only("scheduled for April 24 and 25.", dt.date(2023, 4, 19))
    assert mention.value is not None
    assert mention.value.as_json() == {"start": "2023-04-24", "end": "2023-04-25"}
    assert (
        mention.explanation
        == '"April 24 and 25" takes the year 2023 of publication 2023-04-19 gives 2023-04-24 to 2023-04-25'
    )


def test_year_less_date_months_after_publication_belongs_to_the_year_before() -> None:
    assert values("It happened on December 28.", dt.date(2023, 1, 5)) == {"December 28": "2022-12-28"}


def test_year_less_date_just_after_publication_stays_in_its_year() -> None:
    assert values("The summit opens on April 24.", dt.date(2023, 4, 19)) == {"April 24": "2023-04-24"}


def test_day_month_range_reads_as_a_range() -> None:
    assert values("held 24-25 April", dt.date(2023, 4, 19)) == {
        "24-25 April": {"start": "2023-04-24", "end": "2023-04-25"}
    }


def test_month_with_part_keeps_month_precision() -> None:
    assert values("by mid-April and early March", dt.date(2023, 4, 19)) == {
        "mid-April": "2023-04",
        "early March": "2023-03",
    }


def test_weekday_resolves_to_the_most_recent_past_day() -> None:
    assert values("the Russian foreign ministry said on Monday.") == {"Monday": "2025-09-22"}


def test_weekday_of_publication_is_the_publication_day() -> None:
    mention = only("the ministry said on Wednesday.")
    assert mention.explanation == '"Wednesday" against publication 2025-09-24 gives 2025-09-24'


def test_weekday_in_future_tense_is_the_next_such_day() -> None:
    assert values("The ministers will meet on Friday.") == {"Friday": "2025-09-26"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia said on Monday it would hold talks on Friday.", {"Monday": "2025-09-22", "Friday": "2025-09-26"}),
        ("The talks, which began on Monday, will continue.", {"Monday": "2025-09-22"}),
        ("On Tuesday, Lavrov said Russia would not attend.", {"Tuesday": "2025-09-23"}),
        ("On Friday, the United Nations will vote.", {"Friday": "2025-09-26"}),
        ("Markets will remain closed until Friday.", {"Friday": "2025-09-26"}),
        ("A summit of African leaders is due in Paris on Saturday.", {"Saturday": "2025-09-27"}),
        ("The death toll in Friday's earthquake may cross 20,000.", {"Friday": "2025-09-19"}),
        ("Protests grew ahead of Sunday's election.", {"Sunday": "2025-09-28"}),
        ("India and Pakistan on Monday agreed to reopen their consulates.", {"Monday": "2025-09-22"}),
        ("India and Pakistan agreed to meet on Monday.", {"Monday": "2025-09-29"}),
    ],
)
def test_weekday_follows_the_tense_of_the_verb_nearest_it(text: str, expected: dict[str, str]) -> None:
    assert values(text) == expected


def test_year_less_month_in_future_tense_is_the_coming_one() -> None:
    assert values("The sale should be completed in October.", dt.date(2009, 6, 5)) == {"October": "2009-10"}


def test_year_less_month_in_past_tense_months_ahead_is_last_year() -> None:
    assert values("Sales collapsed in November.", dt.date(2009, 3, 13)) == {"November": "2008-11"}


def test_a_month_in_a_promise_takes_the_promises_tense_not_that_of_what_was_promised() -> None:
    text = "NATO leaders had promised at a summit in Bucharest in April that Georgia would one day join."
    assert values(text, dt.date(2008, 8, 13)) == {"April": "2008-04"}


def test_a_passive_participle_after_a_noun_tells_no_tense() -> None:
    text = "Cho proposed holding reunions of families separated by the war in mid-February."
    assert values(text, dt.date(2018, 1, 9)) == {"mid-February": "2018-02"}


def test_what_must_happen_in_a_month_lies_ahead() -> None:
    text = "Hungary must agree to extend them at the end of July."
    assert values(text, dt.date(2025, 2, 24)) == {"the end of July": "2025-07"}


def test_month_of_next_year_and_the_year_are_two_mentions() -> None:
    assert values("renewed after October of next year.", dt.date(2009, 5, 15)) == {
        "October": "2010-10",
        "next year": "2010",
    }


def test_fixed_holiday_takes_the_nearest_year() -> None:
    assert values("They met on Christmas Eve.", dt.date(2021, 1, 5)) == {"Christmas Eve": "2020-12-24"}


def test_event_named_with_its_year_gives_the_year() -> None:
    assert values("Jobs gave the keynote at WWDC 2005.", dt.date(2005, 6, 6)) == {"2005": "2005"}


def test_a_year_opening_a_chronology_entry_is_a_date_but_a_count_is_not() -> None:
    assert values("Key dates:\n1988 - The legislature votes to join Armenia.\n2016: Fighting flares.") == {
        "1988": "1988",
        "2016": "2016",
    }
    assert values("2000 - 3000 troops crossed the border.") == {}


def test_next_and_last_weekday_skip_the_publication_day() -> None:
    assert values("Talks resume next Wednesday after last Wednesday's pause.") == {
        "next Wednesday": "2025-10-01",
        "last Wednesday": "2025-09-17",
    }


def test_weekday_of_last_week_is_in_the_previous_calendar_week() -> None:
    assert values("They met on Friday last week.") == {"Friday last week": "2025-09-19"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("today", "2025-09-24"),
        ("Yesterday", "2025-09-23"),
        ("tomorrow", "2025-09-25"),
        ("tonight", "2025-09-24"),
        ("this morning", "2025-09-24"),
        ("last night", "2025-09-23"),
        ("this month", "2025-09"),
        ("last month", "2025-08"),
        ("earlier this month", "2025-09"),
        ("this year", "2025"),
        ("last year", "2024"),
        ("next year", "2026"),
        ("sixty years ago", "1965"),
        ("60 years ago", "1965"),
        ("a decade ago", "2015"),
    ],
)
def test_relative_expressions_count_from_publication(text: str, expected: str) -> None:
    assert values(f"It was said {text}.") == {text: expected}


def test_week_expressions_give_the_week_as_a_range_never_a_day() -> None:
    mention = only("Guterres told the media this week that", dt.date(2022, 3, 15))
    assert mention.value is not None
    assert mention.value.precision == "range"
    assert (mention.value.start, mention.value.end) == (dt.date(2022, 3, 14), dt.date(2022, 3, 20))


@pytest.mark.parametrize(
    ("text", "published", "start", "end"),
    [
        ("earlier this week", dt.date(2022, 2, 4), dt.date(2022, 1, 31), dt.date(2022, 2, 3)),  # a Friday
        ("later this week", dt.date(2022, 2, 1), dt.date(2022, 2, 2), dt.date(2022, 2, 6)),
        ("earlier this week", dt.date(2022, 2, 1), dt.date(2022, 1, 31), dt.date(2022, 1, 31)),  # Monday alone
        ("earlier this week", dt.date(2022, 1, 31), dt.date(2022, 1, 31), dt.date(2022, 2, 6)),  # said on a Monday
    ],
)
def test_earlier_or_later_this_week_is_the_part_of_the_week_before_or_after_publication(
    text: str, published: dt.date, start: dt.date, end: dt.date
) -> None:
    mention = only(f"The ambassador was expelled {text}.", published)
    assert mention.value is not None
    assert (mention.value.start, mention.value.end) == (start, end)
    assert mention.value.precision == ("day" if start == end else "range")


def test_relative_date_without_publication_has_no_value_and_says_why() -> None:
    mention = only("They met yesterday.", published=None)
    assert mention.value is None
    assert "no publication date is known" in mention.explanation


def test_year_less_date_without_publication_has_no_value() -> None:
    assert only("on April 24", published=None).value is None


def test_full_date_resolves_without_publication() -> None:
    assert values("on April 24, 2023", published=None) == {"April 24, 2023": "2023-04-24"}


def test_relative_date_in_a_quote_counts_from_the_day_it_was_spoken() -> None:
    text = 'Zelenskyy said on Tuesday: "Yesterday we met President Trump."'
    assert values(text) == {"Tuesday": "2025-09-23", "Yesterday": "2025-09-22"}


def test_relative_date_in_an_undated_quote_counts_from_publication() -> None:
    text = '"Yesterday, we had a good meeting with President Trump," Zelenskyy said.'
    assert values(text) == {"Yesterday": "2025-09-23"}


def test_the_same_day_refers_to_the_day_last_mentioned() -> None:
    text = "Stocks fell on March 3. A report released the same day showed losses; the next day they rose."
    assert values(text) == {"March 3": "2025-03-03", "the same day": "2025-03-03", "the next day": "2025-03-04"}


def test_days_later_counts_from_the_day_last_mentioned() -> None:
    assert values("They met on March 3 and two days later signed.")["two days later"] == "2025-03-05"


def test_months_or_years_later_count_from_the_date_last_mentioned_in_their_own_unit() -> None:
    text = "The UK joined on 1 January 1973 and voted two years later. The war began in March 2003; three months later"
    found = values(text)
    assert (found["two years later"], found["three months later"]) == ("1975", "2003-06")
    assert values("Two years later, they met.") == {}  # later than what, the text has not said


def test_a_day_with_a_relative_year_is_one_expression() -> None:
    assert values("It was last raised on September 24 last year and opens on 3 March next year.") == {
        "September 24 last year": "2024-09-24",
        "3 March next year": "2026-03-03",
    }


def test_a_prefixed_year_and_the_year_of_a_statute_are_years() -> None:
    text = "It backs the pre-1967 borders; mid-2010 talks failed; it passed the Reorganisation Bill, 2019."
    assert values(text) == {"1967": "1967", "mid-2010": "2010", "2019": "2019"}


def test_month_borrows_the_year_of_the_month_it_is_paired_with() -> None:
    assert values("between September and October of 2007") == {"September": "2007-09", "October of 2007": "2007-10"}


def test_decade_is_a_range_of_ten_years() -> None:
    assert values("In the 1970s, he edited") == {"the 1970s": {"start": "1970-01-01", "end": "1979-12-31"}}


def test_year_range_in_parentheses_gives_both_years() -> None:
    assert values("the New School (1997-2006)") == {"1997": "1997", "2006": "2006"}


@pytest.mark.parametrize(
    "text",
    [
        "Russia may respond in kind.",
        "Protesters march on the capital and will march again.",
        "March organizers said we would now see the sun.",
        "Some 2,000 troops crossed; the US$2022 figure is wrong.",
        "Resolution 2334 and resolution 2231 were cited.",
        "No. 10 said the line is open 24/7; call 555-2022 at 10:30.",
        "a total of 2000 people and the 1500 troops",
        "Sat in the hall; August Wilson wrote plays.",
        "Black Friday sales and The Sunday Times.",
        "He told USA Today and Russia Today so.",
        "",
    ],
)
def test_words_and_numbers_that_only_look_like_dates_are_left_alone(text: str) -> None:
    assert find_dates(text, WEDNESDAY) == []


def test_impossible_date_claims_its_span_without_a_value() -> None:
    mention = only("on February 30, 2022")
    assert (mention.text, mention.value) == ("February 30, 2022", None)


def test_mentions_are_sorted_non_overlapping_and_quote_the_text() -> None:
    text = "On Monday, March 3, 2025, talks began; they resume next week and end in April."
    mentions = find_dates(text, WEDNESDAY)
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)
    assert all(a.end <= b.start for a, b in itertools.pairwise(mentions))
    assert all(text[m.start : m.end] == m.text for m in mentions)


def test_dates_in_span_returns_the_mentions_overlapping_the_span() -> None:
    text = "On March 3 they met. On March 5 they signed."
    mentions = find_dates(text, WEDNESDAY)
    assert [m.text for m in dates_in_span(mentions, 0, 20)] == ["March 3"]
    assert [m.text for m in dates_in_span(mentions, 8, 30)] == ["March 3", "March 5"]


def test_command_line_writes_the_scorer_format(tmp_path: Path) -> None:
    documents = tmp_path / "docs.jsonl"
    documents.write_text(json.dumps({"id": "a", "published": "2023-04-19", "text": "On April 24 and 25."}) + "\n")
    result = subprocess.run(
        [sys.executable, "-m", "articles.extraction.dates", str(documents)],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert json.loads(result.stdout) == {
        "id": "a",
        "timexes": [{"start": 3, "end": 18, "value": {"start": "2023-04-24", "end": "2023-04-25"}}],
    }


def test_a_timeline_entrys_day_before_a_colon_is_a_day_but_a_clock_time_is_not() -> None:
    published = dt.date(2024, 1, 15)
    assert values("November 19: Houthi fighters seized a ship.", published) == {"November 19": "2023-11-19"}
    assert values("The vote is at 19:30 on Monday.", published) == {"Monday": "2024-01-15"}
    assert values("Trading closed on November 19:00 GMT.", published) == {"November": "2023-11"}
