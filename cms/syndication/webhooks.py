"""Webhook deliveries: signed JSON POSTs sent by a background worker from the outbox.

Every change event gets one WebhookDelivery per active subscription, written in the same
transaction as the event (cms/syndication/recording.py). ``deliver_due`` sends them in event
order per subscriber; the body is the change-feed item computed at delivery time, so a late
or repeated delivery still carries the current state::

    POST <subscriber URL>
    Content-Type: application/json
    X-Webhook-Id: 812                      (the event id: apply each id once, or idempotently)
    X-Webhook-Timestamp: 1781489400
    X-Webhook-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>

A 2xx answer delivers it. Anything else is retried with exponential backoff (10 s, 20 s,
40 s … at most an hour apart) for WEBHOOK_RETRY_FOR seconds, then marked failed; the admin
can send it again. Later events of the same subscriber wait behind a retried one, so a
subscriber never sees an event before an earlier one.
"""

import hashlib
import hmac
import http.client
import io
import socket
import ssl
import time
from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.handlers.wsgi import WSGIRequest
from django.db import connection, transaction
from django.utils import timezone
from django_tasks import task

from cms.syndication import addresses
from cms.syndication.changes import dumps, event_items
from cms.syndication.models import WebhookDelivery, WebhookSubscription

FIRST_RETRY_SECONDS = 10
MAX_RETRY_SECONDS = 3600
USER_AGENT = "tttd-cms-webhooks/1"


def sign(secret: str, timestamp: str, body: bytes) -> str:
    mac = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256)
    return "sha256=" + mac.hexdigest()


def backoff(attempts: int) -> timedelta:
    return timedelta(seconds=min(MAX_RETRY_SECONDS, FIRST_RETRY_SECONDS * 2 ** (attempts - 1)))


def site_request() -> WSGIRequest:
    """A request for the CMS's public address (CMS_BASE_URL), to serialize pages without one."""
    parts = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return WSGIRequest(
        {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": "/",
            "SERVER_NAME": parts.hostname,
            "SERVER_PORT": str(port),
            "HTTP_HOST": parts.netloc,
            "wsgi.url_scheme": parts.scheme,
            "wsgi.input": io.BytesIO(),
        }
    )


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    """HTTPS to a checked address, with the certificate checked against the host name."""

    def __init__(self, host: str, address: str, **kwargs):
        super().__init__(host, **kwargs)
        self._address = address

    def connect(self) -> None:
        sock = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


class _PinnedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, host: str, address: str, **kwargs):
        super().__init__(host, **kwargs)
        self._address = address

    def connect(self) -> None:
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


def post(url: str, body: bytes, headers: dict[str, str]) -> int:
    """POST to a public address of ``url``; the HTTP status (ValidationError, OSError)."""
    host, port, resolved = addresses.resolve(url)
    parts = urlsplit(url)
    if parts.scheme == "https":
        connection_class, extra = _PinnedHTTPSConnection, {"context": ssl.create_default_context()}
    else:
        connection_class, extra = _PinnedHTTPConnection, {}
    conn = connection_class(host, resolved[0], port=port, timeout=settings.WEBHOOK_TIMEOUT, **extra)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    host_header = parts.netloc.rpartition("@")[2]  # without any user:password@
    try:
        conn.request("POST", path, body=body, headers={**headers, "Host": host_header})
        response = conn.getresponse()
        response.read(64 * 1024)
        return response.status
    finally:
        conn.close()


def payload(delivery: WebhookDelivery, request: WSGIRequest) -> bytes:
    [item] = event_items(request, [delivery.event])
    return dumps(item).encode()


def attempt(delivery: WebhookDelivery, request: WSGIRequest, now=None) -> bool:
    """Send one delivery and record the outcome; True when the subscriber accepted it."""
    now = now or timezone.now()
    body = payload(delivery, request)
    timestamp = str(int(time.time()))
    headers = {
        "Content-Type": "application/json; charset=utf-8",
        "User-Agent": USER_AGENT,
        "X-Webhook-Id": str(delivery.event_id),
        "X-Webhook-Timestamp": timestamp,
        "X-Webhook-Signature": sign(delivery.subscription.secret, timestamp, body),
    }
    started = time.monotonic()
    status, error = None, ""
    try:
        status = post(delivery.subscription.url, body, headers)
    except ValidationError as refused:
        error = " ".join(refused.messages)
    except (OSError, http.client.HTTPException) as failure:
        error = f"{type(failure).__name__}: {failure}"
    delivery.last_latency_ms = int((time.monotonic() - started) * 1000)
    delivery.last_status_code = status
    delivery.attempts += 1
    if status is not None and 200 <= status < 300:
        delivery.status = WebhookDelivery.DELIVERED
        delivery.delivered_at = now
        delivery.last_error = ""
    else:
        delivery.last_error = error or f"HTTP {status}"
        if (now - delivery.created_at).total_seconds() >= settings.WEBHOOK_RETRY_FOR:
            delivery.status = WebhookDelivery.FAILED
        else:
            delivery.next_attempt_at = now + backoff(delivery.attempts)
    delivery.save()
    return delivery.status == WebhookDelivery.DELIVERED


def _deliver_for(subscription: WebhookSubscription, request, now, budget: int) -> int:
    sent = 0
    while sent < budget:
        head = (
            WebhookDelivery.objects.filter(
                subscription=subscription, status=WebhookDelivery.PENDING
            )
            .select_related("event", "subscription")
            .order_by("id")
            .first()
        )
        if head is None or head.next_attempt_at > now:
            return sent
        sent += 1
        if not attempt(head, request, now) and head.status == WebhookDelivery.PENDING:
            return sent  # later events wait behind it: order is kept
    return sent


def deliver_due(now=None, budget: int = 500) -> int:
    """Send what is due, at most ``budget`` requests; returns how many were attempted."""
    now = now or timezone.now()
    request = site_request()
    sent = 0
    for subscription_id in WebhookSubscription.objects.filter(active=True).values_list(
        "id", flat=True
    ):
        with transaction.atomic():
            # One worker per subscriber at a time (others skip it), keeping its order.
            subscriptions = WebhookSubscription.objects.filter(pk=subscription_id)
            if connection.features.has_select_for_update_skip_locked:
                subscriptions = subscriptions.select_for_update(skip_locked=True)
            subscription = subscriptions.first()
            if subscription is None:
                continue
            sent += _deliver_for(subscription, request, now, budget - sent)
        if sent >= budget:
            break
    return sent


@task()
def deliver_webhooks() -> int:
    """Send what is due: queued when change events are recorded, so they go out at once
    (the worker's periodic job sends retries, and anything whose task was lost)."""
    return deliver_due()


def redeliver(delivery: WebhookDelivery) -> None:
    """Queue a delivery again (from the admin), with a fresh retry period."""
    now = timezone.now()
    delivery.status = WebhookDelivery.PENDING
    delivery.next_attempt_at = now
    delivery.created_at = now
    delivery.save(update_fields=["status", "next_attempt_at", "created_at"])
    transaction.on_commit(deliver_webhooks.enqueue)
