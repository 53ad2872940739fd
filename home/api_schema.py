"""The OpenAPI 3 document of the public API, written by hand, and its human-readable page.

Wagtail's API viewsets build their serializers at run time, which schema generators cannot
see; the shapes below mirror home/serializers.py and are checked against the live server
by schemathesis (tests/test_api_schema.py). Later issues add their endpoints to ``PATHS``.
"""

import copy

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template import engines
from django.utils.translation import gettext_lazy as _


def _nullable(schema: dict) -> dict:
    return {**schema, "nullable": True}


STRING = {"type": "string"}
INTEGER = {"type": "integer"}
DATE_TIME = {"type": "string", "format": "date-time"}
URL = {"type": "string", "format": "uri"}

ERROR = {
    "type": "object",
    "required": ["message"],
    "properties": {
        "message": STRING,
        "parameter": {"type": "string", "description": "The query parameter at fault."},
    },
}
PAGE_LINK = {
    "type": "object",
    "required": ["id", "title", "path"],
    "properties": {"id": INTEGER, "title": STRING, "path": STRING},
}
RENDITION = {
    "type": "object",
    "required": ["url", "width", "height"],
    "properties": {"url": URL, "width": INTEGER, "height": INTEGER},
}
IMAGE = {
    "type": "object",
    "required": ["id", "src", "width", "height", "srcset", "alt"],
    "properties": {
        "id": INTEGER,
        "src": {**URL, "description": "JPEG/PNG fallback rendition."},
        "width": INTEGER,
        "height": INTEGER,
        "srcset": {"type": "array", "items": RENDITION, "description": "WebP widths."},
        "alt": STRING,
        "caption": STRING,
        "credit": STRING,
    },
}
DOCUMENT = {
    "type": "object",
    "required": ["id", "title", "url"],
    "properties": {
        "id": INTEGER,
        "title": STRING,
        "url": URL,
        "file_size": _nullable(INTEGER),
        "file_extension": STRING,
        "content_type": STRING,
    },
}
PAGE_META = {
    "type": "object",
    "required": ["type", "detail_url", "html_url", "slug"],
    "properties": {
        "type": {"type": "string", "example": "home.ArticlePage"},
        "detail_url": URL,
        "html_url": URL,
        "slug": STRING,
        "first_published_at": _nullable(DATE_TIME),
        "locale": _nullable(STRING),
    },
}
PAGE_SUMMARY = {
    "type": "object",
    "description": "A listing item. `?fields=` chooses which of the fields are present.",
    "required": ["id", "meta"],
    "properties": {
        "id": INTEGER,
        "meta": PAGE_META,
        "title": STRING,
        "kind": {
            "type": "string",
            "enum": [
                "article",
                "video",
                "gallery",
                "section",
                "page",
                "home",
                "video_index",
                "gallery_index",
            ],
        },
        "path": {
            "type": "string",
            "description": "The path the frontend routes, e.g. /tin-tuc/x/.",
        },
        "lead": STRING,
        "publication_date": _nullable(DATE_TIME),
        "date_line": _nullable({"type": "string", "example": "Thứ Tư, ngày 15/06/2022"}),
        "section": _nullable(PAGE_LINK),
        "thumbnail": _nullable(
            {
                "type": "object",
                "required": ["url", "width", "height", "fallback_url", "alt"],
                "properties": {
                    "url": URL,
                    "fallback_url": URL,
                    "width": INTEGER,
                    "height": INTEGER,
                    "alt": STRING,
                },
            }
        ),
        "bylines": {"type": "array", "items": STRING},
        "featured": {"type": "boolean"},
        "highlight": {
            "type": "object",
            "description": "Only with `?search=`: the matching words in <mark>, the rest "
            "HTML-escaped.",
            "properties": {
                "title": {"type": "string", "example": "<mark>Cải cách</mark> hành chính"},
                "snippet": {
                    "type": "string",
                    "description": "About 200 characters of the lead and body around the "
                    "first match.",
                },
            },
        },
    },
}
BLOCK = {
    "type": "object",
    "required": ["type", "value", "id"],
    "properties": {
        "type": {
            "type": "string",
            "enum": ["paragraph", "heading", "image", "quote", "table", "video", "document"],
        },
        "id": STRING,
        "value": {
            "description": (
                "paragraph: HTML with internal links as frontend URLs; image: an Image; "
                "document: a Document; heading: {text, level}; quote: {text, attribution}; "
                "video: {embed, caption}; table: the table data."
            )
        },
    },
}
PAGE_DETAIL = {
    "type": "object",
    "required": ["id", "meta"],
    "properties": {
        **PAGE_SUMMARY["properties"],
        "breadcrumbs": {"type": "array", "items": PAGE_LINK},
        "seo": {
            "type": "object",
            "properties": {
                "title": STRING,
                "description": STRING,
                "canonical_url": URL,
                "og_image": _nullable(RENDITION),
            },
        },
        "body": {"type": "array", "items": BLOCK},
        "intro": STRING,
        "source": STRING,
        "tags": {
            "type": "array",
            "items": {"type": "object", "properties": {"name": STRING, "slug": STRING}},
        },
        "authors": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"id": INTEGER, "name": STRING, "position": STRING},
            },
        },
        "related": {"type": "array", "items": PAGE_SUMMARY},
        "previous": _nullable(PAGE_SUMMARY),
        "next": _nullable(PAGE_SUMMARY),
        "video": {
            "type": "object",
            "properties": {
                "file_url": _nullable(URL),
                "captions_url": _nullable(URL),
                "embed_url": _nullable(STRING),
                "duration_seconds": _nullable(INTEGER),
                "description": STRING,
            },
        },
        "photos": {"type": "array", "items": IMAGE},
        "subsections": {"type": "array", "items": PAGE_LINK},
        "translations": {
            "type": "array",
            "description": "The page in the other languages readers may see (language switch).",
            "items": {
                "type": "object",
                "required": ["locale", "id", "title", "path", "html_url"],
                "properties": {
                    "locale": {"type": "string", "example": "en"},
                    "id": INTEGER,
                    "title": STRING,
                    "path": {"type": "string", "example": "/en/news/administrative-reform/"},
                    "html_url": URL,
                },
            },
        },
    },
}


