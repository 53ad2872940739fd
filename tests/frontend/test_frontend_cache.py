"""The frontend's caches and configuration."""

import asyncio
import uuid

import httpx
import pytest
from starlette.testclient import TestClient

from frontend.api_client import ApiClient, CMSUnavailable, NotFound
from frontend.cache import Entry, MemoryCache, RedisCache, now
from frontend.config import Config, from_environment


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
            "FRONTEND_MAX_STALE_WHILE_REVALIDATE": "5",
        }
    )
    assert config.cms_api_url == "http://cms:8000/api/v2"
    assert config.public_url == "https://tin.example.vn"
    assert config.port == 9001 and config.redis_url == "redis://r:6379/1"
    assert config.max_stale_while_revalidate == 5
    assert from_environment({}).redis_url is None
    assert from_environment({}).max_stale_while_revalidate == 30


# Coalescing and stale-while-revalidate (frontend/api_client.py). The clock is the one the
# caches read (frontend.cache.now), moved by hand.


class Clock:
    def __init__(self) -> None:
        self.time = 1_000_000.0

    def __call__(self) -> float:
        return self.time


@pytest.fixture
def clock(monkeypatch) -> Clock:
    clock = Clock()
    for module in ("frontend.cache", "frontend.api_client", "frontend.page_cache"):
        monkeypatch.setattr(f"{module}.now", clock)
    return clock


class GatedCMS:
    """Answers each request with the next canned response, once ``gate`` is open."""

    def __init__(self, *answers: httpx.Response | Exception) -> None:
        self.answers = list(answers)
        self.requests: list[httpx.Request] = []
        self.gate = asyncio.Event()
        self.gate.set()

    async def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        answer = self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]
        await self.gate.wait()
        if isinstance(answer, Exception):
            raise answer
        return answer


def ok(title: str, etag: str = '"v1"', max_age: int = 10, swr: int = 30) -> httpx.Response:
    cache_control = f"public, max-age={max_age}, stale-while-revalidate={swr}"
    return httpx.Response(
        200, json={"title": title}, headers={"ETag": etag, "Cache-Control": cache_control}
    )


def api_client(cms: GatedCMS, **kwargs) -> ApiClient:
    return ApiClient(
        "http://cms/api/v2", MemoryCache(), transport=httpx.MockTransport(cms), **kwargs
    )


async def outcome(awaitable):
    try:
        return await awaitable
    except (NotFound, CMSUnavailable) as error:
        return type(error)


def test_api_client_concurrent_identical_requests_ask_the_cms_once():
    cms = GatedCMS(ok("A"))
    client = api_client(cms)

    async def run():
        cms.gate.clear()
        readers = [asyncio.create_task(client.get("pages/12/")) for _ in range(8)]
        await asyncio.sleep(0.05)  # all eight are waiting for the CMS
        cms.gate.set()
        results = await asyncio.gather(*readers)
        other = await client.get("pages/13/")  # another address is its own request
        return results, other

    results, other = asyncio.run(run())
    assert results == [{"title": "A"}] * 8
    assert other == {"title": "A"}
    assert [str(r.url) for r in cms.requests] == [
        "http://cms/api/v2/pages/12/",
        "http://cms/api/v2/pages/13/",
    ]


def test_api_client_concurrent_requests_share_a_not_found(clock):
    cms = GatedCMS(httpx.Response(404, json={"message": "No page with this id."}))
    client = api_client(cms)

    async def run():
        cms.gate.clear()
        readers = [asyncio.create_task(outcome(client.get("pages/12/"))) for _ in range(5)]
        await asyncio.sleep(0.05)
        cms.gate.set()
        return await asyncio.gather(*readers)

    assert asyncio.run(run()) == [NotFound] * 5
    assert len(cms.requests) == 1


