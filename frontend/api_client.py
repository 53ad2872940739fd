"""The only way the frontend learns anything: the CMS's reader API, over HTTP.

Responses are cached for the API's ``max-age`` and then revalidated with
``If-None-Match``. For the API's ``stale-while-revalidate`` seconds after that (at most
``max_stale_while_revalidate``), the stale copy is served at once while one revalidation runs
in the background; later, the reader waits for the revalidation. So a retracted article
(404 from the API) disappears within ``max-age`` + ``stale-while-revalidate`` seconds (10 + 30
by default) while the CMS answers. Identical requests in flight at once are sent to the CMS
once per process and share its answer.
When the CMS is down, slow or failing, the last cached copy is served (for at most
``stale_seconds``); without one, the caller gets ``CMSUnavailable`` and shows the reader a
Vietnamese error page.

    client = ApiClient("http://127.0.0.1:8000/api/v2", MemoryCache())
    page = await client.get("pages/find/", {"html_path": "/tin-tuc-su-kien/"})
"""

import asyncio
import logging
import re
from contextvars import ContextVar
from dataclasses import replace
from typing import Any
from urllib.parse import urlencode

import httpx

from frontend import logs
from frontend.cache import Cache, Entry, now

logger = logging.getLogger(__name__)

MAX_AGE = re.compile(r"(?:^|[,\s])(?:s-)?max-age=(\d+)")
STALE_WHILE_REVALIDATE = re.compile(r"(?:^|[,\s])stale-while-revalidate=(\d+)")
# Until when each API response used for the current page stays fresh: a page built from
# them may be reused until the first of them expires (see frontend/page_cache.py).
fresh_until_used: ContextVar[list[float] | None] = ContextVar("fresh_until_used", default=None)


def note_freshness(fresh_until: float) -> None:
    used = fresh_until_used.get()
    if used is not None:
        used.append(fresh_until)


class NotFound(Exception):
    """The API has no such page (or it was retracted, or the query named nothing)."""


class CMSUnavailable(Exception):
    """The CMS did not answer usefully and there is no cached copy to fall back on."""


def freshness(response: httpx.Response) -> int | None:
    """Seconds the response may be reused; None when it must not be stored at all."""
    cache_control = response.headers.get("cache-control", "").lower()
    if "no-store" in cache_control or "private" in cache_control:
        return None
    match = MAX_AGE.search(cache_control)
    return int(match.group(1)) if match else 0


def stale_while_revalidate(response: httpx.Response) -> int:
    """Seconds past ``max-age`` the response may be served while it is revalidated."""
    match = STALE_WHILE_REVALIDATE.search(response.headers.get("cache-control", "").lower())
    return int(match.group(1)) if match else 0


async def send_request_id(request: httpx.Request) -> None:
    """Every call to the API carries the id of the reader's request it is made for, so the
    CMS's log line for it has the same request_id as the frontend's (frontend/logs.py)."""
    request_id = logs.current_request_id.get()
    if request_id:
        request.headers[logs.HEADER] = request_id