CHANGE_ITEM = {
    "type": "object",
    "required": ["event_id", "type", "page_id", "content_type", "locale", "url", "page"],
    "properties": {
        "event_id": _nullable({**INTEGER, "description": "null for snapshot items"}),
        "type": {
            "type": "string",
            "enum": [
                "created",
                "updated",
                "unpublished",
                "retracted",
                "expired",
                "deleted",
                "moved",
                "translated",
            ],
        },
        "page_id": INTEGER,
        "content_type": {"type": "string", "example": "home.ArticlePage"},
        "locale": STRING,
        "url": STRING,
        "time": _nullable(DATE_TIME),
        "reason": STRING,
        "page": _nullable(
            {**PAGE_DETAIL, "description": "The page as /api/v2/pages/<id>/ shows it now."}
        ),
    },
}
CHANGES = {
    "type": "object",
    "required": ["phase", "items", "next_cursor", "has_more"],
    "properties": {
        "phase": {"type": "string", "enum": ["snapshot", "changes"]},
        "items": {"type": "array", "items": CHANGE_ITEM},
        "next_cursor": STRING,
        "has_more": {"type": "boolean"},
    },
}


def _listing(item: dict) -> dict:
    return {
        "type": "object",
        "required": ["meta", "items"],
        "properties": {
            "meta": {
                "type": "object",
                "required": ["total_count"],
                "properties": {"total_count": INTEGER},
            },
            "items": {"type": "array", "items": item},
        },
    }


def _json(schema: dict, description: str = "OK") -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _param(name: str, description: str, schema: dict | None = None, where: str = "query"):
    return {
        "name": name,
        "in": where,
        "required": where == "path",
        "description": description,
        "schema": schema or STRING,
    }


ERRORS = {"400": _json(ERROR, "A query parameter is unknown or has a bad value.")}
NOT_FOUND = {"404": _json(ERROR, "Nothing public has this id.")}
LIMIT = _param(
    "limit",
    "Items per page, 1 to the maximum (default 20).",
    {"type": "integer", "minimum": 1, "maximum": 100},
)
OFFSET = _param(
    "offset", "Items to skip.", {"type": "integer", "minimum": 0, "maximum": 10_000_000}
)
FIELDS = _param(
    "fields",
    "Wagtail's syntax: `title,lead` adds, `-bylines` removes, `*` all, `_` none.",
)
ID = _param("id", "The object's id.", {"type": "integer", "minimum": 1}, "path")
SITE_LOCALE = _param(
    "locale",
    "Language code: `vi` (the default) or `en`; only what was translated and published "
    "in that language.",
)
PAGE_FILTERS = [
    LIMIT,
    OFFSET,
    FIELDS,
    _param(
        "type",
        "`article`, `video`, `gallery`, `section`, `page` or a model (`home.ArticlePage`); "
        "comma-separated for several.",
    ),
    _param("child_of", "Children of a page id, or `root`."),
    _param("descendant_of", "The branch under a page id, or `root`."),
    _param("locale", "Language code: `vi` (the default) or `en`."),
    _param("section", "A section id or slug: its articles and those of its subsections."),
    _param("tag", "A tag slug; several, comma-separated, must all be present."),
    _param("author", "An author id.", {"type": "integer", "minimum": 1}),
    _param("featured", "Featured articles only (or not).", {"type": "boolean"}),
    _param("published_from", "Publication date on or after (`YYYY-MM-DD` or a date-time)."),
    _param("published_to", "Publication date on or before (`YYYY-MM-DD` or a date-time)."),
    _param("updated_since", "Pages (re)published since this date-time, for incremental sync."),
    _param("order", "Fields, `-` for descending: `publication_date`, `title`, `id`, ..."),
    _param(
        "search",
        "Accent- and case-insensitive full-text search of articles, videos, galleries and "
        "standard pages (title, then lead, then body; documents linked from the body by "
        'their title): `cai cach` finds "Cải cách", `hoà` finds "hòa". Best matches '
        "first unless `order` is given; items get a `highlight`.",
    ),
    _param(
        "search_operator",
        "`and` (default: every word) or `or` (any word).",
        {"type": "string", "enum": ["and", "or"]},
    ),
]


