"""Words that state a diplomatic event, mapped to PLOVER root types.

Looked up word by word (a dict), with phrase patterns tried only where their first
word stands: one big alternation regex was the engine's slowest part.
"""

from __future__ import annotations

import re
from typing import Literal, NamedTuple

from articles.extraction.wordsets import prefix_alternation, word_set

Form = Literal["past", "present", "participle", "noun"]

# Specific acts outrank meetings, which outrank plain statements, when a sentence has no verb.
RANK = {"STATEMENT": 0, "CONSULT": 1}
SPECIFIC_RANK = 2

_MEETING_NOUN = r"(?:meeting|talks|call|phone call|conversation|consultations|discussions?|summit|session|dialogue)"
_ISSUED = r"issue[sd]\s+(?:an?\s+|the\s+|its\s+)?(?:[\w-]+\s+){0,2}"
# Phrases first: they decide the type where their words alone would mislead.
PHRASES: tuple[tuple[str, str, str], ...] = (
    # "held the eighth Japan-India Foreign Ministers' Strategic Dialogue"
    ("CONSULT", "held hold holds holding", rf"\w+\s+(?:an?\s+)?(?:[\w'-]+\s+){{0,6}}{_MEETING_NOUN}\b"),
    # "had talks", "has had phone talks"; not the perfect of another verb ("had suggested the summit")
    ("CONSULT", "had have has", rf"\w+\s+(?:an?\s+)?(?:(?![\w-]*ed\b)[\w-]+\s+){{0,4}}{_MEETING_NOUN}\b"),
    (
        "STATEMENT",
        "held hold holds holding gave give gives",
        r"\w+\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}(?:briefing|press conference|news conference|speech|address)\b",
    ),
    ("CONSULT", "spoke speaks talked met", r"\w+(?:\s+[\w-]+){0,5}\s+(?:to|with)\s+(?:the\s+)?(?=(?-i:[A-Z@]))"),
    # a chronology's historic present: "1988 - The legislature votes to join Armenia",
    # "2020 - Armenia and Azerbaijan sign a ceasefire"
    ("AGREE", "votes", r"votes\s+to\b"),
    (
        "AGREE",
        "sign",
        r"sign\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}(?:deal|agreement|accord|treaty|ceasefire|truce|pact|memorandum)s?\b",
    ),
    ("SUPPORT", "voted votes", r"vote[sd]\s+(?:for|in\s+favou?r)\b"),
    ("REJECT", "voted votes", r"vote[sd]\s+against\b"),
    # "issued a joint declaration", "issued a stark warning": what was issued tells the act
    ("STATEMENT", "issued issues", rf"{_ISSUED}(?:statement|declaration|communiqu[eé])\b"),
    ("THREATEN", "issued issues", rf"{_ISSUED}(?:warning|ultimatum)\b"),
    # "submitted an application for full UN membership", "applied for observer status"
    (
        "REQUEST",
        "submitted submits filed files",
        r"(?:submit|file)\w*\s+(?:an?\s+|the\s+|its\s+|a\s+formal\s+)?(?:[\w-]+\s+){0,2}(?:application|request|bid)\b",
    ),
    ("REQUEST", "applied applies", r"appl(?:ied|ies)\s+(?:for|to\s+join)\b"),
    # "made an impassioned plea to delegates", "issued an appeal"
    ("REQUEST", "made makes", r"ma(?:de|kes)\s+(?:an?\s+|the\s+|its\s+)?(?:[\w-]+\s+){0,2}(?:plea|appeal)\b"),
    # "took its case to The Hague", "brought its complaint against the EU", "filed a mirror case"
    (
        "ACCUSE",
        "filed files took takes brought brings",
        r"(?:file[sd]?|t(?:ook|akes)|br(?:ought|ings))\s+(?:an?\s+|the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}"
        r"(?:case|complaint|lawsuit|suit)\b",
    ),
    # "admitted China, India and Japan as permanent observers"
    ("AGREE", "admitted admits", r"admit\w*\s+(?:[\w,'-]+\s+){0,8}?as\s+(?:[\w-]+\s+)?(?:members?|observers?)\b"),
    ("REJECT", "put puts", r"puts?\s+off\b"),
    # "Finland became NATO's 31st member"
    ("COOPERATE", "became becomes", r"bec(?:ame|omes)\s+(?:an?\s+|the\s+)?(?:[\w'-]+\s+){0,3}member\b"),
    # "paid a courtesy call on", "paid a state visit to"
    ("CONSULT", "paid pays", r"pa(?:id|ys)\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}(?:call|visit)\b"),
    # "The Council adopted a new package of sanctions": the EU's way of imposing them.
    (
        "SANCTION",
        "adopted adopts",
        r"adopt\w*\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,4}(?:sanctions|restrictive\s+measures)\b",
    ),
    (
        "AGREE",
        "concluded concludes",
        r"conclude\w*\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}(?:deals?|agreements?|accords?|treat(?:y|ies)|pacts?)\b",
    ),
    # "received H.E. Gedion Timothewos", "receives Foreign Minister Wang Yi": a host meets a guest.
    ("CONSULT", "received receives receiving", r"receiv\w*\s+(?:H\.\s?E\.\s+)?(?=(?-i:[A-Z]))(?![\w.-]+'s\b)"),
    # "established full diplomatic relations", "restored ties": agreements between states
    (
        "AGREE",
        "established establishes establish restored restores restore",
        r"(?:establish|restor)\w*\s+(?:full\s+|formal\s+)?(?:diplomatic\s+)?(?:relations|ties)\b",
    ),
    # "closed its embassy in Damascus", "closed their borders with Mali"
    (
        "SANCTION",
        "closed closes close",
        r"clos\w*\s+(?:its|their|the|his|her)\s+(?:[\w-]+\s+){0,2}(?:embassy|embassies|consulates?|borders?|airspace)\b",
    ),
    ("AGREE", "passed", r"passed\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}(?:resolution|law|bill|motion|act)\b"),
    (
        "COOPERATE",
        "exchanged prisoner joint",
        r"(?:exchanged\s+prisoners|prisoner\s+exchange|joint\s+(?:statement|exercises?))\b",
    ),
    ("AID", "humanitarian military financial", r"\w+\s+(?:aid|assistance)\b"),
    ("RETREAT", "pulled", r"pulled\s+out\b"),
    ("CONCEDE", "released releases freed", r"\w+\s+(?:[\w-]+\s+){0,3}(?:prisoners|hostages|detainees|captives)\b"),
    # "called the result \u201ca victory for sovereignty\u201d": a verdict, quoted
    (
        "STATEMENT",
        "called calling calls",
        r"call\w*\s+(?:it|this|that|them|(?:the|his|her|its|their)\s+(?:[\w-]+\s+){0,2}?[\w-]+)\s+[\"\u201c]",
    ),
    ("REQUEST", "called calling calls", r"call\w*\s+(?:on|for)\b"),
    ("ACCUSE", "called calling calls", r"call\w*\s+out\b"),
    ("CONSULT", "called calls", r"call\w*\s+(?=(?-i:[A-Z@]))"),  # "Putin called Xi on Monday"
    ("REJECT", "ruled", r"ruled\s+out\b"),
    ("CONSULT", "shook shakes shake shaking", r"sh(?:ook|akes?|aking)\s+hands\b"),
    # "expressed serious concern about China's military activities": criticism, said politely
    ("ACCUSE", "expressed expresses", r"express\w*\s+(?:[\w-]+\s+){0,2}(?:concerns?|alarm)\b"),
    ("SUPPORT", "expressed expresses", r"express\w*\s+(?:[\w-]+\s+){0,2}(?:support|solidarity)\b"),
    # "The Council failed to adopt a draft": the vote's outcome, whatever the draft condemned.
    ("REJECT", "failed fails", r"fail\w*\s+to\s+(?:adopt|pass|approve)\b"),
    ("MOBILIZE", "military", r"military\s+(?:drills|exercises)\b"),
    (
        "ASSAULT",
        "launched launches fired fires",
        r"(?:launch|fire)\w*\s+(?:[\w-]+\s+){0,3}(?:attacks?|strikes?|missiles?|rockets?|drones?|offensive|shells|"
        r"(?:military|ground)\s+operations?)\b",
    ),
    # A trip is a visit: "flew to Kyiv", "arrived in Beijing", "traveled to Moscow", "landed at Sunan airport".
    (
        "CONSULT",
        "arrived arrives flew flies traveled travelled travels landed",
        r"\w+\s+(?:in|to|at)\s+(?=(?-i:[A-Z]))",
    ),
    # "flew in late on Sunday": arrived where the story is
    ("CONSULT", "flew flies", r"\w+\s+in\s+(?=(?:late|early|on|overnight|yesterday|today|from)\b)"),
    # "struck a deal" is an agreement and "struck a conciliatory tone" a statement, neither an attack.
    (
        "AGREE",
        "struck strikes strike striking",
        r"str(?:uck|ikes?|iking)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}(?:deals?|agreements?|bargains?|accords?)\b",
    ),
    (
        "STATEMENT",
        "struck strikes strike striking",
        r"str(?:uck|ikes?|iking)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}(?:tone|note|chord)\b",
    ),
    ("REJECT", "cast casts", r"casts?\s+(?:a|its|their|his|her)\s+veto\b"),
    # "bears responsibility", "is responsible for": blame stated without "accused".
    ("ACCUSE", "bears bear bore holds held", r"\w+\s+(?:\w+\s+)?responsib(?:ility|le)\b"),
)
WORDS: tuple[tuple[str, str], ...] = (
    (
        "CONSULT",
        "met meet meets meeting meetings talks talked visit visits visited visiting summit summits "
        "session sessions consultations negotiations negotiated negotiating discussion discussions "
        "discussed hosted hosts conferred gathering gathered gathers gather convened convenes toured tours",
    ),
    (
        "STATEMENT",
        "said says told tells stated announced announces announcing declared declares confirmed "
        "confirms clarified stressed emphasized emphasised insisted reiterated spoke speaks addressed "
        "addresses addressing speech remarks speakers briefing briefed statement tweeted expressed expresses "
        "ruled rules replied replies responded wrote posted",
    ),
    (
        "AGREE",
        "signed signs signing agreed agrees agreement accord treaty approved approving approves "
        "adopted adopting adopts ratified pledged pledges promised authorized authorised authorizes authorises voted "
        "accepted accepts",
    ),
    (
        "SUPPORT",
        "supported supports backed backs endorsed endorses welcomed welcomes praised praises recognized recognised "
        "hailed hails",
    ),
    ("CONCEDE", "conceded concedes lifted eased apologized apologised granted grants"),
    ("COOPERATE", "cooperated cooperates"),
    ("AID", "provided provides delivered delivers donated donates"),
    ("RETREAT", "withdrew withdraws withdrawn withdrawing withdraw evacuated retreated"),
    (
        "REQUEST",
        "requested requests asked asks urged urges urging appealed appeals demanded demands "
        "demanding invited invites invitation proposed proposes implored ordered orders reminded reminds",
    ),
    ("ACCUSE", "accused accuses accusing blamed blames blaming alleged alleges denounced denounces"),
    (
        "REJECT",
        "rejected rejects rejecting refused refuses dismissed dismisses vetoed vetoes veto denied denies boycotted "
        "opposed opposes cancelled canceled postponed blocked blocks",
    ),
    ("THREATEN", "threatened threatens threatening warned warns warning ultimatum"),
    (
        "PROTEST",
        "condemned condemns condemning protested protests criticized criticised criticizes criticises summoned summons "
        "slammed slams",
    ),
    (
        "SANCTION",
        "sanctioned sanctions imposed imposes expelled expels suspended suspends embargo tariffs severed froze freezes "
        "designated designates",
    ),
    ("MOBILIZE", "deployed deploys deploying mobilized mobilised mobilizes mobilises"),
    ("COERCE", "arrested arrests detained detains seized seizes blockade banned bans"),
    (
        "ASSAULT",
        "attacked attacks attacking struck strikes shelled shelling bombed bombing bombarded bombarding killed invaded "
        "invades invasion",
    ),
)
# A chronology's entries tell their acts in the historic present, often in the base form
# ("- April 8, 2010: Obama and Medvedev sign New START"); elsewhere the base form is mostly an
# infinitive ("agreed to sign"), no act of its own.
CHRONOLOGY_BASE_FORMS: tuple[tuple[str, str], ...] = (
    ("AGREE", "sign agree vote ratify adopt approve"),
    ("CONSULT", "meet visit"),
    ("STATEMENT", "announce declare"),
    ("REJECT", "reject veto"),
    ("SANCTION", "impose expel suspend"),
    ("ASSAULT", "attack invade"),
    ("ACCUSE", "accuse"),
    ("PROTEST", "condemn"),
    ("CONCEDE", "release"),
    ("SUPPORT", "recognize recognise"),
)
_WORD_TYPES: dict[str, str] = {word: kind for kind, words in WORDS for word in words.split()}
_BASE_FORM_TYPES: dict[str, str] = {word: kind for kind, words in CHRONOLOGY_BASE_FORMS for word in words.split()}
_PHRASES_BY_FIRST_WORD: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
for _kind, _first_words, _pattern in PHRASES:
    for _word in _first_words.split():
        _PHRASES_BY_FIRST_WORD.setdefault(_word, []).append((_kind, re.compile(_pattern, re.IGNORECASE)))

