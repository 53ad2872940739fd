"""Request handlers: one per kind of address, each an ``async (Request) -> Response``."""

import asyncio
import logging
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from frontend import content, documents, organisation, seo, work_schedule
from frontend.api_client import ApiClient, CMSUnavailable, NotFound
from frontend.config import Config
from frontend.i18n import Translations
from frontend.page_cache import PageCache, cached

logger = logging.getLogger(__name__)

TEMPLATE_BY_KIND = {
    "article": "pages/article.html",
    "video": "pages/video.html",
    "gallery": "pages/gallery.html",
    "section": "pages/listing.html",
    "video_index": "pages/listing.html",
    "gallery_index": "pages/listing.html",
    "page": "pages/standard.html",
    "document_index": "pages/documents.html",
    "document": "pages/document.html",
    **dict.fromkeys(work_schedule.KINDS, work_schedule.TEMPLATE),
    "organisation": "pages/organisation.html",
}
# HTML is cheap to rebuild from cached API data; browsers always ask again so that a
# retraction is not hidden behind a browser cache.
HTML_CACHE_CONTROL = "no-cache"


@dataclass
class Frontend:
    """Everything the handlers share, kept on ``app.state.frontend``."""

    config: Config
    api: ApiClient
    templates: Environment
    translations: Translations
    page_cache: PageCache | None = None


def frontend_of(request: Request) -> Frontend:
    return request.app.state.frontend


def base_url(request: Request) -> str:
    configured = frontend_of(request).config.public_url
    return configured or str(request.base_url).rstrip("/")


def page_number(request: Request) -> int:
    raw = request.query_params.get("page", "1")
    if not raw.isascii() or not raw.isdigit() or not 0 < int(raw) < 100_000:
        raise NotFound()
    return int(raw)


def html(
    request: Request,
    template: str,
    context: dict[str, Any],
    status_code: int = 200,
    headers: dict[str, str] | None = None,
) -> HTMLResponse:
    frontend = frontend_of(request)
    url = base_url(request)
    context = {
        "request": request,
        "base_url": url,
        "canonical": url + request.url.path,
        "current_path": request.url.path,
        "search_query": "",
        **context,
    }
    body = frontend.templates.get_template(template).render(context)
    return HTMLResponse(
        body,
        status_code=status_code,
        headers={"Cache-Control": HTML_CACHE_CONTROL, **(headers or {})},
    )


def with_trailing_slash(path: str) -> str:
    """The same-origin address of ``path`` with a trailing slash: "/tin-tuc" -> "/tin-tuc/".

    Leading slashes and backslashes collapse into one ("//evil.example" -> "/evil.example/"):
    browsers read a Location starting with "//" or "/\\" as another host.
    """
    rest = path.lstrip("/\\")
    return f"/{rest}/" if rest else "/"


@cached
async def home(request: Request) -> Response:
    data = await content.home(frontend_of(request).api)
    return html(request, "pages/home.html", data)


@cached
async def page(request: Request) -> Response:
    """Any page of the CMS's tree, by its path: articles, sections, videos, galleries."""
    path = request.url.path
    if not path.endswith("/"):
        return RedirectResponse(with_trailing_slash(path), status_code=301)
    api = frontend_of(request).api
    found, common = await asyncio.gather(
        content.page_at(api, path), content.chrome(api, content.locale_of(path))
    )
    if found["kind"] == "home":
        return RedirectResponse("/", status_code=301)
    if found.get("path") and found["path"] != path:
        # The CMS answered an old address (a moved page, an imported Plone path) with the page
        # it redirects to: send the reader, and search engines, to the page's own address.
        return RedirectResponse(found["path"], status_code=301)
    context: dict[str, Any] = {**common, "page": found}
    if TEMPLATE_BY_KIND.get(found["kind"]) == "pages/listing.html":
        params = content.children_params(found)
        context["listing"] = await content.listing(api, params, page_number(request))
    if found["kind"] == "document_index":
        context["library"] = await documents.library(api, request.query_params)
    if found["kind"] in work_schedule.KINDS:
        context.update(await work_schedule.week_context(api, request, found))
    if found["kind"] == "organisation":
        context["chart"] = await organisation.chart(api, content.locale_of(path))
    return render_page(request, found, context)


def render_page(request: Request, found: dict, context: dict[str, Any], **kwargs: Any) -> Response:
    template = TEMPLATE_BY_KIND.get(found["kind"], "pages/standard.html")
    url = base_url(request) + found["path"]
    context.setdefault("canonical", url)
    context["json_ld"] = seo.json_ld(found, url, context.get("site") or {})
    return html(request, template, context, **kwargs)


async def preview(request: Request) -> Response:
    """A draft from the admin's preview link; never cached, never indexed."""
    frontend = frontend_of(request)
    params = {
        "content_type": request.query_params.get("content_type", ""),
        "token": request.query_params.get("token", ""),
    }
    draft, common = await asyncio.gather(
        frontend.api.get_uncached("preview/", params), content.chrome(frontend.api)
    )
    context: dict[str, Any] = {**common, "page": draft, "preview": True}
    if TEMPLATE_BY_KIND.get(draft.get("kind")) == "pages/listing.html":
        context["listing"] = {"items": [], "total": 0, "page": 1, "pages": 1}
    elif draft.get("kind") == "organisation":
        locale = content.locale_of(draft.get("path") or "/")
        context["chart"] = await organisation.chart(frontend.api, locale)
    return render_page(
        request,
        draft,
        context,
        headers={"Cache-Control": "no-store", "X-Robots-Tag": "noindex"},
    )