def _get(summary: str, parameters: list, responses: dict, description: str = "") -> dict:
    operation = {"summary": summary, "parameters": parameters, "responses": responses}
    if description:
        operation["description"] = description
    return {"get": operation}


PATHS = {
    "/api/v2/pages/": _get(
        "Public pages",
        PAGE_FILTERS,
        {"200": _json(_listing(PAGE_SUMMARY)), **ERRORS},
        "Live, unexpired, unrestricted pages of the requested site. Without `type`, the "
        "filters section, tag, author, featured and published_* list articles. Dated "
        "pages come newest first, others in tree order.",
    ),
    "/api/v2/pages/{id}/": _get(
        "One public page", [ID, FIELDS], {"200": _json(PAGE_DETAIL), **ERRORS, **NOT_FOUND}
    ),
    "/api/v2/pages/find/": _get(
        "Find a page by its frontend path",
        [_param("html_path", "E.g. `/tin-tuc/bai-viet/`."), _param("id", "A page id.")],
        {
            "302": {"description": "Redirect to the page's detail URL."},
            **ERRORS,
            **NOT_FOUND,
        },
    ),
    "/api/v2/images/": _get(
        "Images used by public pages",
        [LIMIT, OFFSET],
        {"200": _json(_listing({"type": "object", "required": ["id", "title"]})), **ERRORS},
    ),
    "/api/v2/images/{id}/": _get(
        "One image with its renditions", [ID], {"200": _json(IMAGE), **ERRORS, **NOT_FOUND}
    ),
    "/api/v2/documents/": _get(
        "Documents attached to public pages",
        [LIMIT, OFFSET],
        {"200": _json(_listing(DOCUMENT)), **ERRORS},
    ),
    "/api/v2/documents/{id}/": _get(
        "One document", [ID], {"200": _json(DOCUMENT), **ERRORS, **NOT_FOUND}
    ),
    "/api/v2/menu/": _get(
        "Main menu: pages shown in menus, two levels, in tree order, in the requested language",
        [SITE_LOCALE],
        {
            "200": _json(
                {
                    "type": "object",
                    "required": ["items"],
                    "properties": {"items": {"type": "array", "items": {"type": "object"}}},
                }
            ),
            **ERRORS,
        },
    ),
    "/api/v2/site-settings/": _get(
        "Owner and footer lines of the site, in the requested language",
        [SITE_LOCALE],
        {
            "200": _json(
                {
                    "type": "object",
                    "properties": {
                        name: STRING
                        for name in (
                            "locale",
                            "organisation_name",
                            "owning_body",
                            "person_responsible",
                            "address",
                            "phone",
                            "email",
                            "licence",
                        )
                    },
                }
            ),
            **ERRORS,
        },
    ),
    "/api/v2/linked-websites/": _get(
        "Linked websites of the requested language, in editors' order",
        [SITE_LOCALE],
        {
            "200": _json(
                {
                    "type": "object",
                    "required": ["items"],
                    "properties": {
                        "items": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "required": ["id", "name", "url"],
                                "properties": {
                                    "id": INTEGER,
                                    "name": STRING,
                                    "url": STRING,
                                    "logo": _nullable(RENDITION),
                                },
                            },
                        }
                    },
                }
            ),
            **ERRORS,
        },
    ),
    "/api/v2/videos/latest/": _get(
        "Latest activity videos (default 6)",
        [LIMIT, FIELDS],
        {"200": _json(_listing(PAGE_SUMMARY)), **ERRORS},
    ),
    "/api/v2/search/autocomplete/": _get(
        "Titles for the search box, as the reader types",
        [
            _param("q", "What was typed so far; the last word matches as a prefix."),
            _param(
                "limit",
                "Suggestions, 1 to 20 (default 8).",
                {"type": "integer", "minimum": 1, "maximum": 20},
            ),
            _param("locale", "Language code, e.g. `vi`."),
        ],
        {
            "200": _json(
                {
                    "type": "object",
                    "required": ["items"],
                    "properties": {
                        "items": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "required": ["id", "title", "kind", "path", "highlight"],
                                "properties": {
                                    "id": INTEGER,
                                    "title": STRING,
                                    "kind": STRING,
                                    "path": STRING,
                                    "highlight": STRING,
                                },
                            },
                        }
                    },
                }
            ),
            **ERRORS,
        },
        "Accent- and case-insensitive, on titles of public pages only.",
    ),
    "/api/v2/galleries/latest/": _get(
        "Latest photo galleries (default 6)",
        [LIMIT, FIELDS],
        {"200": _json(_listing(PAGE_SUMMARY)), **ERRORS},
    ),
    # Syndication (syndication/views.py): needs an API key, see README "Syndication".
    "/api/v2/changes/": _get(
        "Change feed: a snapshot of public pages, then every change after it",
        [
            _param(
                "cursor",
                "Opaque; `next_cursor` of the previous response. Omitted: start with a "
                "snapshot of every public page, then the changes after it.",
            ),
            _param(
                "limit",
                "Items per response (default 100).",
                {"type": "integer", "minimum": 1, "maximum": 500},
            ),
        ],
        {
            "200": _json(CHANGES),
            **ERRORS,
            "401": _json(ERROR, "No API key, or a revoked or unknown one."),
            "410": _json(ERROR, "The cursor is older than the kept history: start again."),
            "429": _json(ERROR, "Over the key's rate limit; see Retry-After."),
        },
        "Apply items in order: `page` present, store it by `page_id`; `page` null, delete "
        "`page_id`. Delivery is at-least-once and applying an item twice changes nothing. "
        "Send the key as `Authorization: Bearer <key>` or `X-API-Key`.",
    ),
}