# The words a trigger can start with, found in one pass over the lowercased sentence:
# most words of a sentence are none, and a case-sensitive search runs twice as fast.
_FIRST_WORD = re.compile(
    rf"(?<![a-z])(?:{prefix_alternation({*_WORD_TYPES, *_PHRASES_BY_FIRST_WORD, *_BASE_FORM_TYPES})})(?![a-z])"
)
_IRREGULAR_PAST = word_set("met held had told said spoke struck withdrew withdrawn gave froze flew cast bore shook")
# Nouns, and the adjectives that open noun phrases ("humanitarian aid").
_NOMINAL = word_set(
    """
    meeting meetings talks summit summits session sessions consultations negotiations discussion
    discussions gathering speech remarks speakers briefing statement agreement accord treaty embargo
    tariffs blockade ultimatum invasion invitation warning visit call address exchange assistance aid
    exercises drills sanctions humanitarian military financial prisoner joint veto
    """
)


class Trigger(NamedTuple):
    """An event word or phrase of a sentence (a tuple: one is built for every event word)."""

    start: int
    end: int
    event_type: str
    form: Form

    @property
    def rank(self) -> int:
        return RANK.get(self.event_type, SPECIFIC_RANK)


def _form(first_word: str, last_word: str) -> Form:
    if first_word in _IRREGULAR_PAST or first_word.endswith("ed"):
        return "past"
    if first_word in _NOMINAL:
        return "noun"
    if first_word.endswith("ing"):
        return "participle"
    return "noun" if first_word == last_word and last_word in _NOMINAL else "present"


