"""Who is named in a text: dictionary actors, their aliases and surnames, titled strangers."""

from __future__ import annotations

import json
import re
from bisect import bisect_left, insort
from collections.abc import Iterable, Sequence
from functools import cache
from itertools import accumulate
from operator import itemgetter
from pathlib import Path
from typing import Any, NamedTuple

from articles.extraction.types import ActorEntry, ActorMention
from articles.extraction.wordsets import positions_of, word_set

DATA_DIR = Path(__file__).parent / "data"

# Initialisms as "U.S." rather than "(?:[A-Z]\.){2,}": re starts the counted repeat at every word.
_TOKEN = re.compile(r"[A-Z]\.(?:[A-Z]\.)+|@\w+|\w+(?:[-'\u2019]\w+)*")
# The same, captured, for split(): words and the text between them, with no match object per word.
_BETWEEN_TOKENS = re.compile(f"({_TOKEN.pattern})")
_POSSESSIVE = re.compile(r"['\u2019]s$")
_POSSESSIVE_ENDS = re.compile(r"'s$", re.MULTILINE)
MAX_ALIAS_TOKENS = 9
# "the French, German, Italian and British foreign ministers": how far a list of demonyms is read
MAX_LISTED_DEMONYM_TOKENS = 8

# Words that make the next proper name a person's title, or a preceding country a modifier.
TITLE_WORDS: frozenset[str] = word_set(
    """
    President Vice Prime Minister Foreign Deputy Ambassador Secretary Secretary-General Chancellor
    King Queen Prince Crown Emir Sheikh Sultan Premier Spokesperson Spokesman Spokeswoman Envoy
    Special Senator Governor Mayor General Gen Admiral Commissioner Director Chair Chairman
    Chairwoman Speaker Defense Defence Interior Finance Interim Acting Former Supreme Leader
    Ayatollah Cardinal Pope Marshal Colonel Commander Chief Representative Permanent High
    president prime minister foreign deputy ambassador secretary envoy spokesperson spokesman
    spokeswoman leader interim chief top defense defence delegation representative mission
    Mr Mrs Ms Dr
    """
)
# Nouns after a demonym that make it stand for the state ("the Russian government").
STATE_NOUNS: frozenset[str] = word_set(
    """
    government governments authorities side forces troops military army navy officials diplomats tanks
    delegation embassy leadership regime administration state warplanes drones missiles
    negotiators mediators warships jets bombers soldiers ministry parliament lawmakers envoys
    """
)
# Words before a city that make it a place rather than a government ("in Moscow").
PLACE_PREPOSITIONS: frozenset[str] = word_set(
    "in to at from into near outside visit visited visiting visits toward towards via across"
)
_TITLE_PATTERN = (
    r"(?:(?:Deputy|Vice|Acting|Interim|Former|Prime|Foreign|Defen[cs]e|Finance|Interior|Chief|"
    r"Senior|Special|Permanent|Supreme|Crown|National Security|"
    # wire style writes a title before a name in lower case: "Israel's ambassador to the UN, Ron Prosor"
    r"deputy|vice|acting|interim|former|prime|foreign|defen[cs]e|finance|interior|chief|senior|special|"
    r"presidential|national\s+security)\s+)*"
    r"(?:President|Minister|Ambassador|Secretary-General|Secretary(?:\s+of\s+State)?|Chancellor|"
    r"King|Queen|Prince|Emir|Sheikh|Premier|Spokes(?:person|man|woman)|Envoy|Senator|Sen\.|"
    r"Governor|Gen\.|Admiral|Commissioner|Adviser|Advisor|Leader|Ayatollah|Cardinal|"
    r"Representative|Rep\.|Chairman|Chairwoman|Chair|Speaker|counterpart|spokes(?:person|man|woman)|"
    r"president|minister|ambassador|envoy|secretary|leader|premier|chancellor|advis[eo]r|General|Colonel|Commander|"
    # "H.E. Ms. Sushma Swaraj", "Dr. Tedros Adhanom Ghebreyesus"
    r"Mr\.?|Mrs\.?|Ms\.?|Dr\.?)"
    # "Ambassador to the UN Serhiy Kyslytsya"
    r"(?:\s+to\s+(?:the\s+)?(?:UN|U\.N\.|United\s+Nations|EU|[A-Z][a-z]+))?"
    # "Minister of Foreign Affairs Bui Thanh Son": a ministry's name, with no comma before the name
    r"(?:\s+of\s+(?:the\s+)?(?:Foreign\s+Affairs|State|Defen[cs]e|Finance|Interior|Justice|Trade|Economy))?"
)
_NAME_PATTERN = r"[A-Z][\w'\u2019]+(?:-[A-Z]?[\w'\u2019]+)*"
# Titles that may stand right before a surname: "President Obama", "Foreign Minister Lavrov", "Mr Straw".
_SURNAME_TITLES = word_set(
    """
    President Premier Chancellor Minister Secretary Secretary-General State Ambassador Envoy Senator Sen
    Governor King Queen Prince Emir Sheikh Sultan General Gen Admiral Speaker Mr Mrs Ms Dr
    """
)
# "Tae-yul", "Jae-in": a Korean given name, written after the family name.
_KOREAN_GIVEN_NAME = re.compile(r"[A-Z][a-z]+-[a-z]+")
# Common Chinese, Korean and Vietnamese family names, which come first: "Wang" of "Wang Yi".
_EAST_ASIAN_FAMILY_NAMES = word_set(
    """
    Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo Lin Luo Gao Zheng Liang
    Xie Song Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai Jiang Yu Du Cheng Wei
    Su Lu Ding Ren Shen Yao Jin Qin Xi Fu Bai Cui Meng Qian Qiu Hou Shi Tan Lai Mao Yan
    Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Moon Shin Ahn Hwang Kwon Ban Roh Chung
    Nguyen Tran Pham Phan Vo Bui Dang Ngo Duong
    """
)
# "Steven T. Mnuchin": US releases give a middle initial that the canonical name leaves out.
_MIDDLE_INITIAL = re.compile(r"\s[A-Z]\.(?=\s)")
_NAME_TAIL = rf"\s+(?:(?:al|bin|ibn|de|da|van|von|der|el|abu)[\s-])?{_NAME_PATTERN}"
_FULL_NAME = (
    # "K Natwar Singh", "S. Jaishankar": South Asian names often open with initials
    rf"(?:(?:[A-Z]\.?\s+){{1,2}}{_NAME_PATTERN}(?:{_NAME_TAIL}){{0,3}}"
    rf"|{_NAME_PATTERN}(?:\s+[A-Z]\.)?(?:{_NAME_TAIL}){{1,3}})"
)
_TITLED_PERSON = re.compile(
    # "The UK Foreign Secretary, Jack Straw, has arrived": a name set off by commas
    rf"\b{_TITLE_PATTERN}(?:\s+of\s+[A-Z][^,.;]{{1,60}}?,|,(?=\s+{_FULL_NAME},))?\s+({_FULL_NAME})"
)
# "Maria Zakharova, Foreign Ministry spokeswoman,", "Sushma Swaraj, Minister of External Affairs of India,"
_BARE_APPOSITIVE_TITLE = (
    r"(?:[\w-]+\s+){0,2}(?:[Ss]pokes(?:person|man|woman)|[Aa]dvis[eo]r|[Mm]inister|[Aa]mbassador|[Ee]nvoy)"
)
# "Luis Lacalle Pou, Uruguay's president,": a state's possessive stands for the article
_APPOSITIVE_DETERMINER = r"(?:the|a|an|its|his|her|[A-Z][\w.-]+['\u2019]s)"
_APPOSITIVE_PERSON = re.compile(
    rf"({_FULL_NAME}),\s+(?:{_APPOSITIVE_DETERMINER}\s+(?:[\w-]+\s+){{0,3}}"
    r"(?:\w+-)?(?:minister|ambassador|envoy|spokes(?:person|man|woman)|president|premier|chair|chairman|chief|"
    r"secretary|adviser|advisor|director|commissioner|leader|official|general|head)"
    # "Maria Zakharova, Foreign Ministry spokeswoman,": wire style leaves the article out
    rf"|{_BARE_APPOSITIVE_TITLE})\b"
)
# '"There is no Wagner in Mali," Abdoulaye Diop told reporters': the attribution of a quote names its speaker.
_QUOTED_SPEAKER = re.compile(
    rf"[,!?][\"\u201d]\s+({_FULL_NAME})\s+(?:said|says|told|tells|added|insisted|stressed|wrote)\b"
)
# "Lithuania's Gabrielius Landsbergis": a full name after a state's possessive is one of its people.
_POSSESSED_NAME = re.compile(rf"['\u2019]s\s+({_FULL_NAME})")
_MILITARY_RANK = re.compile(
    r"(?:(?:Rear|Vice|Lieutenant|Major|Brigadier|Captain|Commodore|Admiral|General|Colonel|Commander|Sergeant|"
    r"Lt\.|Col\.|Maj\.|Capt\.|Gen\.)\s+)+"
)
# A body the dictionary lacks, named by the noun that ends its name: found by that noun (str.find
# is many times cheaper than a regex scan) and then by the capitalized words before it.
_BODY_NOUNS = (
    "Council",
    "Forum",
    "Commission",
    "Committee",
    "Tribunal",
    "Alliance",
    "Coalition",
    "Movement",
    "Secretariat",
    "Association",
)
# "the Indian Council of World Affairs": a longer name, which is no actor's
_NAME_GOES_ON = re.compile(r"[\w'\u2019]|\s+(?:of|for|on)\s+[A-Z]")
_BODY_NAME_BEFORE = re.compile(r"(?:[A-Z][\w-]+\s+){1,4}$")
_TITLE_STARTS = word_set(
    """
    Deputy Vice Acting Interim Former Prime Foreign Defense Defence Finance Interior Chief Senior Special
    Permanent Supreme Crown National President Minister Ambassador Secretary-General Secretary Chancellor
    King Queen Prince Emir Sheikh Premier Spokesperson Spokesman Spokeswoman Envoy Senator Sen Governor
    Gen Admiral Commissioner Adviser Advisor Leader Ayatollah Cardinal Representative Rep
    Chairman Chairwoman Chair Speaker counterpart spokesperson spokesman spokeswoman
    deputy vice acting interim former prime foreign defense defence finance interior chief senior special
    presidential national president minister ambassador envoy secretary leader premier chancellor adviser advisor
    General Colonel Commander
    Mr Mrs Ms Dr
    """
)
MAX_NAME_CHARS = 60
# Words that make a capitalized run a body's name, not a person's ("General Motors Corporation").
_NOT_AN_ORGANIZATION = word_set(
    """
    Corporation Company Motors Bank Group Airlines Airways Inc Ltd Council Assembly Ministry Department
    University Party Agency Organization Organisation Office Committee Commission Court Union Forces
    Watch International Institute Foundation Center Centre House Fund News Times Post Journal Press
    Service Network Forum
    """
)
# Capitalized only because they open a sentence, or they name a body's own country.
_SENTENCE_OPENERS = word_set(
    """
    The A An In On At As For From To By With And But Or If When While After Before Since Both Also
    Meanwhile Then Now Earlier Later Last Next This That Neither Either Like Unlike Despite Under Over
    UN U.N. US U.S. EU
    """
)
_POSSESSIVE_PRONOUNS = word_set("his her its their our my")
# "China's Commerce Ministry said": a state's own organ speaks for the state.
_STATE_ORGANS = word_set(
    """
    Ministry Government Cabinet Parliament Embassy Mission Office Army Navy Forces Guard Senate Congress
    Duma Knesset Majlis Presidency Administration Legislature Department
    """
)
MAX_ORGAN_NAME_TOKENS = 4
# "the Sea of Japan", "the Bank of England": a country naming a place or a firm.
# "the country's ambassador to the UN, Vassily Nebenzia": words that lead on to the title's holder.
_TITLE_LINKS = word_set("of to for at in and")
_NAMED_OF = word_set("Sea Gulf Bay Strait Straits Coast Port Island Islands Isle Peninsula University Bank")
_UN_WORDS = word_set("UN U.N. UNGA UNSC Nations")
_UN_BODY_WORDS = frozenset(("Assembly", "Council", "assembly", "council"))
# "the Council" is the UN's only where the UN was named shortly before (or just after):
# a long article may also speak of a city council or a national assembly.
UN_CONTEXT_TOKENS_BEFORE = 400
UN_CONTEXT_TOKENS_AFTER = 40
_APPOSITIVE_TAIL = re.compile(rf",\s+(?:{_APPOSITIVE_DETERMINER}\s|{_BARE_APPOSITIVE_TITLE}\b)")
_NAME_BEFORE_COMMA = re.compile(rf"{_FULL_NAME}$")
# Capitalized words that start sentences or dates, never a stranger's first name.
_NOT_A_NAME = word_set(
    """
    The A An This That On In At As For But And Monday Tuesday Wednesday Thursday Friday Saturday
    Sunday January February March April May June July August September October November December
    """
)


