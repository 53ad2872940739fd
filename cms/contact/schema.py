"""``/api/v2/questions/`` in the OpenAPI document (cms/api/schema/paths.py)."""

from cms.api.schema.components import (
    DATE_TIME,
    ERROR,
    ERRORS,
    INTEGER,
    LIMIT,
    OFFSET,
    STRING,
    json_response,
    listing_of,
    nullable,
)

QUESTION = {
    "type": "object",
    "required": [
        "id",
        "subject",
        "question",
        "name",
        "asked_at",
        "answer",
        "answered_at",
        "published_at",
    ],
    "properties": {
        "id": INTEGER,
        "subject": STRING,
        "question": STRING,
        "name": {"type": "string", "description": "The reader's name as given (never contacts)."},
        "asked_at": DATE_TIME,
        "answer": STRING,
        "answered_at": nullable(DATE_TIME),
        "published_at": DATE_TIME,
    },
}
# Lengths and formats are checked by the server (400 naming the field, in Vietnamese) after
# trimming and NFC normalisation, so the document states the shape only.
NEW_QUESTION = {
    "type": "object",
    "required": ["name", "subject", "message", "consent"],
    "additionalProperties": False,
    "properties": {
        "name": {"type": "string", "description": "Full name, 1–100 characters, one line."},
        "email": {
            "type": "string",
            "description": "E-mail address; this or `phone` is required.",
        },
        "phone": {"type": "string", "description": "Phone number, 8–20 characters."},
        "subject": {"type": "string", "description": "1–200 characters, one line."},
        "message": {"type": "string", "description": "10–5000 characters."},
        "consent": {"type": "boolean", "description": "Must be true."},
        "website": {
            "type": "string",
            "description": "Honeypot: leave empty (hidden from people on the form).",
        },
    },
}
FIELD_ERRORS = {
    "type": "object",
    "required": ["message", "errors"],
    "properties": {
        "message": STRING,
        "errors": {
            "type": "object",
            "description": "Messages per field, in Vietnamese.",
            "additionalProperties": {"type": "array", "items": STRING},
        },
    },
}
QUESTION_SEARCH = {
    "name": "search",
    "in": "query",
    "required": False,
    "description": "Words of the subject, question or answer, without regard to diacritics or "
    "case ('cai cach' finds 'Cải cách'); each word must start a word there. Never matches the "
    "reader's name or contacts. With no letter or digit: 400.",
    "schema": {"type": "string"},
}
QUESTIONS_PATH = {
    "get": {
        "summary": "Answered readers' questions the board published ('Hỏi đáp')",
        "parameters": [LIMIT, OFFSET, QUESTION_SEARCH],
        "responses": {"200": json_response(listing_of(QUESTION)), **ERRORS},
        "description": "Newest first. Never the reader's e-mail, phone or address.",
    },
    "post": {
        "summary": "Send a reader's question or feedback",
        "parameters": [],
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": NEW_QUESTION}},
        },
        "responses": {
            "202": json_response(
                {"type": "object", "required": ["message"], "properties": {"message": STRING}},
                "Received (a message caught by the honeypot gets the same answer).",
            ),
            "400": json_response(FIELD_ERRORS, "A field is missing or not valid."),
            "429": json_response(ERROR, "Too many messages from this address; see Retry-After."),
        },
        "description": "The frontend sends it with the reader's address in X-Forwarded-For "
        "(trusted only from FORWARDED_ALLOW_IPS). Stored for the office and e-mailed to it.",
    },
}
