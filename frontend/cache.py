"""Where API responses are kept between requests: process memory, or Redis when configured.

An entry keeps the parsed JSON with the ETag it came with, the time it stops being fresh
(the API's ``max-age``) and the time it stops being served while revalidated in the background
(plus the API's ``stale-while-revalidate``). A stale entry is revalidated with
``If-None-Match``; it is kept for a while longer so readers still get a page when the CMS is
down.
"""

import json
import time
from collections import OrderedDict
from dataclasses import asdict, dataclass
from typing import Any, Protocol


@dataclass
class Entry:
    data: Any
    etag: str | None
    fresh_until: float
    status: int = 200
    # Until when it may still be served while it is revalidated (the API's
    # stale-while-revalidate, capped); 0 for entries stored before it was kept.
    stale_until: float = 0.0

    @property
    def fresh(self) -> bool:
        return now() < self.fresh_until

    @property
    def servable_while_revalidating(self) -> bool:
        return now() < self.stale_until


def now() -> float:
    # Wall-clock time: Redis entries are shared between processes and machines.
    return time.time()


class Cache(Protocol):
    async def get(self, key: str) -> Entry | None: ...

    async def set(self, key: str, entry: Entry, keep_seconds: int) -> None: ...

    async def clear(self) -> None: ...

    async def close(self) -> None: ...


class MemoryCache:
    """A bounded least-recently-used dictionary."""

    def __init__(self, max_entries: int = 2000):
        self.max_entries = max_entries
        self._entries: OrderedDict[str, tuple[Entry, float]] = OrderedDict()

    async def get(self, key: str) -> Entry | None:
        item = self._entries.get(key)
        if item is None:
            return None
        entry, expires = item
        if now() > expires:
            del self._entries[key]
            return None
        self._entries.move_to_end(key)
        return entry

    async def set(self, key: str, entry: Entry, keep_seconds: int) -> None:
        self._entries[key] = (entry, max(entry.fresh_until, now()) + keep_seconds)
        self._entries.move_to_end(key)
        while len(self._entries) > self.max_entries:
            self._entries.popitem(last=False)

    async def clear(self) -> None:
        self._entries.clear()

    async def close(self) -> None:
        pass


class RedisCache:
    """Shared by every frontend process; entries expire on their own (Redis TTL)."""

    prefix = "frontend:api:"

    def __init__(self, url: str):
        import redis.asyncio  # only needed when REDIS_URL is set

        self._redis = redis.asyncio.Redis.from_url(url)

    async def get(self, key: str) -> Entry | None:
        raw = await self._redis.get(self.prefix + key)
        return Entry(**json.loads(raw)) if raw else None

    async def set(self, key: str, entry: Entry, keep_seconds: int) -> None:
        ttl = int(max(entry.fresh_until - now(), 0) + keep_seconds) or 1
        await self._redis.set(self.prefix + key, json.dumps(asdict(entry)), ex=ttl)

    async def clear(self) -> None:
        async for key in self._redis.scan_iter(self.prefix + "*"):
            await self._redis.delete(key)

    async def close(self) -> None:
        await self._redis.aclose()


def make_cache(redis_url: str | None, max_entries: int) -> Cache:
    return RedisCache(redis_url) if redis_url else MemoryCache(max_entries)
