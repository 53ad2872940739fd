"""The frontend's caches and configuration."""

import asyncio
import uuid

import pytest

from frontend.cache import Entry, MemoryCache, RedisCache, now
from frontend.config import from_environment


def test_memory_cache_forgets_the_least_recently_used_entry():
    async def run():
        cache = MemoryCache(max_entries=2)
        for key in ("a", "b"):
            await cache.set(key, Entry({"k": key}, None, now() + 10), 60)
        await cache.get("a")
        await cache.set("c", Entry({"k": "c"}, None, now() + 10), 60)
        return [await cache.get(key) for key in ("a", "b", "c")]

    a, b, c = asyncio.run(run())
    assert a.data == {"k": "a"} and b is None and c.data == {"k": "c"}


def test_redis_cache_shares_entries_between_frontend_processes():
    redis = pytest.importorskip("redis")
    try:
        redis.Redis(socket_connect_timeout=1).ping()
    except redis.ConnectionError:
        pytest.skip("no Redis on 127.0.0.1:6379")

    async def run():
        writer, reader = (
            RedisCache("redis://127.0.0.1:6379/0"),
            RedisCache("redis://127.0.0.1:6379/0"),
        )
        key = f"test-{uuid.uuid4()}"
        await writer.set(key, Entry({"title": "Tin"}, '"v1"', now() + 10), 60)
        entry = await reader.get(key)
        await writer._redis.delete(writer.prefix + key)
        await writer.close()
        await reader.close()
        return entry

    entry = asyncio.run(run())
    assert entry.data == {"title": "Tin"} and entry.etag == '"v1"' and entry.fresh


def test_frontend_config_reads_its_variables():
    config = from_environment(
        {
            "CMS_API_URL": "http://cms:8000/api/v2/",
            "FRONTEND_URL": "https://tin.example.vn/",
            "FRONTEND_PORT": "9001",
            "REDIS_URL": "redis://r:6379/1",
        }
    )
    assert config.cms_api_url == "http://cms:8000/api/v2"
    assert config.public_url == "https://tin.example.vn"
    assert config.port == 9001 and config.redis_url == "redis://r:6379/1"
    assert from_environment({}).redis_url is None
