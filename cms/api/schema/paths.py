"""Every endpoint of the reader API and the change feed, with its parameters and answers."""

from cms.api.schema.components import (
    CHANGES,
    CURSOR_SCHEMA,
    DETAIL_FIELDS_PARAMETER,
    DOCUMENT,
    ERROR,
    ERRORS,
    FIELDS,
    ID,
    ID_SCHEMA,
    IMAGE,
    INTEGER,
    LIMIT,
    LOCALE_SCHEMA,
    NOT_FOUND,
    OFFSET,
    PAGE_DETAIL,
    PAGE_FILTERS,
    PAGE_SUMMARY,
    RENDITION,
    SITE_LOCALE,
    STRING,
    json_response,
    listing_of,
    nullable,
    parameter,
)
from cms.api.schema.documents import PATHS as DOCUMENT_PATHS  # noqa: E402
from cms.api.schema.organisation import ORGANISATION_PATHS
from cms.api.schema.work_schedule import WORK_SCHEDULE_PATHS
from cms.contact.schema import QUESTIONS_PATH


def _get(summary: str, parameters: list, responses: dict, description: str = "") -> dict:
    operation = {"summary": summary, "parameters": parameters, "responses": responses}
    if description:
        operation["description"] = description
    return {"get": operation}


PATHS = {
    "/api/v2/pages/": _get(
        "Public pages",
        PAGE_FILTERS,
        {"200": json_response(listing_of(PAGE_SUMMARY, cursor=True)), **ERRORS},
        "Live, unexpired, unrestricted pages of the requested site. Without `type`, the "
        "filters section, tag, author, featured and published_* list articles. Dated "
        "pages come newest first (ties by id, newest id first), others in tree order. "
        "`meta.total_count` is exact. To read far into a newest-first listing, follow "
        "`meta.next_cursor` with `cursor` rather than raising `offset`.",
    ),
    "/api/v2/pages/{id}/": _get(
        "One public page",
        [ID, DETAIL_FIELDS_PARAMETER],
        {"200": json_response(PAGE_DETAIL), **ERRORS, **NOT_FOUND},
    ),
    "/api/v2/pages/find/": _get(
        "Find a page by its frontend path",
        [
            parameter("html_path", "E.g. `/tin-tuc/bai-viet/`."),
            parameter("id", "A page id.", ID_SCHEMA),
        ],
        {
            "302": {"description": "Redirect to the page's detail URL."},
            **ERRORS,
            **NOT_FOUND,
        },
    ),
    "/api/v2/images/": _get(
        "Images used by public pages",
        [LIMIT, OFFSET],
        {
            "200": json_response(listing_of({"type": "object", "required": ["id", "title"]})),
            **ERRORS,
        },
    ),
    "/api/v2/images/{id}/": _get(
        "One image with its renditions", [ID], {"200": json_response(IMAGE), **ERRORS, **NOT_FOUND}
    ),
    "/api/v2/documents/": _get(
        "Documents attached to public pages",
        [LIMIT, OFFSET],
        {"200": json_response(listing_of(DOCUMENT)), **ERRORS},
    ),
    "/api/v2/documents/{id}/": _get(
        "One document", [ID], {"200": json_response(DOCUMENT), **ERRORS, **NOT_FOUND}
    ),
    "/api/v2/menu/": _get(
        "Main menu: pages shown in menus, two levels, in tree order, in the requested language",
        [SITE_LOCALE],
        {
            "200": json_response(
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
            "200": json_response(
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
                            "map_url",
                            "licence",
                        )
                    }
                    | {
                        "share_image": nullable(
                            {
                                **RENDITION,
                                "description": "The site's share image, 1200×630 (og:image "
                                "of pages without their own).",
                            }
                        ),
                        "logo": nullable(
                            {**RENDITION, "description": "The organisation's logo (PNG)."}
                        ),
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
            "200": json_response(
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
                                    "logo": nullable(RENDITION),
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
        {"200": json_response(listing_of(PAGE_SUMMARY)), **ERRORS},
    ),
    "/api/v2/search/autocomplete/": _get(
        "Titles for the search box, as the reader types",
        [
            parameter("q", "What was typed so far; the last word matches as a prefix."),
            parameter(
                "limit",
                "Suggestions, 1 to 20 (default 8).",
                {"type": "integer", "minimum": 1, "maximum": 20},
            ),
            parameter("locale", "Language code, e.g. `vi`.", LOCALE_SCHEMA),
        ],
        {
            "200": json_response(
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
        {"200": json_response(listing_of(PAGE_SUMMARY)), **ERRORS},
    ),
    # Syndication (cms/syndication/views.py): needs an API key, see README "Syndication".
    "/api/v2/changes/": _get(
        "Change feed: a snapshot of public pages and questions, then every change after it",
        [
            parameter(
                "cursor",
                "Opaque; `next_cursor` of the previous response, as it was given. Omitted "
                "or empty: start with a snapshot of every public page, then the changes "
                "after it.",
                CURSOR_SCHEMA,
            ),
            parameter(
                "limit",
                "Items per response (default 100).",
                {"type": "integer", "minimum": 1, "maximum": 500},
            ),
        ],
        {
            "200": json_response(CHANGES),
            **ERRORS,
            "401": json_response(ERROR, "No API key, or a revoked or unknown one."),
            "410": json_response(ERROR, "The cursor is older than the kept history: start again."),
            "429": json_response(ERROR, "Over the key's rate limit; see Retry-After."),
        },
        "Apply items in order: `page` present, store it by `page_id`; `page` null, delete "
        "`page_id`. Items of `kind` `question` (answered questions in 'Hỏi đáp', after the "
        "pages in the snapshot) likewise by `question_id` and `question`. "
        "Delivery is at-least-once and applying an item twice changes nothing. "
        "Send the key as `Authorization: Bearer <key>` or `X-API-Key`.",
    ),
    # Readers' questions (cms/contact/): the one endpoint that also takes a POST.
    "/api/v2/questions/": QUESTIONS_PATH,
}
PATHS.update(DOCUMENT_PATHS)
PATHS.update(WORK_SCHEDULE_PATHS)
PATHS.update(ORGANISATION_PATHS)