class ApiClient:
    def __init__(
        self,
        base_url: str,
        cache: Cache,
        timeout: float = 5.0,
        stale_seconds: int = 86_400,
        transport: httpx.AsyncBaseTransport | None = None,
        max_stale_while_revalidate: int = 30,
    ):
        self.base_url = base_url.rstrip("/")
        self.cache = cache
        self.stale_seconds = stale_seconds
        self.max_stale_while_revalidate = max_stale_while_revalidate
        # The request to the CMS under way for each URL, shared by every reader's request
        # that needs the URL meanwhile (and by background revalidations).
        self._in_flight: dict[str, asyncio.Task[tuple[Any, float]]] = {}
        self.http = httpx.AsyncClient(
            timeout=httpx.Timeout(timeout),
            follow_redirects=True,
            transport=transport,
            headers={"Accept": "application/json"},
            event_hooks={"request": [send_request_id]},
        )

    async def close(self) -> None:
        await self.http.aclose()
        await self.cache.close()

    def url(self, path: str, params: dict[str, Any] | None = None) -> str:
        query = urlencode(sorted((params or {}).items()))
        return f"{self.base_url}/{path.lstrip('/')}" + (f"?{query}" if query else "")

    async def get(self, path: str, params: dict[str, Any] | None = None) -> Any:
        """The JSON at ``path``: from the cache while fresh; a stale copy within its
        ``stale-while-revalidate`` while the CMS is asked in the background; else from the
        CMS, asked once for all the identical requests waiting at the same time."""
        url = self.url(path, params)
        entry = await self.cache.get(url)
        if entry is not None and entry.fresh:
            note_freshness(entry.fresh_until)
            return self._result(entry)
        if entry is not None and entry.servable_while_revalidating:
            self._shared_fetch(url, entry)
            note_freshness(0)  # a page built from a stale copy is not kept
            return self._result(entry)
        # Shielded: a reader who leaves does not cancel the answer the others wait for.
        data, fresh_until = await asyncio.shield(self._shared_fetch(url, entry))
        note_freshness(fresh_until)
        return data

    def _shared_fetch(self, url: str, entry: Entry | None) -> asyncio.Task[tuple[Any, float]]:
        task = self._in_flight.get(url)
        if task is None or task.get_loop() is not asyncio.get_running_loop():
            task = asyncio.create_task(self._fetch(url, entry))
            self._in_flight[url] = task
            task.add_done_callback(lambda done: self._forget(url, done))
        return task

    def _forget(self, url: str, task: asyncio.Task[tuple[Any, float]]) -> None:
        if self._in_flight.get(url) is task:
            del self._in_flight[url]
        if not task.cancelled():
            # Retrieved here so that a background revalidation's NotFound or
            # CMSUnavailable, which nobody awaits, is not logged as never retrieved.
            task.exception()

    async def _fetch(self, url: str, entry: Entry | None) -> tuple[Any, float]:
        """Ask the CMS (with ``entry``'s ETag), update the cache: (JSON, fresh until).

        Runs as a task shared by several readers' requests: it must not note freshness in
        the context of whichever request started it; each caller notes it.
        """
        headers = {"If-None-Match": entry.etag} if entry is not None and entry.etag else {}
        try:
            response = await self.http.get(url, headers=headers)
        except httpx.HTTPError as error:
            return self._fallback(url, entry, repr(error))
        if response.status_code == 304 and entry is not None:
            entry = replace(entry, **self._lifetime(response, freshness(response) or 0))
            await self.cache.set(url, entry, self.stale_seconds)
            return self._result(entry), entry.fresh_until
        if response.status_code >= 500 or response.status_code == 429:
            return self._fallback(url, entry, f"HTTP {response.status_code}")
        if response.status_code in (400, 403, 404, 410):
            # A 404 replaces the cached copy: a retracted page must not come back from the
            # cache when the CMS later goes down.
            lifetime = self._lifetime(response, freshness(response) or 0)
            await self.cache.set(url, Entry(None, None, status=404, **lifetime), self.stale_seconds)
            raise NotFound(url)
        try:
            data = response.json()
        except ValueError:
            return self._fallback(url, entry, "not JSON")
        max_age = freshness(response)
        lifetime = self._lifetime(response, max_age or 0)
        if max_age is not None:
            entry = Entry(data, response.headers.get("etag"), **lifetime)
            await self.cache.set(url, entry, self.stale_seconds)
        return data, lifetime["fresh_until"]

    def _lifetime(self, response: httpx.Response, max_age: int) -> dict[str, float]:
        fresh_until = now() + max_age
        extra = min(stale_while_revalidate(response), self.max_stale_while_revalidate)
        return {"fresh_until": fresh_until, "stale_until": fresh_until + extra}

    async def reachable(self, timeout: float = 2.0) -> bool:
        """Whether the CMS's API answers a small listing now (for /readyz; no cache)."""
        try:
            response = await self.http.get(
                self.url("pages/", {"limit": 1}), timeout=httpx.Timeout(timeout)
            )
        except httpx.HTTPError as error:
            logger.warning("Readiness: the CMS API is unreachable: %r", error)
            return False
        if response.status_code != 200:
            logger.warning("Readiness: the CMS API answered HTTP %s", response.status_code)
            return False
        return True

    async def get_uncached(self, path: str, params: dict[str, Any] | None = None) -> Any:
        """For drafts (preview): never stored, never served from the cache."""
        note_freshness(0)
        try:
            response = await self.http.get(self.url(path, params))
        except httpx.HTTPError as error:
            raise CMSUnavailable(repr(error)) from error
        if response.status_code >= 500:
            raise CMSUnavailable(f"HTTP {response.status_code}")
        if response.status_code != 200:
            raise NotFound(response.status_code)
        return response.json()

    async def post_json(
        self, path: str, data: dict[str, Any], headers: dict[str, str] | None = None
    ) -> tuple[int, dict]:
        """POST ``data`` as JSON (never cached): (status, JSON body) for any answer under
        500; ``CMSUnavailable`` when the CMS does not answer or fails."""
        note_freshness(0)
        try:
            response = await self.http.post(self.url(path), json=data, headers=headers or {})
        except httpx.HTTPError as error:
            raise CMSUnavailable(repr(error)) from error
        if response.status_code >= 500:
            raise CMSUnavailable(f"HTTP {response.status_code}")
        try:
            body = response.json()
        except ValueError as error:
            raise CMSUnavailable("not JSON") from error
        return response.status_code, body if isinstance(body, dict) else {}

    def _result(self, entry: Entry) -> Any:
        if entry.status == 404:
            raise NotFound()
        return entry.data

    def _fallback(self, url: str, entry: Entry | None, reason: str) -> tuple[Any, float]:
        if entry is None:
            logger.error("CMS API unavailable for %s (%s), no cached copy", url, reason)
            raise CMSUnavailable(reason)
        logger.warning("CMS API unavailable for %s (%s), serving the cached copy", url, reason)
        return self._result(entry), 0.0  # a page built from a stale copy is not kept
