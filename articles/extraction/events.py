"""Event candidates of one sentence, and the merging of mentions of one event."""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple, TypeGuard

from articles.extraction.actors import FoundActor
from articles.extraction.describe import confidence, find_location, fingerprint, summarize
from articles.extraction.triggers import (
    ACCUSING_CONTENT,
    ANONYMOUS_SPEAKER,
    BLAMING_WORDS,
    ECONOMIC_NEWS,
    SAY_VERBS,
    TRAVEL_VERBS,
    Trigger,
    find_triggers,
)
from articles.extraction.types import ActorMention, Candidate, DateMention, DateValue

# A news lede reports the newest events: an undated statement there is of publication day.
LEDE_SENTENCES = 6
# An undated sentence inherits the narrative's date only if that date is this recent:
# older narratives are background, where "then" and "later" are too loose to date.
CONTEXT_DATE_MAX_AGE_DAYS = 45
# The news day: a day the lede dates its news to ("said on Wednesday") at most this long
# before publication. Undated acts told later in the story happened that day, not on the
# day the story was published.
NEWS_DAY_MAX_AGE_DAYS = 7
# Clauses that describe circumstances, purposes or other parties, not the sentence's event.
_SUBORDINATE = re.compile(
    r",\s*(?:when|while|just as|as|whereas|because|although|though|aiming|seeking|hoping|in order to|so that)\b"
    r"|\s(?:just as|even as)\s"
)
# "According to Seoul's foreign ministry on Thursday, ...": who told it and when, not the event;
# "Regarding a man detained by Chinese authorities, ...": what the event is about;
# "Asked about it at a press conference, ...": the question, not the act.
_ASIDE_OPENING = re.compile(
    r"(?:According to|Regarding|Concerning|As for|As to|With regard to|With respect to|In light of|Asked) [^,]{1,150},"
)
# A relative clause between commas ("Israel, which has opposed any deal, warned..."), or a
# participle's ("China, backed by Russia, blocked...").
_RELATIVE_CLAUSE = re.compile(r",\s*(?:(?:which|who|whom|whose|where)\b|(?:[a-z]+ed|led)\s+by\b)[^,]*(?:,|$)")
# Lowercase only: "May" is a month.
_MODAL = re.compile(r"\b(?:should|could|would|might|must|may|can|cannot|can't)\s+(?:\w+\s+){0,3}$")
# "(?:\bnot|\bnever|n't)" with the common "n" first, so that re searches for the letter.
_NEGATED = re.compile(r"n(?:(?<!\wn)(?:ot|ever)|'t)\s+(?:\w+\s+)?$")
_CONDITIONAL_OPENING = re.compile(r"(?:If|Unless|Should|Were)\b")
_CONTINUATION_SUBJECT = re.compile(r"^(?:He|She|They|It|This|That|These|Those|We|I|His|Her|Their|Its|The\s+[a-z])\b")
_ATTRIBUTION_AFTER_QUOTE = re.compile(r"[\u201d\"]\s*,?\s*(\w+)")
_SCHEDULED = re.compile(
    r"\b(?:scheduled|slated|set|due|planned)\s+(?:for|on|to)\b|\bwill\b|\bto be held\b", re.IGNORECASE
)
_RESOLUTION_CONTENT = re.compile(
    r"\bresolution\s+(demanding|calling (?:for|on|upon)|urging|condemning|imposing|welcoming)\b", re.IGNORECASE
)
_RESOLUTION_CONTENT_TYPE = {
    "demanding": "REQUEST", "calling": "REQUEST", "urging": "REQUEST",
    "condemning": "PROTEST", "imposing": "SANCTION", "welcoming": "SUPPORT",
}  # fmt: skip
# "\bthat\b", with the boundary before it checked last, so that re searches for the literal.
_COMPLEMENT = re.compile(r"that\b(?<!\wthat)")
# "has repeatedly threatened", "has met": habits and the unspecific past of the present
# perfect; only a stated date makes them an occurrence.
_HABITUAL = re.compile(
    r"\b(?:repeatedly|often|always|never|frequently|regularly|routinely|historically|traditionally|long)\s+$"
)
_PERFECT = re.compile(r"\b(?:has|have)\s+(?:\w+ly\s+)?$")
# "troops remain deployed": a state, not an act.
_STATIVE = re.compile(r"\b(?:remain|remains|remained|stay|stays|stayed)\s+$")
# Only meetings are announced ahead ("will hold talks"); any other act in the future has not happened.
_FUTURE = re.compile(
    r"\b(?:will|shall|is to|are to|plans? to|intends? to|(?:is|are) (?:expected|set|due|poised|likely) to)\s+"
    r"(?:[\w'-]+\s+){0,8}$",  # words only: a quote or a comma in between ends the future's reach
    re.IGNORECASE,
)
_FUTURE_DATE_WORDS = ("later", "next", "coming", "upcoming", "tomorrow")
_TIMESTAMP = re.compile(
    r"\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?\s*)?(?:GMT|UTC|BST|CET|CEST|EST|EDT|ET|local)?\s*[-\u2013\u2014:|]"
)
# A subject that refers back to the actors of the previous sentence.
_GROUP_SUBJECT = re.compile(
    r"(?:The|Both)\s+(?:two\s+)?(?:top\s+)?(?:leaders|sides|ministers|presidents|heads of state|countries|"
    r"nations|delegations|foreign ministers|diplomats|envoys|men|parties|governments)\b"
    r"|The\s+(?:two\s+officials|pair|duo)\b|All\s+(?:three|four|five|six)\b"
)

