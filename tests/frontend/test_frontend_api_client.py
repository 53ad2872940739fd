"""The frontend's API client when the CMS is fine, slow, down or has retracted a page."""

import asyncio

import httpx
import pytest

from frontend.api_client import ApiClient, CMSUnavailable, NotFound
from frontend.cache import MemoryCache


class FakeCMS:
    """Answers from a list of canned responses (or exceptions) and records the requests."""

    def __init__(self, *answers):
        self.answers = list(answers)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        answer = self.answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer


def ok(data, etag='"v1"', max_age=10) -> httpx.Response:
    return httpx.Response(
        200, json=data, headers={"ETag": etag, "Cache-Control": f"public, max-age={max_age}"}
    )


def client_for(cms: FakeCMS) -> ApiClient:
    return ApiClient("http://cms/api/v2", MemoryCache(), transport=httpx.MockTransport(cms))


def fetch_all(client: ApiClient, times: int, path: str = "pages/12/") -> list:
    async def run():
        results = []
        for _ in range(times):
            try:
                results.append(await client.get(path))
            except (NotFound, CMSUnavailable) as error:
                results.append(type(error))
        return results

    return asyncio.run(run())


def test_api_client_fresh_copy_is_reused_without_asking_the_cms():
    cms = FakeCMS(ok({"title": "A"}, max_age=60))
    assert fetch_all(client_for(cms), 3) == [{"title": "A"}] * 3
    assert len(cms.requests) == 1


def test_api_client_stale_copy_is_revalidated_with_its_etag():
    cms = FakeCMS(
        ok({"title": "A"}, etag='"v1"', max_age=0),
        httpx.Response(304, headers={"ETag": '"v1"', "Cache-Control": "max-age=0"}),
    )
    assert fetch_all(client_for(cms), 2) == [{"title": "A"}] * 2
    assert cms.requests[1].headers["If-None-Match"] == '"v1"'


def test_api_client_retracted_page_is_gone_after_max_age_even_when_the_cms_then_fails():
    cms = FakeCMS(
        ok({"title": "A"}, max_age=0),
        httpx.Response(404, json={"message": "No page with this id."}),
        httpx.ConnectError("down"),
    )
    # Given a cached article, when it is retracted and the CMS later goes down,
    # then readers never get the retracted copy back.
    assert fetch_all(client_for(cms), 3) == [{"title": "A"}, NotFound, NotFound]


def test_api_client_cms_down_serves_the_last_cached_copy():
    cms = FakeCMS(ok({"title": "A"}, max_age=0), httpx.ConnectError("connection refused"))
    assert fetch_all(client_for(cms), 2) == [{"title": "A"}] * 2


def test_api_client_slow_cms_serves_the_last_cached_copy():
    cms = FakeCMS(ok({"title": "A"}, max_age=0), httpx.ReadTimeout("too slow"))
    assert fetch_all(client_for(cms), 2) == [{"title": "A"}] * 2


def test_api_client_cms_error_serves_the_last_cached_copy():
    cms = FakeCMS(ok({"title": "A"}, max_age=0), httpx.Response(502, text="Bad gateway"))
    assert fetch_all(client_for(cms), 2) == [{"title": "A"}] * 2


@pytest.mark.parametrize(
    "failure",
    [
        httpx.ConnectError("connection refused"),
        httpx.ReadTimeout("too slow"),
        httpx.Response(500, text="<h1>Server Error</h1>"),
        httpx.Response(200, text="<html>not json</html>"),
    ],
)
def test_api_client_failure_without_cached_copy_raises_unavailable(failure):
    assert fetch_all(client_for(FakeCMS(failure)), 1) == [CMSUnavailable]


def test_api_client_no_store_responses_are_not_cached():
    cms = FakeCMS(
        httpx.Response(200, json={"draft": 1}, headers={"Cache-Control": "no-store"}),
        httpx.Response(200, json={"draft": 2}, headers={"Cache-Control": "no-store"}),
    )
    assert fetch_all(client_for(cms), 2) == [{"draft": 1}, {"draft": 2}]
