"""Event candidates of one sentence, and the merging of mentions of one event."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import TypeGuard

from articles.extraction.actors import FoundActor
from articles.extraction.describe import confidence, find_location, fingerprint, summarize
from articles.extraction.triggers import Trigger, find_triggers
from articles.extraction.types import ActorMention, Candidate, DateMention, DateValue

# A news lede reports the newest events: an undated statement there is of publication day.
LEDE_SENTENCES = 6
# An undated sentence inherits the narrative's date only if that date is this recent:
# older narratives are background, where "then" and "later" are too loose to date.
CONTEXT_DATE_MAX_AGE_DAYS = 45
# Clauses that describe circumstances, purposes or other parties, not the sentence's event.
_SUBORDINATE = re.compile(
    r",\s*(?:when|while|just as|as|whereas|because|although|though|aiming|seeking|hoping|in order to|so that)\b"
    r"|\s(?:just as|even as)\s"
)
# A relative clause between commas ("Israel, which has opposed any deal, warned...").
_RELATIVE_CLAUSE = re.compile(r",\s*(?:which|who|whom|whose|where)\b[^,]*(?:,|$)")
# Lowercase only: "May" is a month.
_MODAL = re.compile(r"\b(?:should|could|would|might|must|may|can|cannot|can't)\s+(?:\w+\s+){0,3}$")
_NEGATED = re.compile(r"(?:\bnot|\bnever|n't)\s+(?:\w+\s+)?$")
_CONDITIONAL_OPENING = re.compile(r"(?:If|Unless|Should|Were)\b")
_CONTINUATION_SUBJECT = re.compile(r"^(?:He|She|They|It|This|That|These|Those|We|I|His|Her|Their|Its|The\s+[a-z])\b")
_ATTRIBUTION_AFTER_QUOTE = re.compile(r"[\u201d\"]\s*,?\s*(\w+)")
_SCHEDULED = re.compile(
    r"\b(?:scheduled|slated|set|due|planned)\s+(?:for|on|to)\b|\bwill\b|\bto be held\b", re.IGNORECASE
)
_RESOLUTION_CONTENT = re.compile(r"\bresolution\s+(demanding|calling for|urging|condemning|imposing)\b", re.IGNORECASE)
_RESOLUTION_CONTENT_TYPE = {
    "demanding": "REQUEST", "calling for": "REQUEST", "urging": "REQUEST",
    "condemning": "PROTEST", "imposing": "SANCTION",
}  # fmt: skip
_COMPLEMENT = re.compile(r"\bthat\b")
# "has repeatedly threatened", "has met": habits and the unspecific past of the present
# perfect; only a stated date makes them an occurrence.
_HABITUAL = re.compile(
    r"\b(?:repeatedly|often|always|never|frequently|regularly|routinely|historically|traditionally|long)\s+$"
)
_PERFECT = re.compile(r"\b(?:has|have)\s+(?:\w+ly\s+)?$")
UNITED_NATIONS = "United Nations"
_NOT_A_DATE = frozenset({"now", "currently", "right now", "at present", "nowadays"})


@dataclass(frozen=True)
class SentenceContext:
    """A sentence with what the pipeline knows around it."""

    text: str
    start: int
    end: int
    dates: list[DateMention]
    actors: list[FoundActor]
    context_date: DateMention | None
    published: dt.date | None
    body_index: int


def _main_part_end(ctx: SentenceContext) -> int:
    match = _SUBORDINATE.search(ctx.text, ctx.start, ctx.end)
    return match.start() if match else ctx.end


def _outside_main_clause(ctx: SentenceContext) -> list[tuple[int, int]]:
    """Spans of relative clauses and of the trailing subordinate clause."""
    end = _main_part_end(ctx)
    spans = [m.span() for m in _RELATIVE_CLAUSE.finditer(ctx.text, ctx.start, end)]
    return [*spans, (end, ctx.end)]


def _main_clause_triggers(ctx: SentenceContext, outside: list[tuple[int, int]]) -> list[Trigger]:
    return [
        trigger
        for trigger in find_triggers(ctx.text, ctx.start, ctx.end)
        if not any(start <= trigger.start < stop for start, stop in outside)
    ]


def _main_trigger(ctx: SentenceContext, triggers: list[Trigger]) -> Trigger:
    """The first finite verb, sharpened by a following participle; else the strongest noun.

    Words of a that-clause ("said that Russia attacked") are the content, not the act.
    """
    complement = _COMPLEMENT.search(ctx.text, ctx.start, ctx.end)
    if complement and any(t.form != "noun" and t.start < complement.start() for t in triggers):
        triggers = [trigger for trigger in triggers if trigger.start < complement.start()]
    verbs = [trigger for trigger in triggers if trigger.form in ("past", "present")]
    if not verbs:
        verbs = [trigger for trigger in triggers if trigger.form == "participle"]
    if not verbs:
        return max(triggers, key=lambda trigger: (trigger.rank, -trigger.start))
    main = verbs[0]
    if main.event_type == "AGREE":
        content = _RESOLUTION_CONTENT.search(ctx.text, main.end, ctx.end)
        if content:
            content_type = _RESOLUTION_CONTENT_TYPE[content.group(1).lower()]
            return Trigger(content.start(1), content.end(1), content_type, main.form)
    sharper = [t for t in triggers if t.form == "participle" and t.start > main.start and t.rank > main.rank]
    if main.event_type == "STATEMENT" and sharper and ctx.text[: sharper[0].start].rstrip().endswith(","):
        # "spoke to the media, calling out Russia's atrocities": the act keeps the verb's tense
        return Trigger(sharper[0].start, sharper[0].end, sharper[0].event_type, main.form)
    return main


def _is_hypothetical(ctx: SentenceContext, main: Trigger) -> bool:
    """Modal, negated, habitual or conditional: something that did not simply happen."""
    if _CONDITIONAL_OPENING.match(ctx.text, ctx.start):
        return True
    return any(pattern.search(ctx.text, ctx.start, main.start) for pattern in (_MODAL, _NEGATED, _HABITUAL))


def _is_continuation(ctx: SentenceContext) -> bool:
    """A sentence whose speaker is only referred back to ("He added", "The minister said")."""
    sentence = ctx.text[ctx.start : ctx.end]
    if sentence[:1] in '"\u201c':
        closing = [m for m in _ATTRIBUTION_AFTER_QUOTE.finditer(sentence, 1)]
        return bool(closing) and closing[-1].group(1).lower() in ("he", "she", "they", "it", "we")
    return bool(_CONTINUATION_SUBJECT.match(sentence))


def _usable_dates(ctx: SentenceContext, outside: list[tuple[int, int]]) -> list[DateMention]:
    """Resolved dates of the main clause: "Russia, which invaded in 2022, condemned..." is undated."""
    return [
        d
        for d in ctx.dates
        if d.value is not None
        and d.text.lower() not in _NOT_A_DATE
        and not any(start <= d.start < stop for start, stop in outside)
    ]


def _nearest(dates: list[DateMention], trigger: Trigger) -> DateMention:
    precision_order = {"day": 0, "range": 1, "month": 2, "year": 3}
    return min(
        dates,
        key=lambda d: (
            min(abs(d.start - trigger.end), abs(d.end - trigger.start)),
            precision_order[d.value.precision if d.value else "year"],
        ),
    )


def _inferred_date(ctx: SentenceContext, main: Trigger, subject_named: bool) -> DateMention | None:
    """A date for an undated sentence: the narrative's past date, or publication day."""
    if main.form not in ("past", "present") or not subject_named:
        return None
    if _PERFECT.search(ctx.text, ctx.start, main.start):
        return None
    if main.form == "past" and _is_recent(ctx.context_date, ctx.published):
        source = ctx.context_date
        return DateMention(source.start, source.end, source.text, source.value, f"from context: {source.explanation}")
    reporting_now = main.form == "present" and main.event_type == "STATEMENT"
    in_lede = main.form == "past" and ctx.body_index < LEDE_SENTENCES
    if ctx.published is None or not (reporting_now or in_lede):
        return None
    value = DateValue(ctx.published, ctx.published, "day")
    return DateMention(
        ctx.start, ctx.start, "", value, f"no date in the sentence; reported as of publication {ctx.published}"
    )