def family_name(full_name: str) -> str:
    """The name a person is referred back to by: "Lavrov", and "Cho" of "Cho Tae-yul", "Qin" of "Qin Gang"."""
    words = full_name.split()
    if words[0] in _EAST_ASIAN_FAMILY_NAMES or _KOREAN_GIVEN_NAME.fullmatch(words[-1]):
        return words[0]
    return words[-1]


def _near(positions: list[int], index: int) -> bool:
    """Whether a position lies within the UN-context window around index (positions sorted)."""
    nearest = bisect_left(positions, index - UN_CONTEXT_TOKENS_BEFORE)
    return nearest < len(positions) and positions[nearest] <= index + UN_CONTEXT_TOKENS_AFTER


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of `spans`, which are sorted and do not overlap each other."""
    # Of the spans starting before `end`, the last also ends last.
    before_end = bisect_left(spans, (end,))
    return before_end > 0 and spans[before_end - 1][1] > start


class FoundActor(NamedTuple):
    """An actor mention and where it stands in the article (a tuple: one is built for every mention)."""

    start: int
    end: int
    mention: ActorMention


def load_starter_actors() -> tuple[ActorEntry, ...]:
    """The curated dictionary shipped with the engine (data/actors.json)."""
    records: list[dict[str, Any]] = json.loads((DATA_DIR / "actors.json").read_text("utf-8"))
    return tuple(ActorEntry(record["canonical_name"], record["kind"], tuple(record["aliases"])) for record in records)


@cache
def geography() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((DATA_DIR / "geography.json").read_text("utf-8"))
    return loaded


def _alias_key(alias: str) -> tuple[str, ...]:
    if alias.lower().startswith("the "):
        alias = alias[4:]
    return tuple(token.replace("\u2019", "'") for token in _TOKEN.findall(alias))


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, word) of each word of text[start:end]."""
    pieces = _BETWEEN_TOKENS.split(text[start:end])  # between, word, between, word, ..., between
    offsets = list(accumulate(map(len, pieces), initial=start))
    return list(zip(offsets[1:-1:2], offsets[2::2], pieces[1::2], strict=True))


