"""Word lists written as prose, read as sets or as regex alternations."""

from __future__ import annotations

import re
from collections.abc import Container, Iterable
from itertools import compress, count


def word_set(words: str) -> frozenset[str]:
    """The whitespace-separated words of `words`."""
    return frozenset(words.split())


def positions_of(words: Iterable[str], wanted: Container[str]) -> list[int]:
    """The indexes of the words that are in `wanted`, in order.

    compress() and map() test every word of an article in C: cheaper than a comprehension,
    where most words are tested only to be dropped.
    """
    return list(compress(count(), map(wanted.__contains__, words)))


def prefix_alternation(words: Iterable[str]) -> str:
    """A regex alternation of `words` with shared prefixes factored ("s(?:aid|aw)").

    `re` tries a flat alternation's words one by one at every position; a prefix tree
    drops most after one letter. Use it only for words of word characters followed by
    a word boundary, where the order of the alternatives cannot change the match.
    """
    tails: dict[str, list[str]] = {}
    for word in sorted(set(words)):
        tails.setdefault(word[0], []).append(word[1:])
    return "|".join(re.escape(first) + _tail_alternation(rests) for first, rests in tails.items())


def case_blind_alternation(alternatives: Iterable[str]) -> str:
    """(?i:a|b|...) for regex alternatives that each open with an ASCII letter, written so that
    re can skip them by that letter ("[wW](?i:ill|on't)|[sS](?i:hall)").

    re skips an alternative at a glance only when its first letter is case-sensitive, so a plain
    (?i:...) enters every alternative at every word. Alternatives keep their order within a letter;
    across letters the order cannot matter, since no two can match at one place.
    """
    rests: dict[str, list[str]] = {}
    for alternative in alternatives:
        rests.setdefault(alternative[0].lower(), []).append(alternative[1:])
    return "|".join(f"[{letter}{letter.upper()}](?i:{'|'.join(group)})" for letter, group in rests.items())


def _tail_alternation(rests: list[str]) -> str:
    if len(rests) == 1:
        return re.escape(rests[0])
    longer = [rest for rest in rests if rest]
    optional = "?" if len(longer) < len(rests) else ""
    return f"(?:{prefix_alternation(longer)}){optional}"
