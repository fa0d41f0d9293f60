"""Vietnamese mobile numbers, one rule for every form that asks for one (sellers, checkout, training)."""

import re

# 0 (or +84) then 3, 5, 7, 8 or 9, then 8 digits.
MOBILE_RE = re.compile(r"^0[35789]\d{8}$")


def normalise_phone(value: str) -> str:
    """"+84 912.345.678" → "0912345678"."""
    digits = re.sub(r"[\s.\-()]", "", value or "")
    if digits.startswith("+84"):
        digits = "0" + digits[3:]
    elif digits.startswith("84") and len(digits) == 11:
        digits = "0" + digits[2:]
    return digits


def is_vietnamese_mobile(value: str) -> bool:
    """Whether `value`, normalised, is a Vietnamese mobile number."""
    return MOBILE_RE.match(normalise_phone(value)) is not None
