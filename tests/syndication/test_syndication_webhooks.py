"""Webhooks: signed deliveries from the outbox, retries, failures, and address checks."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from cms.editorial import retraction
from cms.syndication import addresses, webhooks
from cms.syndication.models import ChangeEvent, WebhookDelivery, WebhookSubscription
from tests.syndication_support import (
    PortalMirror,
    WebhookPortal,
    make_api_key,
    publish_new_article,
)

SECRET = "bí-mật-chung-với-cổng-tỉnh"


@pytest.fixture
def portal(settings):
    settings.WEBHOOK_ALLOW_PRIVATE_URLS = True
    with WebhookPortal(SECRET) as portal:
        yield portal


@pytest.fixture
def subscription(portal) -> WebhookSubscription:
    return WebhookSubscription.objects.create(name="Cổng tỉnh", url=portal.url, secret=SECRET)


def _public_ids(api) -> set[int]:
    return {item["id"] for item in api.get("/api/v2/pages/", {"limit": 100}).json()["items"]}


def test_webhooks_event_is_written_with_its_delivery_in_one_transaction(section, subscription):
    article = publish_new_article(section, "Tin có webhook")
    event = ChangeEvent.objects.get(page_id=article.id)
    delivery = WebhookDelivery.objects.get(event=event)
    assert delivery.subscription == subscription
    assert delivery.status == WebhookDelivery.PENDING


def test_webhooks_rolled_back_change_leaves_no_event(section, subscription):
    from django.db import transaction

    events, deliveries = ChangeEvent.objects.count(), WebhookDelivery.objects.count()
    with pytest.raises(RuntimeError), transaction.atomic():
        publish_new_article(section, "Tin bị hủy")
        raise RuntimeError
    assert ChangeEvent.objects.count() == events
    assert WebhookDelivery.objects.count() == deliveries


def test_webhooks_portal_mirror_recovers_after_failures_without_duplicates(
    api, subscription, portal, section, board_member
):
    # Given a portal that copied the site once through the change feed (its snapshot), then
    # fails for a while
    mirror = PortalMirror(api, make_api_key()[1])
    mirror.sync()
    portal.pages.update(mirror.pages)
    portal.failing = True
    first = publish_new_article(section, "Tin thứ nhất")
    second = publish_new_article(section, "Tin thứ hai")
    retraction.retract(first, board_member, "Sai số liệu")
    now = timezone.now()
    for minute in range(3):
        webhooks.deliver_due(now=now + datetime.timedelta(minutes=minute))
    assert portal.refused >= 3
    assert portal.applied == []
    delivery = WebhookDelivery.objects.order_by("id").first()
    assert delivery.last_status_code == 500
    assert delivery.attempts >= 2
    assert delivery.last_latency_ms is not None

    # When it recovers and the worker keeps running
    portal.failing = False
    third = publish_new_article(section, "Tin thứ ba")
    for minute in range(3, 90, 5):
        webhooks.deliver_due(now=now + datetime.timedelta(minutes=minute))

    # Then every event arrived once, in order, and the mirror equals the public site
    event_ids = list(ChangeEvent.objects.order_by("id").values_list("id", flat=True))
    assert len(event_ids) >= 5
    assert portal.applied == event_ids
    assert portal.bad_signatures == 0
    assert set(WebhookDelivery.objects.values_list("status", flat=True)) == {"delivered"}
    assert set(portal.pages) == _public_ids(api)
    assert {second.id, third.id} <= set(portal.pages)
    assert first.id not in portal.pages


def test_webhooks_delivery_fails_after_retry_period_and_can_be_redelivered(
    section, subscription, portal, settings
):
    settings.WEBHOOK_RETRY_FOR = 600
    portal.failing = True
    article = publish_new_article(section, "Tin gửi không được")
    now = timezone.now()
    for minute in range(0, 30, 2):
        webhooks.deliver_due(now=now + datetime.timedelta(minutes=minute))
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == WebhookDelivery.FAILED

    portal.failing = False
    webhooks.redeliver(delivery)
    webhooks.deliver_due()
    delivery.refresh_from_db()
    assert delivery.status == WebhookDelivery.DELIVERED
    assert portal.pages[article.id]["title"] == "Tin gửi không được"


def test_webhooks_signature_is_hmac_sha256_of_timestamp_and_body():
    import hashlib
    import hmac

    signature = webhooks.sign("khóa", "1781489400", b'{"a": 1}')
    expected = hmac.new(b"kh\xc3\xb3a", b'1781489400.{"a": 1}', hashlib.sha256).hexdigest()
    assert signature == f"sha256={expected}"


@pytest.mark.parametrize(
    "url",
    [
        "ftp://example.com/hook",
        "file:///etc/passwd",
        "http://127.0.0.1:8000/hook",
        "http://localhost/hook",
        "http://10.1.2.3/hook",
        "http://192.168.1.10/hook",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/hook",
        "http://[::ffff:127.0.0.1]/hook",
        "http://0.0.0.0/hook",
    ],
)
def test_webhooks_subscriber_url_refused_for_private_or_non_http(url, settings):
    settings.WEBHOOK_ALLOW_PRIVATE_URLS = False
    with pytest.raises(ValidationError):
        addresses.validate_subscriber_url(url)


def test_webhooks_public_address_is_accepted(settings, monkeypatch):
    import socket

    settings.WEBHOOK_ALLOW_PRIVATE_URLS = False
    monkeypatch.setattr(
        socket,
        "getaddrinfo",
        lambda *a, **k: [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("203.113.131.1", 443))],
    )
    assert addresses.resolve("https://congthongtin.example.vn/hook")[2] == ["203.113.131.1"]


def test_webhooks_delivery_checks_address_again_and_refuses_rebinding(
    section, subscription, portal, settings
):
    # Registered while allowed; the name now points at a loopback address.
    settings.WEBHOOK_ALLOW_PRIVATE_URLS = False
    publish_new_article(section, "Tin")
    webhooks.deliver_due()
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == WebhookDelivery.PENDING
    assert delivery.last_status_code is None
    assert "mạng nội bộ" in delivery.last_error  # "private network", in Vietnamese
    assert portal.applied == [] and portal.refused == 0


def test_webhooks_payload_writes_dates_as_the_api_does(api, section, subscription):
    import json

    article = publish_new_article(section, "Tin có ngày giờ")
    delivery = WebhookDelivery.objects.get(event__page_id=article.id)
    page = json.loads(webhooks.payload(delivery, webhooks.site_request()))["page"]
    detail = api.get(f"/api/v2/pages/{article.id}/").json()
    assert page["publication_date"] == detail["publication_date"]
    assert page["meta"]["first_published_at"] == detail["meta"]["first_published_at"]
