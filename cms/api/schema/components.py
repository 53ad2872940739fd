"""Shapes and parameters of the OpenAPI document, mirroring cms/api/serializers.py.

Parameters allow exactly the syntax the server takes (the patterns below are built from the
names and bounds it checks), so that what the document forbids is refused with a 400 and
a value it allows is refused only for what it means (no such page, no such section).
"""

from collections.abc import Iterable

from django.conf import settings

from cms.api.base import META_FIELD_NAMES
from cms.api.filters import MAX_ID, OrderFilter
from cms.api.pages import DETAIL_FIELDS
from cms.api.serializers import SUMMARY_FIELDS


def nullable(schema: dict) -> dict:
    return {**schema, "nullable": True}


def _one_of(names: Iterable[str]) -> str:
    return "(?:" + "|".join(sorted(names)) + ")"


def fields_schema(available: tuple[str, ...]) -> dict:
    """Wagtail's ``?fields=`` syntax over these names, without nesting (ReaderAPIViewSet
    .chosen_fields): ``title,-lead``, ``*`` or ``*,-body``, ``_`` or ``_,title``, empty."""
    name = _one_of({*available, *META_FIELD_NAMES})
    pattern = rf"^(?:-?{name}(?:,-?{name})*|\*(?:,-{name})*|_(?:,{name})*)?$"
    return {"type": "string", "pattern": pattern}


