"""Django's Redis cache backend that degrades instead of failing when Redis is down or slow.

Every call that cannot reach Redis within ``REDIS_TIMEOUT`` answers as a cache miss (a read
gives the default, a write is dropped, a counter counts from nothing) and opens a circuit
breaker: for the next ``REDIS_RETRY_SECONDS`` calls skip Redis at once instead of each
waiting on a timeout, and a warning is logged once per outage. The first call after that
tries Redis again; when it answers, ``cache_recovered`` is sent, so that whatever was
written while it was unreachable (the reader API's cache generation) can be made current.

    GET /api/v2/pages/   (Redis unreachable)  -> 200 from the database, cache bypassed
"""

import logging
import threading
import time
from typing import Any

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from django.dispatch import Signal
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

# Sent with the backend's alias when Redis answers again after an outage.
cache_recovered = Signal()

UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)
READS = ("get", "get_many", "has_key")


class CircuitBreaker:
    """Closed (try Redis), open (skip it) for ``retry_after`` seconds after a failure."""

    def __init__(self, retry_after: float) -> None:
        self.retry_after = retry_after
        self.open_until = 0.0
        self.failed = False  # an outage was seen and recovery not yet announced
        self.lock = threading.Lock()

    def allows(self) -> bool:
        return time.monotonic() >= self.open_until

    def trip(self) -> bool:
        """Open the breaker; True when this starts an outage (log it once)."""
        with self.lock:
            starting = not self.failed
            self.failed = True
            self.open_until = time.monotonic() + self.retry_after
            return starting

    def reset(self) -> bool:
        """Close after a successful call; True when that ends an outage."""
        if not self.failed:
            return False
        with self.lock:
            ended, self.failed = self.failed, False
            return ended


class ResilientRedisCache(RedisCache):
    """``django.core.cache.backends.redis.RedisCache`` that never raises for an unreachable
    Redis. OPTIONS as Django's, plus ``RETRY_AFTER`` (seconds the breaker stays open)."""

    def __init__(self, server: str, params: dict) -> None:
        options = dict(params.get("OPTIONS") or {})
        retry_after = float(options.pop("RETRY_AFTER", 5))
        super().__init__(server, {**params, "OPTIONS": options})
        self.breaker = CircuitBreaker(retry_after)

    def _call(self, operation: str, default: Any, *args, **kwargs) -> Any:
        if not self.breaker.allows():
            return default
        try:
            result = getattr(super(), operation)(*args, **kwargs)
        except UNREACHABLE as error:
            if self.breaker.trip():
                logger.warning(
                    "Redis cache %s unreachable (%s): bypassing it, retrying every %s s",
                    self._servers[0] if self._servers else "",
                    error,
                    self.breaker.retry_after,
                )
            return default
        if self.breaker.reset():
            logger.warning("Redis cache %s reachable again", self._servers[0])
            cache_recovered.send(sender=type(self), cache=self)
            if operation in READS:
                # Read again: what was read may be what the receivers just dropped.
                return self._call(operation, default, *args, **kwargs)
        return result

    def get(self, key, default=None, version=None):
        return self._call("get", default, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None) -> None:
        self._call("set", None, key, value, timeout, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None) -> bool:
        return self._call("add", False, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None) -> bool:
        return self._call("touch", False, key, timeout, version)

    def delete(self, key, version=None) -> bool:
        return self._call("delete", False, key, version)

    def get_many(self, keys, version=None) -> dict:
        return self._call("get_many", {}, keys, version)

    def has_key(self, key, version=None) -> bool:
        return self._call("has_key", False, key, version)

    def incr(self, key, delta=1, version=None) -> int:
        # Unreachable: count from nothing (a rate limit lets the request through).
        return self._call("incr", delta, key, delta, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None) -> list:
        return self._call("set_many", [], data, timeout, version)

    def delete_many(self, keys, version=None) -> None:
        self._call("delete_many", None, keys, version)

    def clear(self) -> None:
        self._call("clear", None)
