"""Storing what the extractor proposes, without touching what editors decided."""

from __future__ import annotations

from collections.abc import Sequence

from articles.extraction.types import Candidate
from articles.models import Article
from timelines.models import Actor, CandidateEvent


def store_candidates(*, article: Article, candidates: Sequence[Candidate]) -> int:
    """Replace an article's unreviewed candidates; decided ones stay untouched. Call inside a transaction."""
    article.candidates.unreviewed().delete()
    decided = set(article.candidates.values_list("fingerprint", flat=True))
    actors_by_name = {a.canonical_name: a for a in Actor.objects.all()}
    created = 0
    for candidate in candidates:
        if candidate.fingerprint in decided:
            continue
        decided.add(candidate.fingerprint)
        row = CandidateEvent.objects.create(article=article, **_candidate_fields(candidate))
        row.actors.set(actors_by_name[m.canonical_name] for m in candidate.actors if m.canonical_name in actors_by_name)
        created += 1
    return created


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