def _phrase_at(text: str, word: str, start: int, end: int) -> tuple[str, int] | None:
    for kind, pattern in _PHRASES_BY_FIRST_WORD.get(word, ()):
        match = pattern.match(text, start, end)
        if match:
            return kind, match.end()
    return None


def _lowercased(sentence: str) -> str:
    """The sentence lowercased, each character where it was and ASCII letters only where they were.

    Of all characters only "\u0130" lowercases to two and the Kelvin sign to "k": neither is an
    ASCII letter, so both become NUL first.
    """
    return sentence.replace("\u0130", "\0").replace("\u212a", "\0").lower()


def find_triggers(text: str, start: int, end: int, *, chronology_entry: bool = False) -> list[Trigger]:
    """Event words and phrases of text[start:end], in text order, not overlapping; base forms
    too in a chronology's entry."""
    found: list[Trigger] = []
    covered_until = start
    # The sentence alone is searched, so that a word cut at `start` still counts as a word.
    for match in _FIRST_WORD.finditer(_lowercased(text[start:end])):
        word_start = start + match.start()
        if word_start < covered_until:
            continue
        word = match.group()
        phrase = _phrase_at(text, word, word_start, end)
        if phrase is not None:
            kind, phrase_end = phrase
            last_word = text[word_start:phrase_end].split()[-1].lower()
            found.append(Trigger(word_start, phrase_end, kind, _form(word, last_word)))
            covered_until = phrase_end
        elif word in _WORD_TYPES:
            found.append(Trigger(word_start, start + match.end(), _WORD_TYPES[word], _form(word, word)))
        elif chronology_entry and word in _BASE_FORM_TYPES:
            found.append(Trigger(word_start, start + match.end(), _BASE_FORM_TYPES[word], "present"))
    return found


