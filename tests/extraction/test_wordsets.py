"""Word lists as regex alternations: the fast forms match what the plain forms match."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from articles.extraction.wordsets import case_blind_alternation, positions_of, prefix_alternation

ALTERNATIVES = ["will", "won't", "would(?!\\s+have)", r"was\s+set\s+to", r"set\s+to", "shall", "should", "said"]
WORDS = st.sampled_from(["will", "won't", "would", "have", "was", "set", "to", "shall", "should", "said", "sat"])
CASED_WORDS = st.tuples(WORDS, st.sampled_from([str.lower, str.upper, str.capitalize, str.swapcase])).map(
    lambda pair: pair[1](pair[0])
)


@settings(max_examples=300, deadline=None)
@given(words=st.lists(CASED_WORDS, max_size=12), separators=st.lists(st.sampled_from([" ", "  ", ", ", "\n"])))
def test_case_blind_alternation_matches_what_the_case_insensitive_one_matches(
    words: list[str], separators: list[str]
) -> None:
    text = "".join(word + (separators[i] if i < len(separators) else " ") for i, word in enumerate(words))
    plain = re.compile(rf"\b(?i:{'|'.join(ALTERNATIVES)})\b")
    fast = re.compile(rf"\b(?:{case_blind_alternation(ALTERNATIVES)})\b")
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_case_blind_alternation_keeps_the_order_of_alternatives_that_share_a_letter() -> None:
    # At one place the first alternative that matches wins, as in a plain alternation.
    pattern = re.compile(case_blind_alternation(["set", r"set\s+to"]))
    assert pattern.match("Set to begin").group() == "Set"
    assert re.compile(case_blind_alternation([r"set\s+to", "set"])).match("SET TO begin").group() == "SET TO"


def test_prefix_alternation_matches_each_word_whole() -> None:
    pattern = re.compile(rf"\b(?:{prefix_alternation(['said', 'sat', 'saw', 'met'])})\b")
    assert [m.group() for m in pattern.finditer("she said he sat, they saw and met; sa satire")] == [
        "said",
        "sat",
        "saw",
        "met",
    ]


@given(words=st.lists(st.sampled_from(["the", "Lavrov", "Rubio", "met", "Lavrov's"]), max_size=30))
def test_positions_of_finds_each_wanted_word_in_order(words: list[str]) -> None:
    wanted = frozenset(["Lavrov", "Rubio"])
    assert positions_of(words, wanted) == [i for i, word in enumerate(words) if word in wanted]
