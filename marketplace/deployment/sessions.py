"""Django's cached_db sessions (read from the shared cache, written through to the database), a new session
written in one INSERT.

Django draws a new session's key and then asks whether it is in use — the cache, then a query — before the
INSERT. The INSERT itself refuses a key in use (the primary key; save(must_create=True) raises CreateError and
create() draws again), and 32 random characters are never in use: the question cost every new visitor's first
session write (a livestream buyer's checkout details) a query. Set as SESSION_ENGINE in settings.
"""

from django.contrib.sessions.backends import cached_db
from django.contrib.sessions.backends.base import VALID_KEY_CHARS
from django.utils.crypto import get_random_string


class SessionStore(cached_db.SessionStore):
    def _get_new_session_key(self):
        return get_random_string(32, VALID_KEY_CHARS)
