"""Rate limits counted in the default cache, which debug off requires to be shared by every process."""

from django.core.cache import cache


def counted_within(key: str, *, limit: int, window: int) -> bool:
    """Count one more use of `key` in a window of `window` seconds; False once past `limit`."""
    cache.add(key, 0, window)
    try:
        count = cache.incr(key)  # atomic in Redis: two workers never read the same count
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window)
        count = 1
    return count <= limit
