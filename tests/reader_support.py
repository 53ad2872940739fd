"""The reader site (frontend/) over the real CMS, in the test's own thread.

Starlette's TestClient runs the app in another thread, which cannot see rows a test has not
committed; here the frontend's event loop runs in this thread, so a test (or a Hypothesis
example rolled back at its end) reads what it just built, through the same routes readers
use.
"""

import asyncio
import os
from unittest import mock

import httpx
from django.db import DEFAULT_DB_ALIAS, connections
from django.test import Client

from frontend.app import create_app
from frontend.cache import MemoryCache
from frontend.config import Config

PUBLIC_URL = "https://tin.example.vn"


def cms_transport() -> httpx.MockTransport:
    """Requests to http://cms/ answered by the Django app itself, on the test's connection.

    In an event loop asgiref keeps Django's connections per context, not per thread: without
    handing it the test's own connection, the CMS would open another and see none of the
    test's uncommitted rows.
    """
    django = Client()
    connection = connections[DEFAULT_DB_ALIAS]

    def handler(request: httpx.Request) -> httpx.Response:
        connections[DEFAULT_DB_ALIAS] = connection
        response = django.get(request.url.raw_path.decode())
        return httpx.Response(
            response.status_code,
            content=response.content,
            headers={k: v for k, v in response.items() if k.lower() != "content-encoding"},
        )

    return httpx.MockTransport(handler)


def reader_get(path: str) -> httpx.Response:
    """GET ``path`` from a fresh reader site (empty caches) fed by this database."""
    config = Config(cms_api_url="http://cms/api/v2", public_url=PUBLIC_URL)
    app = create_app(config, cache=MemoryCache(), transport=cms_transport())

    async def get() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url=PUBLIC_URL) as reader:
            return await reader.get(path)

    # The stand-in transport calls Django (synchronous) from the frontend's event loop.
    with mock.patch.dict(os.environ, {"DJANGO_ALLOW_ASYNC_UNSAFE": "true"}):
        return asyncio.run(get())
