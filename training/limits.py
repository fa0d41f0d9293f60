"""How often one client may use the public course forms: the shared cache counter and client address
(ocop_catalog.limits), one window of an hour as the classes' registration form."""

from django.conf import settings

from ocop_catalog.limits import client_address, counted_within

from .classes.limits import WINDOW_SECONDS


def _allowed(request, *, what: str, setting: str, default: int) -> bool:
    limit = getattr(settings, setting, default)
    return counted_within(f"training-{what}:{client_address(request)}", limit=limit, window=WINDOW_SECONDS)


def learner_form_allowed(request) -> bool:
    """Counts one learner sign-up from this client; False past TRAINING_LEARNERS_PER_CLIENT (20) an hour."""
    return _allowed(request, what="learner", setting="TRAINING_LEARNERS_PER_CLIENT", default=20)


def quiz_allowed(request) -> bool:
    """Counts one quiz submission; False past TRAINING_QUIZ_ATTEMPTS_PER_CLIENT (120) an hour."""
    return _allowed(request, what="quiz", setting="TRAINING_QUIZ_ATTEMPTS_PER_CLIENT", default=120)


def verification_allowed(request) -> bool:
    """Counts one look-up of a completion code; False past TRAINING_VERIFICATIONS_PER_CLIENT (60) an hour."""
    return _allowed(request, what="verify", setting="TRAINING_VERIFICATIONS_PER_CLIENT", default=60)
