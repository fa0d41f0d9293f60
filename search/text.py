"""How search reads Vietnamese text: NFC words, and the same words folded (đ→d, no diacritics).

Documents and queries go through the same functions, so a word typed with or without diacritics,
in NFC or NFD, meets the word stored.
"""

import re
from dataclasses import dataclass

from ocop_catalog.text import fold, nfc

# Letters and digits of any script; everything else (spaces, punctuation, "_") separates words.
_WORD = re.compile(r"[^\W_]+")
MAX_QUERY_WORDS = 10


def words(text: str) -> list[str]:
    """The lower-case NFC words of `text`: "Nước mắm, Phú-Quốc" → ["nước", "mắm", "phú", "quốc"]."""
    return _WORD.findall(nfc(text).lower())


def _fold_table() -> dict[int, str]:
    # Latin letters with diacritics (Vietnamese included) and đ: one lookup each instead of NFD per character.
    codepoints = [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]
    return {cp: fold(chr(cp)) for cp in codepoints if fold(chr(cp)) != chr(cp) and len(fold(chr(cp))) <= 2}


_FOLD_TABLE = _fold_table()


def fold_words(text: str) -> str:
    """fold() of padded lower-case NFC words, padding kept; fast: a translation table, fold() itself
    for other scripts."""
    folded = text.translate(_FOLD_TABLE)
    if folded.isascii():
        return folded
    return f" {fold(text)} " if text.strip() else ""


def padded(tokens: list[str]) -> str:
    """Words joined and framed by spaces, so `LIKE '% word %'` matches whole words only."""
    return f" {' '.join(tokens)} " if tokens else ""


@dataclass(frozen=True)
class TextQuery:
    """A shopper's words, as typed (lower-case NFC) and folded, at most MAX_QUERY_WORDS."""

    exact: tuple[str, ...]
    folded: tuple[str, ...]

    @classmethod
    def parse(cls, text: str) -> "TextQuery":
        exact = tuple(words(text)[:MAX_QUERY_WORDS])
        return cls(exact=exact, folded=tuple(fold(word) for word in exact))

    def __bool__(self) -> bool:
        return bool(self.folded)

    @property
    def has_diacritics(self) -> bool:
        """Whether the shopper typed diacritics (or đ): only then do exact matches earn more."""
        return self.exact != self.folded

    @property
    def distinct_folded(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(self.folded))

    @property
    def distinct_exact(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(self.exact))

    @property
    def required_words(self) -> int:
        """Words a product must contain: all of one or two, all but one of three or more."""
        count = len(self.distinct_folded)
        return count if count <= 2 else count - 1

    @property
    def phrase(self) -> str:
        """The words as typed, one space apart (for Elasticsearch)."""
        return " ".join(self.exact)