STRING = {"type": "string"}
INTEGER = {"type": "integer"}
DATE_TIME = {"type": "string", "format": "date-time"}
URL = {"type": "string", "format": "uri"}
# A page, author or other id: 1 to 18 digits, leading zeros aside (cms.api.filters.parse_id).
ID_SCHEMA = {"type": "integer", "minimum": 1, "maximum": MAX_ID - 1}
ID_DIGITS = len(str(MAX_ID - 1))
PAGE_ID_OR_ROOT = {"type": "string", "pattern": f"^(?:root|0*[1-9][0-9]{{0,{ID_DIGITS - 1}}})$"}
LOCALE_SCHEMA = {
    "type": "string",
    "enum": [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES],
}
ORDER_FIELD = "-?" + _one_of(OrderFilter.fields)
ORDER_SCHEMA = {"type": "string", "pattern": f"^{ORDER_FIELD}(?:,{ORDER_FIELD})*$"}
# The change feed's cursor as Cursor.encode writes it (cms/syndication/changes.py): URL-safe
# base64 without padding (the unused bits of a short last group zero) of at most 39 bytes.
CURSOR_SCHEMA = {
    "type": "string",
    "pattern": "^(?:[A-Za-z0-9_-]{4})*(?:[A-Za-z0-9_-][AQgw]|[A-Za-z0-9_-]{2}[AEIMQUYcgkosw048])?$",
    "maxLength": 52,
}

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
        "avif": {
            "type": "array",
            "items": RENDITION,
            "description": "The same widths in AVIF; empty where the server cannot write AVIF.",
        },
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
        "file_size": nullable(INTEGER),
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
        "first_published_at": nullable(DATE_TIME),
        "locale": nullable(STRING),
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
                "document",
                "document_index",
                "work_schedule",
                "work_week",
                "organisation",
            ],
        },
        "path": {
            "type": "string",
            "description": "The path the frontend routes, e.g. /tin-tuc/x/.",
        },
        "lead": STRING,
        "publication_date": nullable(DATE_TIME),
        "date_line": nullable({"type": "string", "example": "Thứ Tư, ngày 15/06/2022"}),
        "section": nullable(PAGE_LINK),
        "thumbnail": nullable(
            {
                "type": "object",
                "description": "The cover; a gallery without one: its first photo; a video "
                "without one: its file's poster (chosen, or a frame taken with ffmpeg), or "
                "for a YouTube embed YouTube's still (https://i.ytimg.com/…, 480×360).",
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
        "updated_at": nullable(
            {**DATE_TIME, "description": "When the page was last published (dateModified)."}
        ),
        "breadcrumbs": {"type": "array", "items": PAGE_LINK},
        "seo": {
            "type": "object",
            "properties": {
                "title": STRING,
                "description": STRING,
                "canonical_url": URL,
                "og_image": nullable(RENDITION),
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
        "previous": nullable(PAGE_SUMMARY),
        "next": nullable(PAGE_SUMMARY),
        "video": {
            "type": "object",
            "properties": {
                "file_url": nullable(URL),
                "captions_url": nullable(URL),
                "embed_url": nullable(STRING),
                "duration_seconds": nullable(INTEGER),
                "description": STRING,
            },
        },
        "photos": {"type": "array", "items": IMAGE},
        "subsections": {"type": "array", "items": PAGE_LINK},
        "document": {
            "type": "object",
            "description": "A document of the library: as /api/v2/legal-documents/<id>/.",
        },
        "week": {
            "type": "string",
            "description": "A work schedule week's ISO week, e.g. 2026-W49.",
        },
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
    "required": [
        "event_id",
        "type",
        "page_id",
        "content_type",
        "locale",
        "url",
        "page",
        "kind",
        "question_id",
        "question",
    ],
    "properties": {
        "event_id": nullable({**INTEGER, "description": "null for snapshot items"}),
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
        "page_id": nullable({**INTEGER, "description": "null for questions"}),
        "content_type": {"type": "string", "example": "home.ArticlePage"},
        "locale": STRING,
        "url": STRING,
        "time": nullable(DATE_TIME),
        "reason": STRING,
        "page": nullable(
            {**PAGE_DETAIL, "description": "The page as /api/v2/pages/<id>/ shows it now."}
        ),
        "kind": {"type": "string", "enum": ["page", "question"]},
        "question_id": nullable({**INTEGER, "description": "null for pages"}),
        "question": nullable(
            {
                "type": "object",
                "description": "An answered question in 'Hỏi đáp' as it is now; never the "
                "reader's name or contacts.",
                "required": [
                    "id",
                    "subject",
                    "question",
                    "answer",
                    "asked_at",
                    "answered_at",
                    "published_at",
                ],
                "additionalProperties": False,
                "properties": {
                    "id": INTEGER,
                    "subject": STRING,
                    "question": STRING,
                    "answer": STRING,
                    "asked_at": DATE_TIME,
                    "answered_at": nullable(DATE_TIME),
                    "published_at": DATE_TIME,
                },
            }
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


def listing_of(item: dict, cursor: bool = False) -> dict:
    """A listing: ``{"meta": {"total_count": …}, "items": […]}``; with ``cursor``, meta may
    carry ``next_cursor`` (newest-first listings: null after the last page)."""
    meta = {"total_count": INTEGER}
    if cursor:
        meta["next_cursor"] = {
            **nullable(CURSOR_SCHEMA),
            "description": "Give it as `cursor` for the next page; null on the last page. "
            "Only in listings of articles, videos or galleries newest first.",
        }
    return {
        "type": "object",
        "required": ["meta", "items"],
        "properties": {
            "meta": {"type": "object", "required": ["total_count"], "properties": meta},
            "items": {"type": "array", "items": item},
        },
    }


def json_response(schema: dict, description: str = "OK") -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def parameter(name: str, description: str, schema: dict | None = None, where: str = "query"):
    return {
        "name": name,
        "in": where,
        "required": where == "path",
        "description": description,
        "schema": schema or STRING,
    }


ERRORS = {"400": json_response(ERROR, "A query parameter is unknown or has a bad value.")}
NOT_FOUND = {"404": json_response(ERROR, "Nothing public has this id.")}
LIMIT = parameter(
    "limit",
    "Items per page, 1 to the maximum (default 20).",
    {"type": "integer", "minimum": 1, "maximum": 100},
)
OFFSET = parameter(
    "offset", "Items to skip.", {"type": "integer", "minimum": 0, "maximum": 10_000_000}
)
LISTING_CURSOR = parameter(
    "cursor",
    "The page after the one whose `meta.next_cursor` this is (articles, videos and galleries "
    "newest first, without `order`, `search` or `offset`). Deep pages cost what page 1 "
    "costs, where `offset` makes the database skip every item before.",
    {**CURSOR_SCHEMA, "maxLength": 56},
)
FIELDS_DESCRIPTION = "Wagtail's syntax: `title,lead` adds, `-bylines` removes, `*` all, `_` none."
FIELDS = parameter("fields", FIELDS_DESCRIPTION, fields_schema(SUMMARY_FIELDS))
DETAIL_FIELDS_PARAMETER = parameter("fields", FIELDS_DESCRIPTION, fields_schema(DETAIL_FIELDS))
ID = parameter("id", "The object's id.", ID_SCHEMA, "path")
SITE_LOCALE = parameter(
    "locale",
    "Language code: `vi` (the default) or `en`; only what was translated and published "
    "in that language.",
    LOCALE_SCHEMA,
)
PAGE_FILTERS = [
    LIMIT,
    OFFSET,
    LISTING_CURSOR,
    FIELDS,
    parameter(
        "type",
        "`article`, `video`, `gallery`, `section`, `page` or a model (`home.ArticlePage`); "
        "comma-separated for several.",
    ),
    parameter("child_of", "Children of a page id, or `root`.", PAGE_ID_OR_ROOT),
    parameter("descendant_of", "The branch under a page id, or `root`.", PAGE_ID_OR_ROOT),
    parameter("locale", "Language code: `vi` (the default) or `en`.", LOCALE_SCHEMA),
    parameter(
        "section",
        "A section id or slug: its articles and those of its subsections.",
        {"type": "string", "minLength": 1},
    ),
    parameter("tag", "A tag slug; several, comma-separated, must all be present."),
    parameter("author", "An author id.", ID_SCHEMA),
    parameter("featured", "Featured articles only (or not).", {"type": "boolean"}),
    parameter("published_from", "Publication date on or after (`YYYY-MM-DD` or a date-time)."),
    parameter("published_to", "Publication date on or before (`YYYY-MM-DD` or a date-time)."),
    parameter("updated_since", "Pages (re)published since this date-time, for incremental sync."),
    parameter(
        "order", "Fields, `-` for descending: `publication_date`, `title`, `id`, ...", ORDER_SCHEMA
    ),
    parameter(
        "search",
        "Accent- and case-insensitive full-text search of articles, videos, galleries and "
        "standard pages (title, then lead, then body; documents linked from the body by "
        'their title): `cai cach` finds "Cải cách", `hoà` finds "hòa". Best matches '
        "first unless `order` is given; items get a `highlight`.",
    ),
    parameter(
        "search_operator",
        "`and` (default: every word) or `or` (any word).",
        {"type": "string", "enum": ["and", "or"]},
    ),
]
