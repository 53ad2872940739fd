"""Reading the change feed: cursors, the snapshot that starts a sync, and feed items.

A consumer starts without a cursor and receives a snapshot (every public page, by id),
then every event after it. Each item carries the page as the API's detail endpoint shows it
*now*, or ``null`` when it is not public now; applying items in order (page present:
upsert by id, else delete by id) leaves the consumer with exactly the public pages. Delivery
is at-least-once: an item may come again after a retry, and applying it again changes
nothing.

    {"event_id": 812, "type": "retracted", "page_id": 42, "content_type": "home.ArticlePage",
     "locale": "vi", "url": "https://tin.example.vn/tin-tuc/bai-viet/",
     "time": "2026-06-15T08:00:00+07:00", "reason": "Sai số liệu", "page": null,
     "kind": "page", "question_id": null, "question": null}

Answered readers' questions the board published in "Hỏi đáp" come the same way, with
``"kind": "question"``: ``question`` present, upsert by ``question_id``; null, delete it
(``page_id`` and ``page`` are null). A question item carries its public fields only, never
the reader's name or contacts.
"""

import base64
import binascii
import datetime
import json
import re
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Max
from django.http import HttpRequest
from django.utils import timezone
from rest_framework.utils.encoders import JSONEncoder
from wagtail.models import Page

from cms.api.context import APIContext
from cms.api.serializers import serialize_page_details
from cms.api.visibility import public_pages
from cms.syndication.models import QUESTION, ChangeEvent, ChangeFeedState
from home.models import ReaderQuestion

QUESTION_FIELDS = (
    "id",
    "subject",
    "message",
    "answer",
    "created_at",
    "answered_at",
    "published_at",
    "status",
    "published",
)


class BadCursor(ValueError):
    pass


class CursorExpired(Exception):
    """The cursor points into history that was purged: the consumer must start over."""


# A cursor is "e:<event id>", "s:<event id>:<page id>" or, in the snapshot of "Hỏi đáp"
# that follows the pages', "q:<event id>:<question id>", in URL-safe base64 without
# padding; ids have at most 18 digits (cms/api/filters.py).
_EVENT_CURSOR = re.compile(r"e:([0-9]{1,18})")
_SNAPSHOT_CURSOR = re.compile(r"([sq]):([0-9]{1,18}):([0-9]{1,18})")


@dataclass(frozen=True)
class Cursor:
    """After event ``event_id``; during a snapshot, also after page ``after_page`` (or, with
    ``questions``, after that question id in the snapshot of "Hỏi đáp")."""

    event_id: int
    snapshot: bool = False
    after_page: int = 0
    questions: bool = False

    def encode(self) -> str:
        kind = "q" if self.questions else "s"
        raw = f"{kind}:{self.event_id}:{self.after_page}" if self.snapshot else f"e:{self.event_id}"
        return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")

    @classmethod
    def decode(cls, token: str) -> "Cursor":
        """The cursor ``encode`` wrote as ``token``; any other string is a BadCursor."""
        try:
            raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode("ascii")
        except (binascii.Error, UnicodeDecodeError, ValueError) as error:
            raise BadCursor(token) from error
        if event := _EVENT_CURSOR.fullmatch(raw):
            cursor = cls(int(event[1]))
        elif snapshot := _SNAPSHOT_CURSOR.fullmatch(raw):
            cursor = cls(
                int(snapshot[2]),
                snapshot=True,
                after_page=int(snapshot[3]),
                questions=snapshot[1] == "q",
            )
        else:
            raise BadCursor(token)
        # The decoder skips stray characters and padding bits: only the one token encode()
        # writes for a cursor is taken, as the OpenAPI document's pattern says.
        if cursor.encode() != token:
            raise BadCursor(token)
        return cursor


class APIJSONEncoder(JSONEncoder):
    """The reader API's JSON encoder (Django REST framework's): datetimes to the microsecond,
    UTC written as ``Z``, so a page in the feed is byte for byte the detail endpoint's."""