# "the 2015 nuclear deal", "the 1948 Genocide Convention": a year that names a thing, not a time.
_YEAR_AS_MODIFIER_BEFORE = re.compile(r"\b(?:the|a|an|its|their|his|her)\s$", re.IGNORECASE)
_YEAR_AS_MODIFIER_AFTER = re.compile(r"\s[A-Za-z]")
_NUMBERED_RESOLUTION_BEFORE = re.compile(r"\b[Rr]esolution\s+\d+\s*\($")
# Between two listed dates: "and", a comma, and perhaps where the first took place ("Oct. 6 in Prague, and").
_LIST_SEPARATOR = re.compile(
    r"(?:\s+in\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)?(?:,?\s+(?:and|as well as)\s+(?:(?:in|on)\s+)?|,\s+)"
)
# ", and the two leaders agreed": the subject, named again, going on to another act. Without the
# subject ("denied it and blamed Kyiv") the second verb mostly tells the same act.
_AND_THEN = re.compile(r",?\s+and\s+(?:(?:the|both)\s+(?:two\s+)?[a-z]+|they|both)\s+$")
_AND_THEN_REACH = 30
_PERSONAL_PRONOUN_SUBJECT = re.compile(r"(?:(?:But|And|Later|Separately),?\s+)?(?P<pronoun>[Hh]e|[Ss]he|[Tt]hey) ")
# "A day later, in a televised speech, he said": the subject after an opening phrase, not in a quote.
_OPENING_MAX = 150
_PRONOUN_AFTER_OPENING = re.compile(rf"[^\n\"\u201c]{{0,{_OPENING_MAX}}}?,\s+(?P<pronoun>he|she|they) ")
_ENTRY_BULLETS = " \t-*\u2022\u2013\u2014"
_ENTRY_BULLET_MAX = 3
_ENTRY_SEPARATOR = re.compile(r"\s*[:\u2013\u2014-]\s")
UNITED_NATIONS = "United Nations"
_NOT_A_DATE = frozenset({"now", "currently", "right now", "at present", "nowadays"})


class SentenceContext(NamedTuple):
    """A sentence with what the pipeline knows around it (a tuple: one is built for every sentence)."""

    text: str
    start: int
    end: int
    dates: list[DateMention]
    actors: list[FoundActor]
    context_date: DateMention | None
    published: dt.date | None
    body_index: int
    previous_actors: tuple[FoundActor, ...] = ()
    news_day: DateMention | None = None


def _main_part_end(ctx: SentenceContext) -> int:
    match = _SUBORDINATE.search(ctx.text, ctx.start, ctx.end)
    return match.start() if match else ctx.end


def _outside_main_clause(ctx: SentenceContext, *, with_subordinate: bool = False) -> list[tuple[int, int]]:
    """Spans of relative clauses, of an opening "According to ...," and of the trailing subordinate clause
    (unless `with_subordinate`)."""
    end = ctx.end if with_subordinate else _main_part_end(ctx)
    spans = [m.span() for m in _RELATIVE_CLAUSE.finditer(ctx.text, ctx.start, end)]
    aside = _ASIDE_OPENING.match(ctx.text, ctx.start, end)
    if aside is not None:
        spans.append(aside.span())
    return [*spans, (end, ctx.end)]


