"""A process-local layer in front of the shared cache, for small values read on nearly every request that change
rarely (reference rows, locality choices, the header's groups, whether the shop has offers).

Each read of the shared cache (Redis) is a network round trip: a checkout made some twenty of them for these values
alone (issue 16). Here a value is kept in the process for a few seconds to a minute; a change made in this process
drops its copy at once (`forget`), other processes see it when their copy expires — each use says how long that is.
"""

import threading
import time
from collections.abc import Callable, Iterable
from typing import Any

from django.core.cache import cache
from django.db import transaction

MAX_ENTRIES = 20_000  # reference rows of every commune fit; past it the layer starts again empty

_values: dict[str, tuple[float, Any]] = {}
_lock = threading.Lock()


def local_get(key: str) -> Any:
    """The value kept under `key` and not yet expired, else None."""
    entry = _values.get(key)
    if entry is None or entry[0] < time.monotonic():
        return None
    return entry[1]


def local_set(key: str, value: Any, seconds: float) -> None:
    with _lock:
        if len(_values) >= MAX_ENTRIES:
            _values.clear()
        _values[key] = (time.monotonic() + seconds, value)


def forget(keys: Iterable[str]) -> None:
    """Drop this process's copies of `keys` (the shared cache's are the caller's to delete)."""
    with _lock:
        for key in keys:
            _values.pop(key, None)


def forget_all() -> None:
    with _lock:
        _values.clear()


def locally_cached(key: str, seconds: float, read_shared: Callable[[], Any]) -> Any:
    """The value under `key` from this process if kept, else `read_shared()` (the shared cache, or the database),
    kept here for `seconds` unless it is None."""
    value = local_get(key)
    if value is None:
        value = read_shared()
        if value is not None:
            local_set(key, value, seconds)
    return value


class CachedAnswer:
    """A yes-or-no about the whole shop asked on nearly every request (has it any offer? any product option?),
    computed by `compute` and kept in the shared cache for `timeout` seconds and in each process for
    `local_seconds`. `changed` is the receiver of the saves and deletes that can change the answer: it forgets it
    here and in the shared cache, now and again after the commit (a process computing it meanwhile may have stored
    the old one; other processes see the change within `local_seconds`)."""

    def __init__(self, key: str, compute: Callable[[], bool], *, timeout: int = 60, local_seconds: float = 3):
        self.key, self.compute, self.timeout, self.local_seconds = key, compute, timeout, local_seconds

    def __call__(self) -> bool:
        return locally_cached(self.key, self.local_seconds, self._shared)

    def _shared(self) -> bool:
        answer = cache.get(self.key)
        if answer is None:
            answer = self.compute()
            cache.set(self.key, answer, self.timeout)
        return answer

    def changed(self, **kwargs) -> None:
        self._forget()
        transaction.on_commit(self._forget)

    def _forget(self) -> None:
        cache.delete(self.key)
        forget([self.key])
