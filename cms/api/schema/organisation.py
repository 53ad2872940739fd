"""The organisation chart's endpoints (cms/api/organisation.py), merged into ``paths.PATHS``."""

from cms.api.schema.components import (
    ERRORS,
    ID_SCHEMA,
    INTEGER,
    RENDITION,
    SITE_LOCALE,
    STRING,
    URL,
    json_response,
    nullable,
    parameter,
)

UNIT_KINDS = ["leadership", "department", "party_organisation"]
UNIT = {
    "type": "object",
    "required": ["id", "name", "kind", "description", "address", "phone", "email", "children"],
    "properties": {
        "id": INTEGER,
        "name": STRING,
        "kind": {
            "type": "string",
            "enum": UNIT_KINDS,
            "description": "The leadership, an advisory department or a member Party organisation.",
        },
        "description": STRING,
        "address": STRING,
        "phone": STRING,
        "email": STRING,
        "children": {
            "type": "array",
            "description": "The units under this one, in the editors' order.",
            "items": {"type": "object"},
        },
    },
}
LEADER = {
    "type": "object",
    "required": ["id", "name", "position", "term", "phone", "email", "unit", "photo"],
    "properties": {
        "id": INTEGER,
        "name": STRING,
        "position": STRING,
        "term": STRING,
        "phone": STRING,
        "email": STRING,
        "unit": nullable(
            {
                "type": "object",
                "required": ["id", "name"],
                "properties": {"id": INTEGER, "name": STRING},
            }
        ),
        "photo": nullable(
            {
                "type": "object",
                "description": "A 240×300 portrait (WebP) with a JPEG fallback.",
                "required": ["url", "width", "height", "fallback_url", "alt"],
                "properties": {**RENDITION["properties"], "fallback_url": URL, "alt": STRING},
            }
        ),
    },
}


def _listing(item: dict) -> dict:
    return {
        "type": "object",
        "required": ["locale", "items"],
        "properties": {"locale": STRING, "items": {"type": "array", "items": item}},
    }


ORGANISATION_PATHS = {
    "/api/v2/organisation/units/": {
        "get": {
            "summary": "The organisation chart: published units of the requested language, "
            "as a tree in the editors' order",
            "parameters": [SITE_LOCALE],
            "responses": {"200": json_response(_listing(UNIT)), **ERRORS},
        }
    },
    "/api/v2/organisation/leaders/": {
        "get": {
            "summary": "Published leaders of the requested language, in the editors' order",
            "parameters": [
                SITE_LOCALE,
                parameter(
                    "unit", "Only the leaders of this unit (its id in that language).", ID_SCHEMA
                ),
            ],
            "responses": {"200": json_response(_listing(LEADER)), **ERRORS},
        }
    },
}
