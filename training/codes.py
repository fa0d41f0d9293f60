"""Completion verification codes: 10 characters of Crockford's base32 (no I, L, O or U, so nothing reads as
another), 50 random bits — too many to guess at the rate the verification form allows — shown as XXXXX-XXXXX."""

import re
import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 10
_READ_AS = str.maketrans({"O": "0", "I": "1", "L": "1", "U": "V"})


def code_new() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def code_display(code: str) -> str:
    return f"{code[:5]}-{code[5:]}"


def code_parse(text: str) -> str | None:
    """The stored form of a typed or scanned code ("abcde fghjk", "ABCDE-FGHJK", an O for a 0), or None."""
    code = re.sub(r"[\s\-.]", "", (text or "")[:40]).upper().translate(_READ_AS)
    if len(code) != LENGTH or any(character not in ALPHABET for character in code):
        return None
    return code


def initials(name: str) -> str:
    """"Nguyễn Văn An" → "N. V. A.": what the public verification shows of a learner."""
    return " ".join(f"{word[0].upper()}." for word in name.split() if word[0].isalpha())