def dumps(data) -> str:
    """Feed items and webhook payloads as JSON, in the API's encoding."""
    return json.dumps(data, cls=APIJSONEncoder, ensure_ascii=False)


def purged_through() -> int:
    state = ChangeFeedState.objects.filter(pk=1).first()
    return state.purged_through if state else 0


def latest_event_id() -> int:
    return ChangeEvent.objects.aggregate(m=Max("id"))["m"] or 0


def _iso(value) -> str | None:
    return timezone.localtime(value).isoformat() if value else None


def _url(ctx: APIContext, url_path: str) -> str:
    return ctx.scope.public_base_url + ctx.scope.frontend_path(url_path) if url_path else ""


def _item(ctx: APIContext, event: ChangeEvent, data: dict | None) -> dict:
    return {
        "event_id": event.id,
        "type": event.event_type,
        "page_id": event.page_id,
        "content_type": event.content_type,
        "locale": event.locale,
        "url": data["meta"]["html_url"] if data else _url(ctx, event.url_path),
        "time": _iso(event.created_at),
        "reason": event.reason,
        "page": data,
        "kind": "page",
        "question_id": None,
        "question": None,
    }


def question_data(question: ReaderQuestion) -> dict:
    """What the feed tells of a question in "Hỏi đáp": never the reader's name or contacts."""
    return {
        "id": question.id,
        "subject": question.subject,
        "question": question.message,
        "answer": question.answer,
        "asked_at": _iso(question.created_at),
        "answered_at": _iso(question.answered_at),
        "published_at": _iso(question.published_at),
    }


def _question_item(event_id: int | None, event_type: str, question_id: int, time, data) -> dict:
    return {
        "event_id": event_id,
        "type": event_type,
        "page_id": None,
        "content_type": QUESTION,
        "locale": "",
        "url": "",
        "time": _iso(time),
        "reason": "",
        "page": None,
        "kind": "question",
        "question_id": question_id,
        "question": data,
    }


def _public_questions():
    return ReaderQuestion.objects.public().only(*QUESTION_FIELDS)


def _details(pages: list[Page], request: HttpRequest, ctx: APIContext) -> dict[int, dict]:
    """The detail representation of each page, by id, serialized as one batch."""
    if not pages:
        return {}
    data = serialize_page_details(pages, request, ctx)
    return {page.id: item for page, item in zip(pages, data, strict=True)}


def event_items(request: HttpRequest, events: list[ChangeEvent]) -> list[dict]:
    """Feed items for these events, each page as it is now (``None`` if not public now)."""
    ctx = APIContext(request)
    wanted_questions = {
        e.page_id
        for e in events
        if e.content_type == QUESTION and e.event_type not in ChangeEvent.REMOVALS
    }
    questions = _public_questions().in_bulk(wanted_questions) if wanted_questions else {}
    wanted = {
        e.page_id
        for e in events
        if e.content_type != QUESTION and e.event_type not in ChangeEvent.REMOVALS
    }
    # specific(): one query per page type for the batch, not one per page.
    pages = public_pages(request).specific().in_bulk(wanted) if wanted else {}
    # A page with several events in the batch is serialized once, all pages together.
    found = sorted(pages.values(), key=lambda page: page.id)
    details = _details(found, request, ctx)
    items = []
    for event in events:
        removed = event.event_type in ChangeEvent.REMOVALS
        if event.content_type == QUESTION:
            question = None if removed else questions.get(event.page_id)
            data = question_data(question) if question else None
            items.append(
                _question_item(event.id, event.event_type, event.page_id, event.created_at, data)
            )
        else:
            items.append(_item(ctx, event, None if removed else details.get(event.page_id)))
    return items


