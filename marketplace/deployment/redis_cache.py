"""Django's Redis cache, keeping one Redis client per connection pool.

Django's RedisCacheClient makes a new redis.Redis for every cache call, and redis-py's constructor fills a table of
some two hundred response callbacks each time: about 0.2 ms of CPU per call, and a request makes five to seven
(the session, the reference caches, the offers' answer, the rate limits). A redis.Redis holds no connection of its
own — it borrows one from its pool for each command — so one client per pool serves every thread of a process;
the pool itself reconnects after a fork (gunicorn, Celery). Set as the default cache's BACKEND in settings.
"""

from django.core.cache.backends import redis as django_redis


class RedisCacheClient(django_redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients.setdefault(id(pool), self._client(connection_pool=pool))
        return client


class RedisCache(django_redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient
