"""The signed link a registrant keeps to see and cancel their own registration (django.core.signing)."""

from django.conf import settings
from django.core import signing

SALT = "training.classes.registration"


class LinkRefused(Exception):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason  # "expired" or "invalid"


def registration_token(registration) -> str:
    return signing.dumps({"r": registration.pk, "c": registration.training_class_id}, salt=SALT, compress=True)


def registration_id_from_token(token: str) -> tuple[int, int]:
    """(registration id, class id) signed in `token`; LinkRefused if tampered with or older than
    TRAINING_LINK_MAX_AGE_DAYS."""
    max_age = getattr(settings, "TRAINING_LINK_MAX_AGE_DAYS", 180) * 24 * 3600
    try:
        data = signing.loads(token, salt=SALT, max_age=max_age)
    except signing.SignatureExpired as error:
        raise LinkRefused("expired") from error
    except signing.BadSignature as error:
        raise LinkRefused("invalid") from error
    if not isinstance(data, dict) or not isinstance(data.get("r"), int) or not isinstance(data.get("c"), int):
        raise LinkRefused("invalid")
    return data["r"], data["c"]
