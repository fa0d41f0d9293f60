from oscar.apps.offer.models import *  # noqa: F403 — Oscar's offer models, unchanged