def _has_when_clause(ctx: SentenceContext, outside: list[tuple[int, int]]) -> bool:
    start = outside[-1][0]  # of the trailing subordinate clause (", when"), or the sentence's end
    return start < ctx.end and ctx.text[start : start + 7].lstrip(", \t\n").startswith("when")


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    # A loop rather than any() over a generator: it runs for every event word, actor and date.
    for start, stop in spans:  # noqa: SIM110
        if start <= position < stop:
            return True
    return False


def _main_clause_triggers(ctx: SentenceContext, outside: list[tuple[int, int]]) -> list[Trigger]:
    triggers = find_triggers(ctx.text, ctx.start, ctx.end, chronology_entry=_is_chronology_entry(ctx))
    return [trigger for trigger in triggers if not _inside(trigger.start, outside)]


def _is_chronology_entry(ctx: SentenceContext) -> bool:
    """ "- Feb. 3, 2021: The extension takes effect", "1988 - The legislature votes": a date, then the entry."""
    if not ctx.dates or ctx.dates[0].start - ctx.start > _ENTRY_BULLET_MAX:
        return False
    first = ctx.dates[0]
    bulleted = not ctx.text[ctx.start : first.start].strip(_ENTRY_BULLETS)
    return bulleted and _ENTRY_SEPARATOR.match(ctx.text, first.end) is not None


def _main_trigger(ctx: SentenceContext, triggers: list[Trigger]) -> Trigger:
    """The first finite verb, sharpened by a following participle; else the strongest noun.

    Words of a that-clause ("said that Russia attacked") are the content, not the act.
    """
    all_triggers = triggers
    complement = _COMPLEMENT.search(ctx.text, ctx.start, ctx.end)
    if complement and any(t.form != "noun" and t.start < complement.start() for t in triggers):
        triggers = [trigger for trigger in triggers if trigger.start < complement.start()]
    verbs = [trigger for trigger in triggers if trigger.form in ("past", "present")]
    if not verbs:
        verbs = [trigger for trigger in triggers if trigger.form == "participle"]
    if not verbs:
        return max(triggers, key=lambda trigger: (trigger.rank, -trigger.start))
    main = verbs[0]
    if _accuses_another(ctx, main, all_triggers):
        return Trigger(main.start, main.end, "ACCUSE", main.form)
    coordinated = _coordinated_act(ctx, main, all_triggers)
    if coordinated is not None:
        return coordinated
    if ctx.text.startswith("voted", main.start):
        # "voted on Thursday to withdraw from the CIS": the act voted for
        purpose = [t for t in all_triggers if t.start > main.end and ctx.text.endswith("to ", main.end, t.start)]
        if purpose:
            return Trigger(purpose[0].start, purpose[0].end, purpose[0].event_type, main.form)
    if main.event_type == "AGREE":
        content = _RESOLUTION_CONTENT.search(ctx.text, main.end, ctx.end)
        if content:
            content_type = _RESOLUTION_CONTENT_TYPE[content.group(1).split()[0].lower()]
            return Trigger(content.start(1), content.end(1), content_type, main.form)
    sharper = [t for t in triggers if t.form == "participle" and t.start > main.start and t.rank > main.rank]
    if main.event_type == "STATEMENT" and sharper and ctx.text[: sharper[0].start].rstrip().endswith(","):
        # "spoke to the media, calling out Russia's atrocities": the act keeps the verb's tense
        return Trigger(sharper[0].start, sharper[0].end, sharper[0].event_type, main.form)
    return main


def _says(ctx: SentenceContext, main: Trigger) -> bool:
    """Whether the act is a verb of saying ("said", "told", "insisted")."""
    return ctx.text[main.start : main.end].lower() in SAY_VERBS