def openapi_document(request: HttpRequest | None = None) -> dict:
    document = {
        "openapi": "3.0.3",
        "info": {
            "title": str(_("Reader API")),
            "version": "2",
            "description": str(
                _(
                    "Published content of the site, for the reader frontend and the "
                    "provincial portal. Responses carry ETag and Cache-Control; send "
                    "If-None-Match to get 304 Not Modified."
                )
            ),
        },
        "paths": copy.deepcopy(PATHS),
    }
    limit_max = settings.API_LIMIT_MAX
    for path, operation in document["paths"].items():
        for parameter in operation["get"]["parameters"]:
            # The listings' limit; autocomplete has its own, fixed maximum.
            if parameter["name"] == "limit" and parameter["schema"].get("maximum") == 100:
                parameter["schema"]["maximum"] = (
                    settings.SYNDICATION_CHANGES_LIMIT_MAX
                    if path == "/api/v2/changes/"
                    else limit_max
                )
    if request is not None:
        document["servers"] = [{"url": f"{request.scheme}://{request.get_host()}"}]
    return document


def schema_view(request: HttpRequest) -> JsonResponse:
    return JsonResponse(openapi_document(request), json_dumps_params={"ensure_ascii": False})


_DOCS_TEMPLATE = """<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>{{ info.title }}</title>
<style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}
code{background:#f3f3f3;padding:0 .2em}td,th{text-align:left;vertical-align:top;padding:.2em .6em}
h2{border-top:1px solid #ccc;padding-top:1rem}</style></head><body>
<h1>{{ info.title }}</h1><p>{{ info.description }}</p>
<p><a href="{{ schema_url }}">OpenAPI 3 (JSON)</a></p>
{% for path, item in paths %}<h2><code>GET {{ path }}</code></h2>
<p>{{ item.get.summary }}</p>
{% if item.get.description %}<p>{{ item.get.description }}</p>{% endif %}
{% if item.get.parameters %}<table><tr><th>{{ parameter_label }}</th><th></th></tr>
{% for p in item.get.parameters %}<tr><td><code>{{ p.name }}</code></td>
<td>{{ p.description }}</td></tr>
{% endfor %}</table>{% endif %}
<p>{% for code, response in item.get.responses.items %}
<code>{{ code }}</code> {{ response.description }}<br>{% endfor %}</p>
{% endfor %}</body></html>"""


def docs_view(request: HttpRequest) -> HttpResponse:
    """The document as a page: every endpoint with its parameters and responses."""
    document = openapi_document(request)
    template = engines["django"].from_string(_DOCS_TEMPLATE)
    html = template.render(
        {
            "info": document["info"],
            "paths": sorted(document["paths"].items()),
            "schema_url": request.path.replace("docs/", "schema/"),
            "parameter_label": _("Parameter"),
        }
    )
    return HttpResponse(html)
