"""The document library's endpoints in the OpenAPI document (cms/api/documents.py)."""

from cms.api.schema.components import (
    DATE_TIME,
    DOCUMENT,
    ERRORS,
    ID,
    ID_DIGITS,
    INTEGER,
    LIMIT,
    NOT_FOUND,
    OFFSET,
    PAGE_LINK,
    STRING,
    URL,
    json_response,
    listing_of,
    nullable,
    parameter,
)
from home.models.documents import DocumentStatus

DATE = {"type": "string", "format": "date"}
NAMED = {
    "type": "object",
    "required": ["id", "name"],
    "properties": {"id": INTEGER, "name": STRING, "code": STRING},
}
ID_LIST = {
    "type": "string",
    "pattern": f"^0*[1-9][0-9]{{0,{ID_DIGITS - 1}}}(,0*[1-9][0-9]{{0,{ID_DIGITS - 1}}})*$",
}
DAY = {"type": "string", "pattern": "^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}$"}
LEGAL_DOCUMENT = {
    "type": "object",
    "required": ["id", "meta", "title", "path", "number", "document_type", "issuing_body"],
    "properties": {
        "id": INTEGER,
        "meta": {
            "type": "object",
            "properties": {
                "type": STRING,
                "detail_url": URL,
                "html_url": URL,
                "slug": STRING,
                "first_published_at": nullable(DATE_TIME),
            },
        },
        "title": STRING,
        "path": STRING,
        "number": {
            "type": "string",
            "description": "Number and code in the issuer's style.",
            "example": "81-KH/ĐUK",
        },
        "number_only": {"type": "string", "example": "81"},
        "code": {"type": "string", "description": "As typed; empty when composed."},
        "document_type": nullable(NAMED),
        "issuing_body": nullable(NAMED),
        "field": nullable(NAMED),
        "signer": STRING,
        "date_issued": nullable(DATE),
        "date_effective": nullable(DATE),
        "summary": {"type": "string", "description": "Trích yếu."},
        "status": {"type": "string", "enum": list(DocumentStatus.values)},
        "status_label": STRING,
    },
}
LEGAL_DOCUMENT_DETAIL = {
    "type": "object",
    "required": LEGAL_DOCUMENT["required"] + ["files"],
    "properties": {
        **LEGAL_DOCUMENT["properties"],
        "updated_at": nullable(DATE_TIME),
        "files": {"type": "array", "items": DOCUMENT},
        "amends": {"type": "array", "items": LEGAL_DOCUMENT},
        "replaces": {"type": "array", "items": LEGAL_DOCUMENT},
        "amended_by": {"type": "array", "items": LEGAL_DOCUMENT},
        "replaced_by": {"type": "array", "items": LEGAL_DOCUMENT},
        "cited_by": {"type": "array", "items": PAGE_LINK},
        "related_documents": {"type": "array", "items": LEGAL_DOCUMENT},
    },
}
LEGAL_DOCUMENT_FILTERS = [
    LIMIT,
    OFFSET,
    parameter("type", "Document type ids, comma-separated.", ID_LIST),
    parameter("issuer", "Issuing body ids, comma-separated.", ID_LIST),
    parameter("field", "Field ids, comma-separated.", ID_LIST),
    parameter("year", "Year issued.", {"type": "integer", "minimum": 1900, "maximum": 9000}),
    parameter("issued_from", "Issued on or after (`YYYY-MM-DD`).", DAY),
    parameter("issued_to", "Issued on or before (`YYYY-MM-DD`).", DAY),
    parameter("status", "Status.", {"type": "string", "enum": list(DocumentStatus.values)}),
    parameter(
        "number",
        "The number however typed: `81-KH`, `81/KH`, `kh 81`, `81kh` find 81-KH/ĐUK.",
    ),
    parameter(
        "search",
        "Accent- and case-insensitive words of the number, title, summary and the files' "
        "text (PDF text extracted at upload).",
    ),
]

PATHS = {
    "/api/v2/legal-documents/": {
        "get": {
            "summary": "Public documents of the document library (Văn bản)",
            "description": "Newest issued first.",
            "parameters": LEGAL_DOCUMENT_FILTERS,
            "responses": {"200": json_response(listing_of(LEGAL_DOCUMENT)), **ERRORS},
        }
    },
    "/api/v2/legal-documents/{id}/": {
        "get": {
            "summary": "One public document with its files and links",
            "parameters": [ID],
            "responses": {
                "200": json_response(LEGAL_DOCUMENT_DETAIL),
                **ERRORS,
                **NOT_FOUND,
            },
        }
    },
    "/api/v2/legal-documents/filters/": {
        "get": {
            "summary": "The filter form's lists: types, issuers, fields, years, statuses",
            "parameters": [],
            "responses": {
                "200": json_response(
                    {
                        "type": "object",
                        "required": ["types", "issuers", "fields", "years", "statuses"],
                        "properties": {
                            "types": {"type": "array", "items": NAMED},
                            "issuers": {"type": "array", "items": NAMED},
                            "fields": {"type": "array", "items": NAMED},
                            "years": {"type": "array", "items": INTEGER},
                            "statuses": {
                                "type": "array",
                                "items": {
                                    "type": "object",
                                    "properties": {"value": STRING, "label": STRING},
                                },
                            },
                        },
                    }
                ),
                **ERRORS,
            },
        }
    },
}
