"""Rendered pages, reused while every API response they were built from is still fresh.

A page is kept until the first of its API responses reaches its ``max-age``, so it never
outlives the data it shows: a retraction appears exactly as soon as without this cache.
Pages built from a stale copy (CMS down) or from a draft are not kept.
"""

from collections.abc import Awaitable, Callable

from starlette.requests import Request
from starlette.responses import Response

from frontend.api_client import fresh_until_used
from frontend.cache import Entry, MemoryCache, now

Handler = Callable[[Request], Awaitable[Response]]


class PageCache:
    def __init__(self, max_pages: int = 500):
        self.pages = MemoryCache(max_pages)

    async def respond(self, request: Request, handler: Handler) -> Response:
        key = f"{request.base_url}{request.url.path}?{request.url.query}"
        hit = await self.pages.get(key)
        if hit is not None and hit.fresh:
            return Response(hit.data["body"], headers=hit.data["headers"])
        token = fresh_until_used.set([])
        try:
            response = await handler(request)
            used = fresh_until_used.get() or [0.0]
        finally:
            fresh_until_used.reset(token)
        until = min(used)
        if response.status_code == 200 and until > now() and hasattr(response, "body"):
            data = {"body": response.body, "headers": dict(response.headers)}
            await self.pages.set(key, Entry(data, None, until), 0)
        return response


def cached(handler: Handler) -> Handler:
    """A view whose pages are kept in the app's ``PageCache`` (when it has one)."""

    async def view(request: Request) -> Response:
        page_cache = request.app.state.frontend.page_cache
        if page_cache is None:
            return await handler(request)
        return await page_cache.respond(request, handler)

    view.__name__ = handler.__name__
    view.__doc__ = handler.__doc__
    return view
