"""Vietnamese text helpers: one Unicode form, and folding for accent-insensitive matching."""

import unicodedata

from oscar.core.utils import slugify as oscar_slugify

# đ/Đ are letters of their own, not d plus a mark: NFD leaves them, so map them explicitly.
_D_MAP = str.maketrans({"đ": "d", "Đ": "D"})


def nfc(text: str) -> str:
    """The NFC form of `text`, trimmed: the same word typed as NFC or NFD compares equal."""
    return unicodedata.normalize("NFC", text or "").strip()


def fold(text: str) -> str:
    """Lower-case `text` without diacritics and with collapsed spaces: "Nước mắm Đà Nẵng" → "nuoc mam da nang"."""
    decomposed = unicodedata.normalize("NFD", (text or "").translate(_D_MAP))
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(stripped.lower().split())


def slugify_vi(text: str) -> str:
    """An ASCII slug for Vietnamese text: "Chè Thái Nguyên" → "che-thai-nguyen"."""
    return oscar_slugify(fold(text))


def has_control_characters(text: str, *, allowed: str = "") -> bool:
    """Whether `text` holds a control character (NUL, ESC, DEL, C1…) other than those in `allowed`.

    PostgreSQL refuses NUL in text, and none of them belongs in a name, a code or a search.
    """
    return any(unicodedata.category(char) == "Cc" and char not in allowed for char in text or "")
