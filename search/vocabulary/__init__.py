"""The search vocabulary: categories and equivalent words, kept as data (synonyms.txt beside this file).

A shopper's words are read as *concepts*: the longest run of words that is a vocabulary term becomes one
concept (a phrase: "hải sản" needs both words side by side, so "hai" and "san" scattered over a pottery
description do not match), every other word is a concept of its own. A concept is found in a product
through the words typed or through one of its alternatives (synonyms); every backend counts concepts the
same way (search.backends.database, search.elastic.queries).
"""

import functools
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from ocop_catalog.text import fold

from ..text import TextQuery, words

VOCABULARY_FILE = Path(__file__).with_name("synonyms.txt")
MAX_TERM_WORDS = 4


@dataclass(frozen=True)
class Phrase:
    """Words side by side: folded words matched folded, or lower-case NFC words matched with their diacritics."""

    words: tuple[str, ...]
    exact: bool

    @property
    def text(self) -> str:
        return " ".join(self.words)


@dataclass(frozen=True)
class Concept:
    """One thing the shopper asked for: the words typed (folded and as typed) and what else finds it."""

    folded: tuple[str, ...]
    exact: tuple[str, ...]
    alternatives: tuple[Phrase, ...] = ()

    @property
    def weight(self) -> int:
        """How many of the typed words this concept stands for (search.text.TextQuery.required_words counts words)."""
        return len(self.folded)

    @property
    def typed(self) -> Phrase:
        return Phrase(self.folded, exact=False)


def _phrase(text: str) -> Phrase:
    exact = tuple(words(text))
    folded = tuple(fold(word) for word in exact)
    return Phrase(folded, exact=False) if exact == folded else Phrase(exact, exact=True)


def parse_vocabulary(text: str) -> dict[tuple[str, ...], tuple[Phrase, ...]]:
    """Folded term → its alternatives, from the file's lines (see synonyms.txt for the format)."""
    vocabulary: dict[tuple[str, ...], list[Phrase]] = {}

    def add(term: Phrase, alternatives):
        key = tuple(fold(word) for word in term.words)
        known = vocabulary.setdefault(key, [])
        for alternative in alternatives:
            if alternative.words and alternative not in known and tuple(fold(word) for word in alternative.words) != key:
                known.append(alternative)

    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        if "=>" in line:
            term, _, expansions = line.partition("=>")
            term = _phrase(term)
            if term.words:
                add(term, [_phrase(part) for part in expansions.split(",")])
            continue
        group = [phrase for phrase in (_phrase(part) for part in line.split(",")) if phrase.words]
        for phrase in group:
            add(phrase, [other for other in group if other != phrase])
    return {key: tuple(alternatives) for key, alternatives in vocabulary.items() if len(key) <= MAX_TERM_WORDS}


@functools.cache
def vocabulary() -> dict[tuple[str, ...], tuple[Phrase, ...]]:
    """The vocabulary file, read once per process."""
    return parse_vocabulary(VOCABULARY_FILE.read_text(encoding="utf-8"))


def concepts(query: TextQuery, *, terms=None) -> tuple[Concept, ...]:
    """The query's words as concepts: greedy, the longest vocabulary term first; duplicates once."""
    terms = vocabulary() if terms is None else terms
    folded, exact = list(query.folded), list(query.exact)
    found: list[Concept] = []
    start = 0
    while start < len(folded):
        for size in range(min(MAX_TERM_WORDS, len(folded) - start), 0, -1):
            key = tuple(folded[start : start + size])
            if size == 1 or key in terms:
                concept = Concept(key, tuple(exact[start : start + size]), terms.get(key, ()))
                break
        if all(concept.folded != other.folded for other in found):
            found.append(concept)
        start += size
    return tuple(found)


def required_weight(found: tuple[Concept, ...]) -> int:
    """Typed words a product must hold (through concepts): all of one or two, all but one of three or more."""
    count = sum(concept.weight for concept in found)
    return count if count <= 2 else count - 1


def uses_vocabulary(found: tuple[Concept, ...]) -> bool:
    """Whether any concept is a vocabulary phrase or has alternatives (else plain word matching applies)."""
    return any(concept.weight > 1 or concept.alternatives for concept in found)


def concept_groups(found: tuple[Concept, ...]) -> list[tuple[Concept, ...]]:
    """The smallest sets of concepts that hold enough of the typed words (required_weight)."""
    required, groups = required_weight(found), []
    for size in range(1, len(found) + 1):
        for group in combinations(found, size):
            if sum(concept.weight for concept in group) >= required and not any(set(kept) <= set(group) for kept in groups):
                groups.append(group)
    return groups
