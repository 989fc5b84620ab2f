"""Storing what the extractor proposes, without touching what editors decided."""

from __future__ import annotations

from collections.abc import Sequence

from simple_history.utils import bulk_create_with_history

from articles.extraction.types import Candidate
from articles.models import Article
from timelines.models import Actor, CandidateEvent


def store_candidates(*, article: Article, candidates: Sequence[Candidate]) -> int:
    """Replace an article's unreviewed candidates; decided ones stay untouched. Call inside a transaction."""
    article.candidates.unreviewed().delete()
    taken = set(article.candidates.values_list("fingerprint", flat=True))
    fresh = []
    for candidate in candidates:
        if candidate.fingerprint not in taken:
            taken.add(candidate.fingerprint)
            fresh.append(candidate)
    rows = bulk_create_with_history(
        [CandidateEvent(article=article, **_candidate_fields(candidate)) for candidate in fresh], CandidateEvent
    )
    names = {mention.canonical_name for candidate in fresh for mention in candidate.actors}
    actor_ids = dict(Actor.objects.filter(canonical_name__in=names).values_list("canonical_name", "pk"))
    through = CandidateEvent.actors.through
    through.objects.bulk_create(
        through(candidateevent_id=row.pk, actor_id=actor_ids[name])
        for row, candidate in zip(rows, fresh, strict=True)
        for name in dict.fromkeys(mention.canonical_name for mention in candidate.actors)
        if name in actor_ids
    )
    return len(rows)


def _candidate_fields(candidate: Candidate) -> dict[str, object]:
    mention = candidate.date
    value = mention.value if mention else None
    known = {m.canonical_name for m in candidate.actors if m.known}
    return {
        "date_start": value.start if value else None,
        "date_end": value.end if value else None,
        "date_precision": value.precision if value else "",
        "date_text": mention.text[:200] if mention else "",
        "date_explanation": (mention.explanation if mention else "no date in or around the sentence")[:500],
        "event_type": candidate.event_type,
        "proposed_actor_names": sorted({m.canonical_name for m in candidate.actors} - known),
        "location": candidate.location[:200],
        "evidence_start": candidate.evidence_start,
        "evidence_end": candidate.evidence_end,
        "summary": candidate.summary[:500],
        "confidence": candidate.confidence,
        "fingerprint": candidate.fingerprint,
    }
