"""Recording change events, in the transaction of the change itself.

Every event is written with one webhook delivery per active subscription (the outbox), so
a crash after the commit loses nothing, and a rolled-back change leaves no event behind.

Events must become visible in id order, or a consumer reading "everything after id 41"
while event 41's transaction is still open, and 42's already committed, would skip 41
forever. On PostgreSQL a transaction-level advisory lock, taken before each insert and held
until commit, makes event-writing transactions take their ids one after the other. SQLite
runs one writing transaction at a time anyway.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import Locale, Page

from cms.syndication.models import (
    QUESTION,
    ChangeEvent,
    WebhookDelivery,
    WebhookSubscription,
)
from cms.syndication.webhooks import deliver_webhooks

# Any constant shared by every app server; 'synd' in ASCII.
ADVISORY_LOCK_KEY = 0x73796E64


@dataclass(frozen=True)
class PageRef:
    """What an event keeps of a page, so it can still be told after the page is gone."""

    page_id: int
    content_type: str
    locale: str
    url_path: str

    @classmethod
    def of(cls, page: Page) -> "PageRef":
        return cls(
            page.pk,
            _content_type_label(page.content_type_id),
            _language_code(page.locale_id),
            page.url_path or "",
        )


def _content_type_label(content_type_id: int) -> str:
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    return model._meta.label if model else "wagtailcore.Page"


def _language_code(locale_id: int | None) -> str:
    if locale_id is None:
        return ""
    code = Locale.objects.filter(pk=locale_id).values_list("language_code", flat=True).first()
    return code or ""


def _lock_sequence() -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [ADVISORY_LOCK_KEY])


def record(event_type: str, refs: Iterable[PageRef], reason: str = "") -> list[ChangeEvent]:
    """Append one event per page and queue it for every active webhook subscription."""
    refs = list(refs)
    if not refs:
        return []
    now = timezone.now()
    with transaction.atomic():
        _lock_sequence()
        events = [
            ChangeEvent(
                event_type=event_type,
                page_id=ref.page_id,
                content_type=ref.content_type,
                locale=ref.locale,
                url_path=ref.url_path,
                reason=reason,
                created_at=now,
            )
            for ref in refs
        ]
        if connection.features.can_return_rows_from_bulk_insert:
            events = ChangeEvent.objects.bulk_create(events)
        else:
            for event in events:
                event.save()
        subscription_ids = list(
            WebhookSubscription.objects.filter(active=True).values_list("id", flat=True)
        )
        if subscription_ids:
            WebhookDelivery.objects.bulk_create(
                WebhookDelivery(
                    subscription_id=subscription_id,
                    event=event,
                    next_attempt_at=now,
                    created_at=now,
                )
                for event in events
                for subscription_id in subscription_ids
            )
            # Sent by the worker once the change is committed (the periodic job retries).
            transaction.on_commit(deliver_webhooks.enqueue)
    return events


def record_page(event_type: str, page: Page, reason: str = "") -> list[ChangeEvent]:
    return record(event_type, [PageRef.of(page)], reason)


def record_subtree(event_type: str, path: str, reason: str = "") -> list[ChangeEvent]:
    """Events for the live pages of a branch (its URLs changed, or its visibility)."""
    pages = (
        Page.objects.filter(path__startswith=path, live=True)
        .order_by("path")
        .only("id", "content_type_id", "locale_id", "url_path")
    )
    return record(event_type, (PageRef.of(page) for page in pages), reason)


def record_question(event_type: str, question_id: int) -> list[ChangeEvent]:
    """An event about a question of "Hỏi đáp" (created, updated or deleted)."""
    return record(event_type, [PageRef(question_id, QUESTION, "", "")])