def _named_in_full(found: list[FoundActor]) -> dict[str, tuple[int, ActorMention]]:
    """The people named in full, by surname: where each is first named, and the mention."""
    first_seen: dict[str, tuple[int, ActorMention]] = {}
    for item in found:
        if item.mention.kind == "person" and " " in item.mention.canonical_name:
            surname = family_name(item.mention.canonical_name).replace("\u2019", "'")
            if (len(surname) >= 3 or surname in _EAST_ASIAN_FAMILY_NAMES) and surname not in first_seen:
                first_seen[surname] = (item.end, item.mention)
    return first_seen


def _spans(found: list[FoundActor]) -> list[tuple[int, int]]:
    """Where the mentions found so far stand: in text order and not overlapping, for _overlaps()."""
    return [(item.start, item.end) for item in found]


def _with_added(found: list[FoundActor], added: list[FoundActor]) -> list[FoundActor]:
    """The mentions found so far with the added ones, in text order."""
    return sorted(found + added, key=lambda item: item.start) if added else found


def _body_nouns(text: str, low: int, high: int) -> list[tuple[int, int]]:
    """Where the nouns that end bodies' names stand as whole words ending a name, in text order."""
    found = []
    for noun in _BODY_NOUNS:
        at = text.find(noun, low, high)
        while at >= 0:
            end = at + len(noun)
            if not (at > 0 and text[at - 1].isalnum()) and not _NAME_GOES_ON.match(text, end):
                found.append((at, end))
            at = text.find(noun, end, high)
    return sorted(found)