def _accuses_another(ctx: SentenceContext, main: Trigger, triggers: list[Trigger]) -> bool:
    """ "X said Russia attacked Y": a statement whose content blames an actor other than the speaker."""
    if not _says(ctx, main):
        return False
    speaker = ctx.actors[0].mention.canonical_name if ctx.actors and ctx.actors[0].start < main.start else ""
    content = [
        t.start for t in triggers if t.start > main.end and t.form != "noun" and t.event_type in ACCUSING_CONTENT
    ]
    blame = BLAMING_WORDS.search(ctx.text, main.end, ctx.end)
    if blame is not None:
        content.append(blame.start())
    if not content:
        return False
    blamed = [a for a in ctx.actors if main.end <= a.start < min(content)]
    return any(actor.mention.canonical_name != speaker for actor in blamed)


def _coordinated_act(ctx: SentenceContext, main: Trigger, triggers: list[Trigger]) -> Trigger | None:
    """ "said the draft was flawed and voted against it": the speaker's second, specific act."""
    if main.event_type != "STATEMENT" or not _says(ctx, main):
        return None
    for trigger in triggers:
        after_and = ctx.text[max(ctx.start, trigger.start - 5) : trigger.start] == " and "
        if trigger.start > main.end and trigger.form == main.form and trigger.rank > 1 and after_and:
            return trigger
    return None


def _second_act(ctx: SentenceContext, main: Trigger, triggers: list[Trigger]) -> Trigger | None:
    """ "met Moon Jae-in on Friday, and the two leaders agreed to cooperate": a second act of
    another kind, by the same subject, on the same day."""
    if main.form != "past":
        return None
    for trigger in triggers:
        if (
            trigger.start > main.end
            and trigger.form == "past"
            and trigger.event_type not in (main.event_type, "STATEMENT")
            and _AND_THEN.search(ctx.text, max(main.end, trigger.start - _AND_THEN_REACH), trigger.start)
        ):
            return trigger
    return None


def _is_hypothetical(ctx: SentenceContext, main: Trigger, outside: list[tuple[int, int]]) -> bool:
    """Modal, negated, habitual, stative, conditional or future: something that did not simply happen."""
    if _CONDITIONAL_OPENING.match(ctx.text, ctx.start):
        return True
    futures = _FUTURE.finditer(ctx.text, ctx.start, main.start) if main.event_type != "CONSULT" else ()
    if any(not _inside(m.start(), outside) for m in futures):
        return True
    patterns = (_MODAL, _NEGATED, _HABITUAL, _STATIVE)
    return any(pattern.search(ctx.text, ctx.start, main.start) for pattern in patterns)


def _is_anonymous_report(ctx: SentenceContext, main: Trigger) -> bool:
    """ "..., officials said": the speaker is nobody the timeline can name."""
    if not _says(ctx, main):
        return False
    source = ANONYMOUS_SPEAKER.search(ctx.text, ctx.start, main.start)
    return source is not None and not any(source.start() - 2 <= a.end <= source.end() for a in ctx.actors)


def _is_continuation(ctx: SentenceContext, main: Trigger) -> bool:
    """A sentence whose speaker is only referred back to ("He added", "The minister said"),
    not named on the way ("Its president, Luis Arce, said")."""
    sentence = ctx.text[ctx.start : ctx.end]
    if _GROUP_SUBJECT.match(sentence):
        return False
    if sentence[:1] in '"\u201c':
        closing = [m for m in _ATTRIBUTION_AFTER_QUOTE.finditer(sentence, 1)]
        return bool(closing) and closing[-1].group(1).lower() in ("he", "she", "they", "it", "we")
    return bool(_CONTINUATION_SUBJECT.match(sentence)) and not _names_speaker_in_apposition(ctx, main)


def _names_speaker_in_apposition(ctx: SentenceContext, main: Trigger) -> bool:
    """ "Its president, Luis Arce, said": a person named between commas before the act, and not
    in the sentence before."""
    earlier = {actor.mention.canonical_name for actor in ctx.previous_actors}
    return any(
        ctx.start <= actor.start
        and actor.end < main.start
        and actor.mention.kind == "person"
        and actor.mention.canonical_name not in earlier
        and ctx.text.endswith(", ", ctx.start, actor.start)
        and ctx.text.startswith(",", actor.end)
        for actor in ctx.actors
    )


