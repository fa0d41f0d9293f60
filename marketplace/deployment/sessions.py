"""Django's cached_db sessions (read from the shared cache, written through to the database), with two changes
(issue 16: a livestream buyer's checkout writes the session twice — the details, then the order placed):

- a new session is written in one INSERT. Django draws a new session's key and then asks whether it is in use —
  the cache, then a query — before the INSERT. The INSERT itself refuses a key in use (the primary key;
  save(must_create=True) raises CreateError and create() draws again), and 32 random characters are never in use:
  the question cost every new visitor's first session write a query;
- outside a transaction, the session's one statement runs on its own. Django wraps it in a transaction so that a
  refused INSERT does not break an outer transaction; with none open, a single statement is atomic by itself and
  the BEGIN and COMMIT around it were two more round trips per write. Inside a transaction it is Django's save.

Set as SESSION_ENGINE in settings.
"""

import logging

from django.contrib.sessions.backends import cached_db
from django.contrib.sessions.backends.base import VALID_KEY_CHARS, CreateError, UpdateError
from django.db import DatabaseError, IntegrityError, router, transaction
from django.utils.crypto import get_random_string

logger = logging.getLogger("django.contrib.sessions")


class SessionStore(cached_db.SessionStore):
    def _get_new_session_key(self):
        return get_random_string(32, VALID_KEY_CHARS)

    def save(self, must_create=False):
        if self.session_key is None:
            return self.create()  # as Django's db save, without cached_db's second write of the cache after it
        using = router.db_for_write(self.model)
        if transaction.get_connection(using).in_atomic_block:
            return super().save(must_create)
        # Django's db and cached_db saves, the statement without a transaction around it.
        obj = self.create_model_instance(self._get_session(no_load=must_create))
        try:
            obj.save(force_insert=must_create, force_update=not must_create, using=using)
        except IntegrityError:
            if must_create:
                raise CreateError from None
            raise
        except DatabaseError:
            if not must_create:
                raise UpdateError from None
            raise
        try:
            self._cache.set(self.cache_key, self._session, self.get_expiry_age())
        except Exception:
            logger.exception("Error saving to cache (%s)", self._cache)