def read(request: HttpRequest, cursor: Cursor | None, limit: int) -> dict:
    """One page of the feed: ``{"items", "next_cursor", "has_more", "phase"}``."""
    if cursor is None:
        # Anything that changes after this id is also an event after it, so the snapshot
        # plus the events that follow it miss nothing.
        cursor = Cursor(max(latest_event_id(), purged_through()), snapshot=True)
    if cursor.event_id < purged_through():
        raise CursorExpired
    if cursor.questions:
        return _read_question_snapshot(cursor, limit)
    if cursor.snapshot:
        return _read_snapshot(request, cursor, limit)
    events = list(ChangeEvent.objects.filter(id__gt=cursor.event_id).order_by("id")[: limit + 1])
    has_more = len(events) > limit
    events = events[:limit]
    next_cursor = Cursor(events[-1].id) if events else cursor
    return {
        "phase": "changes",
        "items": event_items(request, events),
        "next_cursor": next_cursor.encode(),
        "has_more": has_more,
    }


def _read_snapshot(request: HttpRequest, cursor: Cursor, limit: int) -> dict:
    ctx = APIContext(request)
    pages = list(
        public_pages(request)
        .filter(id__gt=cursor.after_page)
        .order_by("id")
        .specific()[: limit + 1]
    )
    more_pages = len(pages) > limit
    pages = pages[:limit]
    details = _details(pages, request, ctx)
    items = []
    for page in pages:
        data = details[page.id]
        items.append(
            {
                "event_id": None,
                "type": ChangeEvent.CREATED,
                "page_id": data["id"],
                "content_type": data["meta"]["type"],
                "locale": data["meta"]["locale"] or "",
                "url": data["meta"]["html_url"],
                "time": _iso(page.last_published_at),
                "reason": "",
                "page": data,
                "kind": "page",
                "question_id": None,
                "question": None,
            }
        )
    if more_pages:
        next_cursor = Cursor(cursor.event_id, snapshot=True, after_page=pages[-1].id)
        has_more = True
    elif _public_questions().exists():
        next_cursor = Cursor(cursor.event_id, snapshot=True, questions=True)
        has_more = True
    else:
        next_cursor = Cursor(cursor.event_id)
        has_more = ChangeEvent.objects.filter(id__gt=cursor.event_id).exists()
    return {
        "phase": "snapshot",
        "items": items,
        "next_cursor": next_cursor.encode(),
        "has_more": has_more,
    }


def _read_question_snapshot(cursor: Cursor, limit: int) -> dict:
    """The snapshot's second part: every question published in "Hỏi đáp", by id."""
    questions = list(
        _public_questions().filter(id__gt=cursor.after_page).order_by("id")[: limit + 1]
    )
    more = len(questions) > limit
    questions = questions[:limit]
    items = [
        _question_item(None, ChangeEvent.CREATED, q.id, q.published_at, question_data(q))
        for q in questions
    ]
    if more:
        next_cursor = Cursor(
            cursor.event_id, snapshot=True, after_page=questions[-1].id, questions=True
        )
        has_more = True
    else:
        next_cursor = Cursor(cursor.event_id)
        has_more = ChangeEvent.objects.filter(id__gt=cursor.event_id).exists()
    return {
        "phase": "snapshot",
        "items": items,
        "next_cursor": next_cursor.encode(),
        "has_more": has_more,
    }


def purge(now=None) -> int:
    """Drop events older than SYNDICATION_TOMBSTONE_DAYS; remember the highest id dropped."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.SYNDICATION_TOMBSTONE_DAYS)
    old = ChangeEvent.objects.filter(created_at__lt=cutoff)
    highest = old.aggregate(m=Max("id"))["m"]
    if highest is None:
        return 0
    # Deliveries of purged events go with them (cascade): they are months old.
    deleted, _counts = ChangeEvent.objects.filter(id__lte=highest).delete()
    state, _created = ChangeFeedState.objects.get_or_create(pk=1)
    state.purged_through = max(state.purged_through, highest)
    state.purged_at = now
    state.save()
    return deleted
