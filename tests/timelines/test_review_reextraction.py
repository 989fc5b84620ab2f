import datetime as dt

import pytest

from articles.extraction.types import Candidate, DateMention, DateValue
from tests.factories import CandidateEventFactory
from timelines.models import CandidateEvent
from timelines.services import review
from timelines.services.candidates import store_candidates

pytestmark = pytest.mark.django_db


def proposal(fingerprint, summary="Re-extracted summary"):
    value = DateValue(start=dt.date(2025, 9, 1), end=dt.date(2025, 9, 1), precision="day")
    return Candidate(
        evidence_start=0,
        evidence_end=20,
        evidence_text="x" * 20,
        date=DateMention(start=0, end=5, text="1 Sep", value=value, explanation="explicit"),
        event_type="ACCUSE",
        actors=(),
        location="",
        summary=summary,
        confidence=0.5,
        fingerprint=fingerprint,
    )


def test_reextraction_never_overwrites_what_an_editor_decided(editor):
    accepted = CandidateEventFactory(fingerprint="same-sentence", summary="Edited by the editor")
    article = accepted.article
    rejected = CandidateEventFactory(article=article, fingerprint="rejected-sentence")
    waiting = CandidateEventFactory(article=article, fingerprint="waiting-sentence")
    review.accept_candidate(candidate_id=accepted.pk, user=editor)
    review.reject_candidate(candidate_id=rejected.pk, user=editor)

    store_candidates(
        article=article,
        candidates=[proposal("same-sentence"), proposal("rejected-sentence"), proposal("brand-new")],
    )

    accepted.refresh_from_db()
    rejected.refresh_from_db()
    assert (accepted.status, accepted.summary, accepted.event is not None) == ("accepted", "Edited by the editor", True)
    assert rejected.status == "rejected"
    assert not CandidateEvent.objects.filter(pk=waiting.pk).exists()
    assert set(article.candidates.values_list("fingerprint", "status")) == {
        ("same-sentence", "accepted"),
        ("rejected-sentence", "rejected"),
        ("brand-new", "new"),
    }