class ActorMatcher:
    """Finds actor mentions; built once from the actor list, reused for every article."""

    def __init__(self, entries: Sequence[ActorEntry]) -> None:
        self._by_key: dict[tuple[str, ...], ActorEntry] = {}
        for entry in entries:
            for surface in (entry.canonical_name, *entry.aliases):
                key = _alias_key(surface)
                if key and 0 < len(key) <= MAX_ALIAS_TOKENS:
                    self._by_key.setdefault(key, entry)
        # The most tokens an alias starting with a given word has: most words start none.
        self._longest_from: dict[str, int] = {}
        for key in self._by_key:
            self._longest_from[key[0]] = max(self._longest_from.get(key[0], 0), len(key))
        self._cities: frozenset[str] = frozenset(geography()["cities"])
        self._demonyms: dict[str, ActorEntry] = {}
        canonical = {entry.canonical_name: entry for entry in entries}
        for country in geography()["countries"]:
            if country["name"] in canonical:
                for demonym in country["demonyms"]:
                    self._demonyms[demonym] = canonical[country["name"]]
        self._opening_words = frozenset(self._longest_from) | frozenset(self._demonyms) | _UN_BODY_WORDS
        self._un_assembly = self._by_key.get(("General", "Assembly"))
        self._un_council = self._by_key.get(("Security", "Council"))
        people_by_surname: dict[str, list[ActorEntry]] = {}
        for entry in entries:
            if entry.kind == "person" and " " in entry.canonical_name:
                people_by_surname.setdefault(family_name(entry.canonical_name), []).append(entry)
        # "President Obama": a surname after a title names the one known person of that surname
        self._by_surname = {name: people[0] for name, people in people_by_surname.items() if len(people) == 1}

    def find(self, text: str, spans: Iterable[tuple[int, int]]) -> list[FoundActor]:
        """Actor mentions within the given (start, end) spans of one article, in text order."""
        straight = text.replace("\u2019", "'")  # same length, so offsets still index `text`
        tokens: list[tuple[int, int, str]] = []
        for span_start, span_end in spans:
            tokens += _tokens(straight, span_start, span_end)
        # One regex pass over the words joined by lines, not a Python test per word.
        bare_words = _POSSESSIVE_ENDS.sub("", "\n".join(map(itemgetter(2), tokens))).split("\n") if tokens else []
        found = self._dictionary_mentions(text, tokens, bare_words)
        # Strangers first: after "Defence Minister Rajnath Singh", "Mr. Singh" is him, not the known Singh.
        found = self._with_strangers(text, tokens, found)
        found = self._with_unknown_bodies(text, tokens, found)
        found = self._with_titled_surnames(tokens, bare_words, found)
        found = self._with_surnames(tokens, bare_words, found)
        return sorted(found, key=lambda item: (item.start, item.end))

    def _lookup(
        self, tokens: list[tuple[int, int, str]], bare_words: list[str], index: int
    ) -> tuple[ActorEntry, int] | None:
        """The longest alias starting at tokens[index], with how many tokens it covers."""
        longest = self._longest_from.get(bare_words[index], 0)
        if not longest:
            return None
        limit = min(longest, len(tokens) - index)
        words = [token[2] for token in tokens[index : index + limit]]
        for length in range(limit, 0, -1):
            entry = self._by_key.get((*words[: length - 1], bare_words[index + length - 1]))
            if entry is not None:
                return entry, length
        return None

    def _dictionary_mentions(
        self, text: str, tokens: list[tuple[int, int, str]], bare_words: list[str]
    ) -> list[FoundActor]:
        un_positions = positions_of(bare_words, _UN_WORDS)
        found: list[FoundActor] = []
        next_free = 0
        for index in positions_of(bare_words, self._opening_words):
            if index < next_free:
                continue
            hit = self._lookup(tokens, bare_words, index) or self._contextual(tokens, index, _near(un_positions, index))
            if hit is None:
                continue
            entry, length = hit
            start, end = tokens[index][0], tokens[index + length - 1][1]
            if self._is_actor_here(text, tokens, index, length, entry):
                found.append(
                    FoundActor(start, end, ActorMention(entry.canonical_name, entry.kind, text[start:end], True))
                )
            next_free = index + length
        return found

    def _contextual(
        self, tokens: list[tuple[int, int, str]], index: int, un_context: bool
    ) -> tuple[ActorEntry, int] | None:
        """Demonyms standing for a state, and "the Assembly"/"the Council" of the UN."""
        word = tokens[index][2]
        if word in self._demonyms:
            # "the French, German and British foreign ministers": the noun after the last demonym serves all
            noun_at = index + 1
            last = min(len(tokens), index + MAX_LISTED_DEMONYM_TOKENS)
            while noun_at < last and self._in_demonym_list(tokens[noun_at][2]):
                noun_at += 1
            noun = tokens[noun_at][2] if noun_at < len(tokens) else ""
            # "a Syrian leader" is anyone; "the Syrian leader" is the one who speaks for Syria
            first = index
            while first > max(0, index - MAX_LISTED_DEMONYM_TOKENS) and self._in_demonym_list(tokens[first - 1][2]):
                first -= 1
            definite = first > 0 and tokens[first - 1][2] in ("the", "The")
            titled = definite and noun in TITLE_WORDS and self._title_names_nobody(tokens, noun_at)
            if noun in STATE_NOUNS or titled or (noun[:1].isupper() and self._names_state_organ(tokens, noun_at)):
                # "the Russian government", "the Chinese Foreign Ministry", "the Russian foreign minister said":
                # the state acts
                return self._demonyms[word], 2 if noun_at == index + 1 and noun in STATE_NOUNS else 1
        previous = tokens[index - 1][2] if index > 0 else ""
        if un_context and previous in ("the", "The"):
            if word in ("Assembly", "assembly") and self._un_assembly is not None:
                return self._un_assembly, 1
            if word in ("Council", "council") and self._un_council is not None:
                return self._un_council, 1
        return None

    def _is_actor_here(
        self, text: str, tokens: list[tuple[int, int, str]], index: int, length: int, entry: ActorEntry
    ) -> bool:
        """False for a country or body that only modifies a title or a name, or a capital as a place."""
        if entry.kind == "person":
            return True
        following = tokens[index + length][2] if index + length < len(tokens) else ""
        if _POSSESSIVE.search(tokens[index + length - 1][2]) and following[:1].isupper():
            # "Iran's Masoud Pezeshkian": the person is the actor; "Iran's Foreign Ministry": the state
            return self._names_state_organ(tokens, index + length)
        if following[:1].isupper() and self._names_state_organ(tokens, index + length):
            return True  # "the U.S. Commerce Department", "the Chinese Foreign Ministry": the state through its organ
        if following in TITLE_WORDS:
            return self._title_names_nobody(tokens, index + length)
        previous = tokens[index - 1][2] if index > 0 else ""
        if previous == "of" and index > 1 and tokens[index - 2][2] in _NAMED_OF:
            return False
        if tokens[index][2] in self._cities and previous.lower() in PLACE_PREPOSITIONS:
            return False
        if entry.kind == "organization" and (previous in _POSSESSIVE_PRONOUNS or previous.endswith("'s")):
            return False  # "Putin's Security Council", "his Security Council": a national body
        return not self._inside_longer_name(text, tokens, index, length)

    @staticmethod
    def _title_names_nobody(tokens: list[tuple[int, int, str]], index: int) -> bool:
        """ "Britain's representative said": a lowercase title with no name after it, so the state speaks."""
        if not tokens[index][2][:1].islower():
            return False
        while index < len(tokens) and tokens[index][2] in TITLE_WORDS:
            index += 1
        return index < len(tokens) and tokens[index][2][:1].islower() and tokens[index][2] not in _TITLE_LINKS

    @staticmethod
    def _names_state_organ(tokens: list[tuple[int, int, str]], index: int) -> bool:
        for offset, (_, _, word) in enumerate(tokens[index : index + MAX_ORGAN_NAME_TOKENS]):
            if word in _STATE_ORGANS:
                # "the Foreign Ministry spokesperson Wang Wenbin": a title, and the person acts
                following = index + offset + 1
                return following == len(tokens) or tokens[following][2] not in TITLE_WORDS
            if not word[:1].isupper() or (word in TITLE_WORDS and word not in ("Foreign", "Defense", "Defence")):
                return False
        return False

    @staticmethod
    def _inside_longer_name(text: str, tokens: list[tuple[int, int, str]], index: int, length: int) -> bool:
        """ "Singapore Airlines", "Air France", "National Security Council": another body's name."""
        if index > 0:
            _, previous_end, previous = tokens[index - 1]
            if (
                text[previous_end : tokens[index][0]] == " "
                and previous[:1].isupper()
                and previous not in _SENTENCE_OPENERS
                and previous not in _NOT_A_NAME  # "on Tuesday Russia said"
            ):
                return True
        last = index + length - 1
        if last + 1 < len(tokens):
            _, _, following = tokens[last + 1]
            adjacent = text[tokens[last][1] : tokens[last + 1][0]] == " "
            return adjacent and following[:1].isupper() and following not in _NOT_A_NAME
        return False

    def _in_demonym_list(self, word: str) -> bool:
        return word in self._demonyms or word == "and"

    def _with_titled_surnames(
        self, tokens: list[tuple[int, int, str]], bare_words: list[str], found: list[FoundActor]
    ) -> list[FoundActor]:
        after_titles = [
            index
            for index in positions_of(bare_words, self._by_surname)
            if index > 0 and tokens[index - 1][2] in _SURNAME_TITLES
        ]
        if not after_titles:
            return found
        covered = _spans(found)
        named_in_full = _named_in_full(found)
        titled: list[FoundActor] = []
        for index in after_titles:
            start, end, word = tokens[index]
            if _overlaps(covered, start, end):
                continue
            if bare_words[index] in named_in_full and named_in_full[bare_words[index]][0] <= start:
                continue  # "Mr. Singh" after "Rajnath Singh": him, found with his other surname mentions
            entry = self._by_surname[bare_words[index]]
            titled.append(FoundActor(start, end, ActorMention(entry.canonical_name, entry.kind, word, True)))
        return _with_added(found, titled)

    def _with_unknown_bodies(
        self, text: str, tokens: list[tuple[int, int, str]], found: list[FoundActor]
    ) -> list[FoundActor]:
        """Adds bodies the dictionary lacks, named as bodies are: "the Saami Council"."""
        if not tokens:
            return found
        covered = _spans(found)
        bodies: list[FoundActor] = []
        for noun_start, end in _body_nouns(text, tokens[0][0], tokens[-1][1]):
            if _overlaps(covered, noun_start, end):
                continue  # "the Security Council": a body the dictionary knows
            before = _BODY_NAME_BEFORE.search(text, max(0, noun_start - MAX_NAME_CHARS), noun_start)
            if before is None:
                continue
            start = before.start()
            if text.startswith(("The ", "the "), start):
                start += 4
            name = text[start:end]
            if " " not in name or name.split()[0] in _NOT_A_NAME or "\n" in name or _overlaps(covered, start, end):
                continue
            insort(covered, (start, end))
            bodies.append(FoundActor(start, end, ActorMention(name, "organization", name, False)))
        return _with_added(found, bodies)

    def _with_strangers(
        self, text: str, tokens: list[tuple[int, int, str]], found: list[FoundActor]
    ) -> list[FoundActor]:
        """Adds titled unknown people."""
        if not tokens:
            return found
        low, high = tokens[0][0], tokens[-1][1]
        covered = _spans(found)
        strangers: list[FoundActor] = []
        for match in self._stranger_matches(text, tokens, low, high):
            start, end = match.span(1)
            name = match.group(1)
            rank = _MILITARY_RANK.match(name)
            if rank is not None:  # "spokesman Rear Admiral Daniel Hagari": the rank is no part of the name
                start, name = start + rank.end(), name[rank.end() :]
                if " " not in name:
                    continue
            if name.split()[0] in _NOT_A_NAME or "\n" in name or not _NOT_AN_ORGANIZATION.isdisjoint(name.split()):
                continue
            if name in self._cities:
                continue  # '"...," New York said': a place speaking for its government
            if name.split()[0] in TITLE_WORDS:
                continue
            if _overlaps(covered, start, end):
                continue
            insort(covered, (start, end))
            possessive = _POSSESSIVE.search(name)
            if possessive is not None:  # "Premier Zhu Rongji's annual meeting": the name is Zhu Rongji
                name, end = name[: possessive.start()], end - len(possessive.group())
            canonical = _MIDDLE_INITIAL.sub("", name)
            strangers.append(FoundActor(start, end, ActorMention(canonical, "person", name, False)))
        return _with_added(found, strangers)

    def _stranger_matches(
        self, text: str, tokens: list[tuple[int, int, str]], low: int, high: int
    ) -> list[re.Match[str]]:
        matches: list[re.Match[str]] = []
        for start in [start for start, _, word in tokens if word in _TITLE_STARTS]:
            titled = _TITLED_PERSON.match(text, start, high)
            if titled is not None:
                matches.append(titled)
        for comma in _APPOSITIVE_TAIL.finditer(text, low, high):
            name = _NAME_BEFORE_COMMA.search(text, max(low, comma.start() - MAX_NAME_CHARS), comma.start())
            appositive = _APPOSITIVE_PERSON.match(text, name.start(), high) if name is not None else None
            if appositive is not None:
                matches.append(appositive)
        matches += _QUOTED_SPEAKER.finditer(text, low, high)
        for possessed in _POSSESSED_NAME.finditer(text, low, high):
            owner = text[max(low, possessed.start() - MAX_NAME_CHARS) : possessed.start()].rsplit(None, 1)[-1:]
            entry = self._by_key.get(tuple(owner))
            if entry is not None and entry.kind == "country":
                matches.append(possessed)
        return matches

    @staticmethod
    def _with_surnames(
        tokens: list[tuple[int, int, str]], bare_words: list[str], found: list[FoundActor]
    ) -> list[FoundActor]:
        """Adds the later mentions by surname of every person named in full."""
        covered = _spans(found)
        first_seen = _named_in_full(found)
        surnames: list[FoundActor] = []
        for index in positions_of(bare_words, first_seen):
            start, end, word = tokens[index]
            seen = first_seen[bare_words[index]]
            if start < seen[0] or _overlaps(covered, start, end):
                continue
            mention = seen[1]
            surnames.append(FoundActor(start, end, ActorMention(mention.canonical_name, "person", word, mention.known)))
        return _with_added(found, surnames)