def names_a_thing(text: str, mention: DateMention) -> bool:
    if mention.value is None or mention.value.precision != "year" or not mention.text.isdigit():
        return False
    if _NUMBERED_RESOLUTION_BEFORE.search(text, max(0, mention.start - 24), mention.start):
        return True  # "resolution 2724 (2024)": the UN numbers its resolutions with their year
    return (
        _YEAR_AS_MODIFIER_BEFORE.search(text, max(0, mention.start - 6), mention.start) is not None
        and _YEAR_AS_MODIFIER_AFTER.match(text, mention.end) is not None
    )


def _usable_dates(ctx: SentenceContext, outside: list[tuple[int, int]]) -> list[DateMention]:
    """Resolved dates of the main clause that date an occurrence: "Russia, which invaded in 2022,
    condemned..." and "cannot accept the 2015 agreement" are undated."""
    usable = [
        d
        for d in ctx.dates
        if d.value is not None
        and d.text.lower() not in _NOT_A_DATE
        and not _inside(d.start, outside)
        and not names_a_thing(ctx.text, d)
    ]
    # "December last year", "formed in May 2017 and inaugurated at the summit last year": the
    # wider date only says which December, which May; the narrower one is the date.
    return [
        d
        for i, d in enumerate(usable)
        if not any(_nested_in(other, d) for other in usable[max(0, i - _NESTED_REACH) : i + _NESTED_REACH + 1])
    ]


# How many neighbouring dates of a sentence are compared: a sentence listing thousands stays linear.
_NESTED_REACH = 3


def _nested_in(inner: DateMention, outer: DateMention) -> bool:
    assert inner.value is not None and outer.value is not None
    return outer.value.contains(inner.value) and inner.value != outer.value


def _nearest(dates: list[DateMention], trigger: Trigger) -> DateMention:
    precision_order = {"day": 0, "range": 1, "month": 2, "year": 3}
    return min(
        dates,
        key=lambda d: (
            min(abs(d.start - trigger.end), abs(d.end - trigger.start)),
            precision_order[d.value.precision if d.value else "year"],
        ),
    )


def _coordinated_dates(text: str, dates: list[DateMention], chosen: DateMention) -> list[DateMention]:
    """ "visited China in February 2002 and July 2004", "met on Oct. 6 in Prague, and Oct. 31 in
    Sochi": one act on each date listed. Adjacent days stay one candidate: "talks on Monday and
    Tuesday" are one meeting over two days.
    """
    listed = [chosen]
    for date in dates:
        if (
            date.start > listed[-1].end
            and _LIST_SEPARATOR.fullmatch(text, listed[-1].end, date.start)
            and not _adjacent_days(listed[-1], date)
        ):
            listed.append(date)
    return listed


def _adjacent_days(first: DateMention, second: DateMention) -> bool:
    a, b = first.value, second.value
    if a is None or b is None:
        return True
    return "day" in (a.precision, b.precision) and abs((b.start - a.end).days) <= 1


def _inferred_date(ctx: SentenceContext, main: Trigger, subject_named: bool) -> DateMention | None:
    """A date for an undated sentence: the narrative's past date, or publication day."""
    if main.form not in ("past", "present") or not subject_named:
        return None
    # A live blog's time-stamped entry is news of the day, even in the present perfect.
    stamp = _TIMESTAMP.match(ctx.text, ctx.start)
    if stamp is not None and ctx.published is not None:
        value = DateValue(ctx.published, ctx.published, "day")
        return DateMention(*stamp.span(), stamp.group(), value, f"time-stamped entry of {ctx.published}")
    if _PERFECT.search(ctx.text, ctx.start, main.start):
        # "Rebels have arrived in Oslo": the opening sentence's perfect is the news itself
        if ctx.body_index > 0 or ctx.published is None:
            return None
        if ctx.news_day is not None:
            return _borrowed(ctx.news_day, "news of the opening sentence, on the news day")  # a caption dated it
        return _publication_day(ctx, ctx.published, f"news of the opening sentence, as of {ctx.published}")
    if main.form == "past" and _is_recent(ctx.context_date, ctx.published):
        if not _says(ctx, main):
            return _borrowed(ctx.context_date, "from context")
        if _spoke_just_before(ctx, main):
            return _borrowed(ctx.context_date, "the speaker's statement of the sentence before")
    if main.form == "past" and ctx.news_day is not None:
        return _borrowed(ctx.news_day, "the news day")
    reporting_now = main.form == "present" and main.event_type == "STATEMENT"
    in_lede = main.form == "past" and ctx.body_index < LEDE_SENTENCES
    if ctx.published is None or not (reporting_now or in_lede):
        return None
    return _publication_day(ctx, ctx.published, f"no date in the sentence; reported as of publication {ctx.published}")


