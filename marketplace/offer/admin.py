from oscar.apps.offer.admin import *  # noqa: F403 — Oscar's offer admin, unchanged