def test_api_client_serves_stale_while_one_revalidation_runs(clock):
    cms = GatedCMS(ok("A", etag='"v1"'), ok("B", etag='"v2"'))
    client = api_client(cms)

    async def run():
        first = await client.get("pages/12/")
        clock.time += 11  # past max-age=10, within stale-while-revalidate=30
        cms.gate.clear()  # the revalidation hangs until the gate opens
        async with asyncio.timeout(1):  # none of them waits for the CMS
            during = [await client.get("pages/12/") for _ in range(3)]
            await asyncio.sleep(0.05)  # the revalidation has reached the CMS, which hangs
            during += [await client.get("pages/12/") for _ in range(3)]
        revalidations = len(cms.requests) - 1
        cms.gate.set()
        await asyncio.sleep(0.05)  # the background revalidation completes
        after = await client.get("pages/12/")
        return first, during, revalidations, after

    first, during, revalidations, after = asyncio.run(run())
    assert first == {"title": "A"}
    # Given a stale copy, readers get it at once, not after the CMS answers ...
    assert during == [{"title": "A"}] * 6
    # ... while exactly one conditional request revalidates it,
    assert revalidations == 1 and cms.requests[1].headers["If-None-Match"] == '"v1"'
    # and the next reader gets its answer.
    assert after == {"title": "B"}
    assert len(cms.requests) == 2


def test_api_client_stale_copy_is_not_served_past_the_cap(clock):
    # The API allows 30 s of stale-while-revalidate; the frontend caps it at 5.
    cms = GatedCMS(ok("A", max_age=10, swr=30), httpx.Response(404, json={"message": "gỡ"}))
    client = api_client(cms, max_stale_while_revalidate=5)

    async def run():
        await client.get("pages/12/")
        clock.time += 16  # past max-age + cap = 15 s
        return await outcome(client.get("pages/12/"))

    # Given an article retracted in the CMS, a reader past the bound waits for the CMS and
    # gets the 404, never the retracted copy.
    assert asyncio.run(run()) is NotFound
    assert len(cms.requests) == 2


def test_api_client_retraction_disappears_within_max_age_plus_stale_while_revalidate(clock):
    cms = GatedCMS(ok("A", max_age=10, swr=30), httpx.Response(404, json={"message": "gỡ"}))
    client = api_client(cms)

    async def run():
        await client.get("pages/12/")
        clock.time += 39  # within 10 + 30: served stale, revalidated in the background
        stale = await outcome(client.get("pages/12/"))
        await asyncio.sleep(0.05)
        return stale, await outcome(client.get("pages/12/"))

    assert asyncio.run(run()) == ({"title": "A"}, NotFound)


def test_frontend_cms_error_during_revalidation_serves_stale_then_an_error_page(clock):
    from frontend.app import create_app
    from tests.frontend.stub_cms import ARTICLE, stub_cms

    state = {"up": True}
    handler = stub_cms(max_age=10)

    def flaky(request: httpx.Request) -> httpx.Response:
        if not state["up"]:
            return httpx.Response(502, text="Bad gateway")
        response = handler(request)
        if "max-age" in response.headers.get("Cache-Control", ""):
            response.headers["Cache-Control"] += ", stale-while-revalidate=30"
        return response

    config = Config(cms_api_url="http://cms/api/v2", stale_seconds=300)
    app = create_app(config, cache=MemoryCache(), transport=httpx.MockTransport(flaky))
    with TestClient(app, raise_server_exceptions=False) as client:
        assert client.get(ARTICLE["path"]).status_code == 200
        state["up"] = False
        pages = []
        for seconds in (20, 30, 200):  # stale-while-revalidate; past it; kept 300 s
            clock.time += seconds
            pages.append(client.get(ARTICLE["path"]))
        clock.time += 1_000  # past stale_seconds: no copy left
        gone = client.get(ARTICLE["path"])

    assert [page.status_code for page in pages] == [200, 200, 200]
    assert all(ARTICLE["title"] in page.text for page in pages)
    assert gone.status_code == 503
    assert "tạm thời không truy cập được" in gone.text