def _spoke_just_before(ctx: SentenceContext, main: Trigger) -> bool:
    """ "Peskov said on Friday that... '...,' Peskov told journalists": one appearance of one speaker."""
    named_before = [actor.mention for actor in ctx.actors if actor.start < main.start]
    speaker = named_before[-1] if named_before else None  # the name nearest "said" is who says
    return (
        speaker is not None
        and speaker.kind == "person"
        and any(actor.mention.canonical_name == speaker.canonical_name for actor in ctx.previous_actors)
    )


def _publication_day(ctx: SentenceContext, published: dt.date, explanation: str) -> DateMention:
    return DateMention(ctx.start, ctx.start, "", DateValue(published, published, "day"), explanation)


def _borrowed(source: DateMention, how: str) -> DateMention:
    """Another sentence's date, for a sentence that states none."""
    return DateMention(source.start, source.end, source.text, source.value, f"{how}: {source.explanation}")


def is_news_day(date: DateMention, published: dt.date | None) -> bool:
    """A day at most a week before publication, the day a lede dates its news to."""
    value = date.value
    return (
        published is not None
        and value is not None
        and value.precision == "day"
        and 0 <= (published - value.start).days <= NEWS_DAY_MAX_AGE_DAYS
    )


def _is_recent(date: DateMention | None, published: dt.date | None) -> TypeGuard[DateMention]:
    if date is None or date.value is None:
        return False
    return published is None or (published - date.value.start).days <= CONTEXT_DATE_MAX_AGE_DAYS


def _is_future(date: DateMention, published: dt.date | None) -> bool:
    """After publication, or ahead of it in the same period ("later this month")."""
    if published is None or date.value is None:
        return False
    return date.value.start > published or (
        date.value.end >= published and date.text.lower().startswith(_FUTURE_DATE_WORDS)
    )


def _dates_something_else(ctx: SentenceContext, main: Trigger, date: DateMention) -> bool:
    """A future date in what a speaker says ("said visas will be waived from April 1") or before a
    past act ("Ahead of next year's anniversary, they agreed") is not when the act happened."""
    if not _is_future(date, ctx.published):
        return False
    return _says(ctx, main) or (main.form == "past" and date.start < main.start)


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


def _with_referred_actors(ctx: SentenceContext) -> SentenceContext:
    """ "The two leaders signed...", "He urged...", "They agreed...": the previous sentence's
    people (and, for a group, states) act again."""
    pronoun = _pronoun_subject(ctx)
    plural = pronoun is not None and pronoun.group("pronoun") in ("They", "they")
    if plural or _GROUP_SUBJECT.match(ctx.text, ctx.start):
        referred = [a for a in ctx.previous_actors if a.mention.kind in ("person", "country")]
    elif pronoun is not None:
        referred = [a for a in ctx.previous_actors if a.mention.kind == "person"][:1]
    else:
        return ctx
    return ctx._replace(actors=[*referred, *ctx.actors]) if referred else ctx


def _pronoun_subject(ctx: SentenceContext) -> re.Match[str] | None:
    """ "He urged...", or after an opening phrase that names nobody: "A day later, in a speech, he said"."""
    pronoun = _PERSONAL_PRONOUN_SUBJECT.match(ctx.text, ctx.start)
    if pronoun is not None or ctx.text.find(", ", ctx.start, ctx.start + _OPENING_MAX) < 0:
        return pronoun
    opening = _PRONOUN_AFTER_OPENING.match(ctx.text, ctx.start, ctx.end)
    if opening is None or any(actor.start < opening.start("pronoun") for actor in ctx.actors):
        return None
    return opening


def _speaker_first(ctx: SentenceContext, main: Trigger) -> SentenceContext:
    """'"China has to act," Biden told reporters': the speaker, named after the quote, leads the actors."""
    quote_end = max(ctx.text.rfind('"', ctx.start + 1, main.start), ctx.text.rfind("\u201d", ctx.start + 1, main.start))
    speakers = [actor for actor in ctx.actors if actor.start > quote_end]
    if not speakers or quote_end < 0:
        return ctx
    return ctx._replace(actors=[*speakers, *(actor for actor in ctx.actors if actor.start < quote_end)])