def _is_recent(date: DateMention | None, published: dt.date | None) -> TypeGuard[DateMention]:
    if date is None or date.value is None:
        return False
    return published is None or (published - date.value.start).days <= CONTEXT_DATE_MAX_AGE_DAYS


def _is_future(date: DateMention, published: dt.date | None) -> bool:
    return published is not None and date.value is not None and date.value.start > published


def _distinct_actors(actors: list[FoundActor]) -> tuple[ActorMention, ...]:
    """Each actor once; the UN as a whole only when none of its organs or officers is named."""
    mentions: dict[str, ActorMention] = {}
    for actor in actors:
        mentions.setdefault(actor.mention.canonical_name, actor.mention)
    names = list(mentions)
    if UNITED_NATIONS in mentions and any(UNITED_NATIONS in name and name != UNITED_NATIONS for name in names):
        del mentions[UNITED_NATIONS]
    return tuple(mentions.values())


def _candidate(ctx: SentenceContext, trigger: Trigger, date: DateMention, explicit: bool) -> Candidate:
    evidence = ctx.text[ctx.start : ctx.end]
    return Candidate(
        evidence_start=ctx.start,
        evidence_end=ctx.end,
        evidence_text=evidence,
        date=date,
        event_type=trigger.event_type,
        actors=_distinct_actors(ctx.actors),
        location=find_location(evidence),
        summary=summarize(ctx.text, ctx.end, trigger, ctx.actors),
        confidence=confidence(trigger.event_type, explicit, ctx.actors),
        fingerprint=fingerprint(evidence, trigger.event_type, date),
    )


