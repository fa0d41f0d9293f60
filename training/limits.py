"""How often one client may use the public course forms: the same cache counter and client address as the
registration form of the classes (training.classes.limits), one window of an hour."""

from django.conf import settings

from .classes.limits import WINDOW_SECONDS
from .classes.limits import _client_address as client_address
from .classes.limits import _counted_within as counted_within


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