def _acts_again(ctx: SentenceContext, main: Trigger) -> bool:
    """ "He urged...": a new act of an actor referred back to; "He added..." only goes on speaking."""
    referred = ctx.actors[0].start < ctx.start
    return referred and main.event_type != "STATEMENT" and not _says(ctx, main)


def _is_not_an_event(ctx: SentenceContext, main: Trigger, outside: list[tuple[int, int]]) -> bool:
    if main.form == "noun" and not any(actor.mention.kind in ("person", "country") for actor in ctx.actors):
        return True  # "the April gathering is expected to...": an event word but nobody acting
    first_word = ctx.text[main.start : main.end].split()[0].lower()
    if first_word in TRAVEL_VERBS and not any(a.start < main.start for a in ctx.actors):
        return True  # "the shipment arrived in China": a trip needs a traveller
    if _is_economic_statement(ctx, main):
        return True
    return _is_hypothetical(ctx, main, outside)


def _is_economic_statement(ctx: SentenceContext, main: Trigger) -> bool:
    """ "Brazil announced a record harvest": market news, not a state's diplomatic statement."""
    if main.event_type != "STATEMENT" or any(a.mention.kind == "person" for a in ctx.actors):
        return False
    return ECONOMIC_NEWS.search(ctx.text, ctx.start, ctx.end) is not None


def _undated(ctx: SentenceContext, acts: list[Trigger], subject_named: bool) -> list[Candidate]:
    """The acts of a sentence that states no date of its own, on the date inferred for it, if any."""
    inferred = _inferred_date(ctx, acts[0], subject_named)
    return [] if inferred is None else [_candidate(ctx, act, inferred, explicit=False) for act in acts]


def sentence_candidates(ctx: SentenceContext) -> list[Candidate]:
    """Zero, one, or (an act plus the meeting it schedules) two candidates."""
    ctx = _with_referred_actors(ctx)
    if not ctx.actors:
        return []
    outside = _outside_main_clause(ctx)
    # Who acts is named in the main clause; "just as Russia began attacking" names bystanders.
    actors = [a for a in ctx.actors if not _inside(a.start, outside)]
    triggers = _main_clause_triggers(ctx, outside) if actors else []
    if not triggers and _has_when_clause(ctx, outside):
        # "The first came in June 2000, when Kim Dae-jung flew to Pyongyang": the clause tells what happened then
        outside = _outside_main_clause(ctx, with_subordinate=True)
        actors = [a for a in ctx.actors if not _inside(a.start, outside)]
        triggers = _main_clause_triggers(ctx, outside) if actors else []
    if not triggers:
        return []
    if len(actors) < len(ctx.actors):
        ctx = ctx._replace(actors=actors)  # only when needed: _replace() costs more than the check
    main = _main_trigger(ctx, triggers)
    if _is_anonymous_report(ctx, main):
        # "Officials said Russia launched 90 missiles": the reported act is the event, if there is one
        reported = [t for t in triggers if t.start > main.end and t.form in ("past", "present") and t.rank > 0]
        if not reported:
            return []
        main = reported[0]
    if ctx.text.startswith(('"', "\u201c"), ctx.start) and _says(ctx, main):
        ctx = _speaker_first(ctx, main)
    if _is_not_an_event(ctx, main, outside):
        return []
    dates = _usable_dates(ctx, outside)
    second = _second_act(ctx, main, triggers)
    acts = [main] if second is None else [main, second]
    subject_named = ctx.actors[0].start < main.start and (_acts_again(ctx, main) or not _is_continuation(ctx, main))
    if not dates:
        return _undated(ctx, acts, subject_named)
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
    if any(_dates_something_else(ctx, main, date) for date in dates):
        dates = [date for date in dates if not _dates_something_else(ctx, main, date)]
        if not dates:
            return _undated(ctx, [main], subject_named)
        chosen = _nearest(dates, main)
    listed = _coordinated_dates(ctx.text, dates, chosen)
    if len(listed) > 1:
        return [_candidate(ctx, main, date, explicit=True) for date in listed]
    return [_candidate(ctx, act, chosen, explicit=True) for act in acts]