# Words that tell who speaks, and about what: read by the event rules, not triggers themselves.
# Unnamed sources: "analysts said", "officials said" report others' acts, they are not an actor's statement.
ANONYMOUS_SPEAKER = re.compile(
    r"\b(?:analysts?|officials?|sources?|diplomats?|experts?|observers?|traders?|economists?|investors?|"
    r"witnesses|residents|people familiar with (?:the )?\w+|reports?|the company|the firm|critics)\s+"
    r"(?:(?:in|at|from)\s+(?:the\s+)?[\w.-]+\s+|\w+\s+)?$",  # "officials in Paris said"
    re.IGNORECASE,
)

SAY_VERBS = frozenset(("said", "says", "told", "tells", "stated", "declared", "insisted", "stressed", "added"))

# Content of a statement that makes the statement an accusation: "said Russia attacked".
ACCUSING_CONTENT = frozenset(("ASSAULT", "COERCE", "ACCUSE"))
# Blame without an act: "said Russia had chosen to side with a murderous regime".
BLAMING_WORDS = re.compile(
    r"\b(?:malign|murderous|illegal|illegitimate|unlawful|violat(?:ed|es|ing|ions?)|aggression|war crimes?|"
    r"genocidal|atrocities|terrorist|lied|lying|destabili[sz]ing)\b"
)

# A trip is an event only with a traveller named before it ("the shipment arrived in China").
TRAVEL_VERBS = frozenset(("arrived", "arrives", "flew", "flies", "traveled", "travelled", "travels", "landed"))

# "Brazil announced a record harvest": a state's statement about markets is business news.
ECONOMIC_NEWS = re.compile(
    r"%|\b(?:percent|per cent|shares|stocks?|prices?|profits?|revenues?|earnings|sales|output|harvest|"
    r"GDP|inflation|interest rates?|quarter|growth|investors)\b"
)