def sentence_candidates(ctx: SentenceContext) -> list[Candidate]:
    """Zero, one, or (an act plus the meeting it schedules) two candidates."""
    if not ctx.actors:
        return []
    outside = _outside_main_clause(ctx)
    # Who acts is named in the main clause; "just as Russia began attacking" names bystanders.
    actors = [a for a in ctx.actors if not any(start <= a.start < stop for start, stop in outside)]
    triggers = _main_clause_triggers(ctx, outside)
    if not triggers or not actors:
        return []
    ctx = replace(ctx, actors=actors)
    main = _main_trigger(ctx, triggers)
    if main.form == "noun" and not any(actor.mention.kind in ("person", "country") for actor in ctx.actors):
        return []  # "the April gathering is expected to...": an event word but nobody acting
    if _is_hypothetical(ctx, main):
        return []
    dates = _usable_dates(ctx, outside)
    subject_named = ctx.actors[0].start < main.start and not _is_continuation(ctx)
    if not dates:
        inferred = _inferred_date(ctx, main, subject_named)
        return [] if inferred is None else [_candidate(ctx, main, inferred, explicit=False)]
    chosen = _nearest(dates, main)
    scheduled = [t for t in triggers if t.form == "noun" and t.event_type == "CONSULT" and t.start > main.end]
    if (
        main.form == "past"
        and _is_future(chosen, ctx.published)
        and scheduled
        and not _SCHEDULED.search(ctx.text, ctx.start, main.start)
    ):
        candidates = [_candidate(ctx, scheduled[0], chosen, explicit=True)]
        inferred = _inferred_date(ctx, main, subject_named)
        if inferred is not None:
            candidates.insert(0, _candidate(ctx, main, inferred, explicit=False))
        return candidates
    return [_candidate(ctx, main, chosen, explicit=True)]


def _principal(candidate: Candidate) -> str:
    return candidate.actors[0].canonical_name if candidate.actors else ""


def _nested(first: DateMention, second: DateMention) -> bool:
    a, b = first.value, second.value
    if a is None or b is None:
        return False
    return (a.start <= b.start and b.end <= a.end) or (b.start <= a.start and a.end <= b.end)


def _same_event(kept: Candidate, other: Candidate) -> bool:
    """Nested dates, and either the same type with the same principal or two shared actors,
    or an undated statement by the same principal ("Putin warned...", then "Putin said...")."""
    if kept.date is None or other.date is None:
        return False
    if kept.event_type != other.event_type:
        elaboration = other.event_type == "STATEMENT" and not _explicit(other)
        return elaboration and _principal(kept) == _principal(other) and _nested(kept.date, other.date)
    kept_names = {m.canonical_name for m in kept.actors}
    other_names = {m.canonical_name for m in other.actors}
    if _principal(kept) != _principal(other):
        return len(kept_names & other_names) >= 2 and _nested(kept.date, other.date)
    if kept.event_type != "STATEMENT":
        # "Lavrov met Rubio on Monday... Lavrov met Wang Yi on Monday": other partners, other event
        kept_partners, other_partners = kept_names - {_principal(kept)}, other_names - {_principal(other)}
        if kept_partners and other_partners and not kept_partners & other_partners:
            return False
    return _nested(kept.date, other.date)


def _explicit(candidate: Candidate) -> bool:
    date = candidate.date
    return date is not None and date.start < date.end and candidate.evidence_start <= date.start


def merge_same_events(candidates: list[Candidate]) -> list[Candidate]:
    """One candidate per event: repeats by fingerprint, then restatements of one event.

    Of two mentions of one event the one stating its date wins, else the earlier one.
    """
    kept: list[Candidate] = []
    fingerprints: set[str] = set()
    for candidate in candidates:
        if candidate.fingerprint in fingerprints:
            continue
        fingerprints.add(candidate.fingerprint)
        same = next((index for index, other in enumerate(kept) if _same_event(other, candidate)), None)
        if same is None:
            kept.append(candidate)
        elif _explicit(candidate) and not _explicit(kept[same]):
            kept[same] = candidate
    return sorted(kept, key=lambda c: (c.evidence_start, c.evidence_end))
