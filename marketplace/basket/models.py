from oscar.apps.basket.models import *  # noqa: F403 — Oscar's basket models, unchanged
