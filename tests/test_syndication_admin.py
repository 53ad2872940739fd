"""Syndication in the admin: keys shown once and revoked, subscriptions checked, deliveries."""

import re

import pytest
from django.contrib.auth import get_user_model

from syndication.models import APIKey, ChangeEvent, WebhookDelivery, WebhookSubscription


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("admin", "admin@example.com", "pw")


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


def test_admin_api_key_is_shown_once_stored_hashed_and_revocable(admin_client, section):
    response = admin_client.post(
        "/admin/syndication_api_keys/new/", {"name": "Cổng tỉnh", "active": "on"}
    )
    assert response.status_code == 302
    shown = admin_client.get(response["Location"]).content.decode()
    key = re.search(r"synd_[\w-]+", shown).group(0)
    api_key = APIKey.objects.get(name="Cổng tỉnh")
    assert key not in (api_key.digest, api_key.prefix)
    assert key.startswith(api_key.prefix)

    changes = admin_client.get("/api/v2/changes/", HTTP_AUTHORIZATION=f"Bearer {key}")
    assert changes.status_code == 200
    listing = admin_client.get("/admin/syndication_api_keys/")
    assert key not in listing.content.decode()
    assert api_key.prefix in listing.content.decode()

    admin_client.post(f"/admin/syndication_api_keys/edit/{api_key.pk}/", {"name": "Cổng tỉnh"})
    api_key.refresh_from_db()
    assert not api_key.active and api_key.revoked_at is not None
    assert admin_client.get("/api/v2/changes/", HTTP_X_API_KEY=key).status_code == 401


def test_admin_webhook_refuses_private_address(admin_client, settings):
    settings.WEBHOOK_ALLOW_PRIVATE_URLS = False
    response = admin_client.post(
        "/admin/syndication_webhooks/new/",
        {"name": "Nội bộ", "url": "http://10.0.0.5/hook", "secret": "s", "active": "on"},
    )
    assert response.status_code == 200
    assert not WebhookSubscription.objects.exists()


def test_admin_delivery_log_shows_failures_and_redelivers(admin_client, section):
    subscription = WebhookSubscription.objects.create(
        name="Cổng tỉnh", url="https://example.com/hook", secret="s"
    )
    from tests.api_support import make_article

    make_article(section, "Tin")
    delivery = WebhookDelivery.objects.filter(subscription=subscription).first()
    delivery.status, delivery.last_status_code, delivery.last_latency_ms = "failed", 503, 87
    delivery.save()
    page = admin_client.get("/admin/syndication/deliveries/?status=failed")
    assert page.status_code == 200
    assert "503" in page.content.decode() and "87" in page.content.decode()
    response = admin_client.post(f"/admin/syndication/deliveries/{delivery.pk}/redeliver/")
    assert response.status_code == 302
    delivery.refresh_from_db()
    assert delivery.status == "pending"
    assert ChangeEvent.objects.filter(pk=delivery.event_id).exists()


def test_admin_delivery_log_is_refused_to_editors(client, board_member):
    client.force_login(board_member)
    response = client.get("/admin/syndication/deliveries/")
    assert response.status_code in (302, 403)