@cached
async def search(request: Request) -> Response:
    api = frontend_of(request).api
    query = request.query_params.get("q", "").strip()[:200]
    common = await content.chrome(api)
    results = None
    if query:
        results = await content.listing(api, {"search": query}, page_number(request))
    return html(
        request,
        "pages/search.html",
        {**common, "search_query": query, "listing": results, "noindex": True},
    )


@cached
async def tag(request: Request) -> Response:
    api = frontend_of(request).api
    slug = request.path_params["slug"]
    params = {"type": "article", "tag": slug}
    common, listing, first = await asyncio.gather(
        content.chrome(api),
        content.listing(api, params, page_number(request)),
        content.first_article(api, params),
    )
    name = next((t["name"] for t in (first or {}).get("tags", []) if t["slug"] == slug), slug)
    return html(request, "pages/tag.html", {**common, "tag_name": name, "listing": listing})


@cached
async def author(request: Request) -> Response:
    api = frontend_of(request).api
    author_id = request.path_params["author_id"]
    params = {"type": "article", "author": author_id}
    common, listing, first = await asyncio.gather(
        content.chrome(api),
        content.listing(api, params, page_number(request)),
        content.first_article(api, params),
    )
    person = next((a for a in (first or {}).get("authors", []) if a["id"] == author_id), None)
    if person is None:
        raise NotFound()
    return html(request, "pages/author.html", {**common, "author": person, "listing": listing})


@cached
async def sitemap_xml(request: Request) -> Response:
    api = frontend_of(request).api
    pages, answered = await asyncio.gather(seo.all_pages(api), seo.latest_answer(api))
    return Response(
        seo.sitemap(pages, base_url(request), questions_updated=answered),
        media_type="application/xml",
    )


@cached
async def rss_xml(request: Request) -> Response:
    api = frontend_of(request).api
    latest, site = await asyncio.gather(
        api.get("pages/", {"type": "article", "limit": 30}), api.get("site-settings/")
    )
    title = site.get("organisation_name") or "RSS"
    body = seo.rss(latest["items"], base_url(request), site, title)
    return Response(body, media_type="application/rss+xml; charset=utf-8")


async def robots_txt(request: Request) -> Response:
    return Response(seo.robots(base_url(request)), media_type="text/plain; charset=utf-8")


async def favicon(request: Request) -> Response:
    static = request.app.state.static
    return RedirectResponse(static.url("favicon.svg"), status_code=301)


async def healthz(request: Request) -> Response:
    # Never cached by a proxy: a cached "ok" would hide a dead frontend.
    return Response("ok", media_type="text/plain", headers={"Cache-Control": "no-store, private"})


async def readyz(request: Request) -> Response:
    """200 when the CMS's API answers, else 503 naming it; never cached by a proxy."""
    ok = await frontend_of(request).api.reachable()
    return JSONResponse(
        {"status": "ok" if ok else "unavailable", "checks": {"cms_api": "ok" if ok else "failed"}},
        status_code=200 if ok else 503,
        headers={"Cache-Control": "no-store, private"},
    )


# Error pages: Vietnamese, with the site's menu and footer when they can be had.


async def error_page(request: Request, status_code: int, kind: str) -> Response:
    frontend = frontend_of(request)
    try:
        common = await content.chrome_or_empty(frontend.api)
        return html(
            request,
            "pages/error.html",
            {**common, "error": kind, "noindex": True},
            status_code=status_code,
            headers={"Cache-Control": "no-store"},
        )
    except Exception:
        # The last resort must not fail too: a plain page, still in Vietnamese.
        logger.exception("Error page %s failed", status_code)
        _ = frontend.translations.gettext
        return HTMLResponse(
            f'<!doctype html><html lang="vi"><meta charset="utf-8"><title>{_("Error")}</title>'
            f"<h1>{_('The site is temporarily unavailable. Please try again in a moment.')}</h1>"
            f'<p><a href="/">{_("Back to the home page")}</a></p></html>',
            status_code=status_code,
            headers={"Cache-Control": "no-store"},
        )


async def not_found(request: Request, exc: Exception) -> Response:
    if isinstance(exc, HTTPException) and exc.status_code != 404:
        return await error_page(request, exc.status_code, "server")
    return await error_page(request, 404, "not_found")


async def unavailable(request: Request, exc: Exception) -> Response:
    return await error_page(request, 503, "unavailable")


async def server_error(request: Request, exc: Exception) -> Response:
    logger.exception("Error rendering %s", request.url.path, exc_info=exc)
    return await error_page(request, 500, "server")


EXCEPTION_HANDLERS = {
    NotFound: not_found,
    CMSUnavailable: unavailable,
    HTTPException: not_found,
    Exception: server_error,
}
