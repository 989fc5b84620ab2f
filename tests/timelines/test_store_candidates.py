import datetime as dt

import pytest

from articles.extraction.types import ActorMention, Candidate, DateMention, DateValue
from tests.factories import ActorFactory, ArticleFactory
from timelines.services.candidates import store_candidates

pytestmark = pytest.mark.django_db

WEDNESDAY = DateMention(
    start=0, end=9, text="Wednesday", value=DateValue(dt.date(2025, 9, 24), dt.date(2025, 9, 24), "day"),
    explanation='"Wednesday" against publication 2025-09-24 gives 2025-09-24',
)  # fmt: skip


def candidates(count: int) -> list[Candidate]:
    lavrov = ActorMention(canonical_name="Sergey Lavrov", kind="person", surface="Sergei Lavrov", known=True)
    newcomer = ActorMention(canonical_name="Alexander Pankin", kind="person", surface="Pankin", known=False)
    return [
        Candidate(
            evidence_start=number,
            evidence_end=number + 1,
            evidence_text="x",
            date=WEDNESDAY,
            event_type="CONSULT",
            actors=(lavrov, newcomer),
            location="New York",
            summary=f"Meeting {number}",
            confidence=0.5,
            fingerprint=f"fingerprint-{number}",
        )
        for number in range(count)
    ]


def test_stored_candidates_link_known_actors_and_list_unknown_people() -> None:
    lavrov = ActorFactory(canonical_name="Sergey Lavrov")
    article = ArticleFactory()

    store_candidates(article=article, candidates=candidates(1))

    stored = article.candidates.get()
    assert list(stored.actors.all()) == [lavrov]
    assert stored.proposed_actor_names == ["Alexander Pankin"]
    assert (stored.date_start, stored.date_precision, stored.date_text) == (dt.date(2025, 9, 24), "day", "Wednesday")


@pytest.mark.parametrize("count", [3, 40])
def test_storing_candidates_takes_the_same_queries_however_many(count: int, django_assert_max_num_queries) -> None:
    ActorFactory(canonical_name="Sergey Lavrov")
    article = ArticleFactory()

    with django_assert_max_num_queries(8):
        store_candidates(article=article, candidates=candidates(count))

    assert article.candidates.count() == count
