from oscar.apps.customer.models import *  # noqa: F401,F403 — Oscar's customer models, unchanged
