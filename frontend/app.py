"""The reader frontend's Starlette application.

uvicorn frontend.app:app --port 8001        # CMS_API_URL=http://127.0.0.1:8000/api/v2
"""

import contextlib
import logging
from collections.abc import AsyncIterator
from typing import Any

import httpx
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.routing import Route
from starlette.types import ASGIApp

from frontend import contact, logs, views, work_schedule
from frontend.api_client import ApiClient
from frontend.cache import Cache, make_cache
from frontend.config import Config, from_environment
from frontend.i18n import Translations
from frontend.page_cache import PageCache
from frontend.render import make_environment
from frontend.security import SecurityHeadersMiddleware
from frontend.static_files import StaticFiles


def routes(static: StaticFiles) -> list[Route]:
    return [
        Route("/", views.home, name="home"),
        Route("/tim-kiem/", views.search, name="search"),
        Route("/chu-de/{slug}/", views.tag, name="tag"),
        Route("/tac-gia/{author_id:int}/", views.author, name="author"),
        Route("/lien-he/", contact.contact_page, methods=["GET", "POST"], name="contact"),
        Route("/hoi-dap/", contact.questions_page, name="questions"),
        Route(contact.ENGLISH_PATH, contact.english_contact_page, name="contact_en"),
        Route("/preview/", views.preview, name="preview"),
        Route("/sitemap.xml", views.sitemap_xml, name="sitemap"),
        Route("/rss.xml", views.rss_xml, name="rss"),
        Route(work_schedule.CALENDAR_PATH, work_schedule.calendar, name="work_schedule_ics"),
        Route("/robots.txt", views.robots_txt, name="robots"),
        Route("/favicon.ico", views.favicon, name="favicon"),
        Route("/healthz", views.healthz, name="healthz"),
        Route("/readyz", views.readyz, name="readyz"),
        Route("/static/{path:path}", static.serve, name="static"),
        # Last: every other address is a page of the CMS's tree.
        Route("/{path:path}", views.page, name="page"),
    ]


class ReaderSite(Starlette):
    """The Starlette app, with the request id (frontend/logs.py) and the security headers
    (frontend/security.py) outermost.

    Outside Starlette's own error handling, so that the 500 page, which that sends itself,
    gets them as well as every other page and the static files.
    """

    def __init__(self, config: Config, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.config = config

    def build_middleware_stack(self) -> ASGIApp:
        # The request id outermost of all: the 500 page carries it too, and the line logged
        # for the request has the status the reader got.
        return logs.RequestIdMiddleware(
            SecurityHeadersMiddleware(super().build_middleware_stack(), self.config)
        )


def create_app(
    config: Config | None = None,
    cache: Cache | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
) -> Starlette:
    """The app for ``config`` (default: the environment); ``transport`` stubs the CMS in tests."""
    config = config or from_environment()
    static = StaticFiles()
    translations = Translations("vi")
    api = ApiClient(
        config.cms_api_url,
        cache or make_cache(config.redis_url, config.cache_max_entries),
        timeout=config.api_timeout,
        stale_seconds=config.stale_seconds,
        transport=transport,
        max_stale_while_revalidate=config.max_stale_while_revalidate,
    )

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        await api.close()

    app = ReaderSite(
        config,
        debug=False,  # never a stack trace for readers, whatever the configuration
        routes=routes(static),
        middleware=[Middleware(GZipMiddleware, minimum_size=500)],
        exception_handlers=views.EXCEPTION_HANDLERS,
        lifespan=lifespan,
    )
    app.state.static = static
    app.state.frontend = views.Frontend(
        config=config,
        api=api,
        templates=make_environment(translations, static),
        translations=translations,
        page_cache=PageCache(),
    )
    logs.configure(config.log_format, logging.DEBUG if config.debug else logging.INFO)
    # One line per API request is noise, and costs time on every page.
    logging.getLogger("httpx").setLevel(logging.DEBUG if config.debug else logging.WARNING)
    return app


def __getattr__(name: str) -> Starlette:
    # `uvicorn frontend.app:app` builds the app on first use, so importing this module (in
    # tests) reads no environment.
    if name == "app":
        globals()["app"] = create_app()
        return globals()["app"]
    raise AttributeError(name)
