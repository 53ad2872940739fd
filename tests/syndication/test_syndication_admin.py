"""Syndication in the admin: keys shown once and revoked, subscriptions checked, deliveries."""

import re

import pytest
from django.contrib.auth import get_user_model

from cms.syndication.models import APIKey, ChangeEvent, WebhookDelivery, WebhookSubscription
from tests.admin_support import is_refused
from tests.syndication_support import make_api_key


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


@pytest.mark.parametrize(
    "url",
    [
        "http://[64:ff9b::a00:5]/hook",  # NAT64 of 10.0.0.5
        "http://[2002:7f00:1::]/hook",  # 6to4 of 127.0.0.1
        "http://[::7f00:1]/hook",  # IPv4-compatible 127.0.0.1
        "http://[::ffff:a9fe:a9fe]/latest/meta-data/",  # IPv4-mapped 169.254.169.254
        "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/hook",  # Teredo
        "http://[64:ff9b:1::808:808]/hook",  # NAT64 of one organisation's network
    ],
)
def test_admin_webhook_refuses_ipv6_address_carrying_private_ipv4(admin_client, settings, url):
    settings.WEBHOOK_ALLOW_PRIVATE_URLS = False
    response = admin_client.post(
        "/admin/syndication_webhooks/new/",
        {"name": "Nội bộ", "url": url, "secret": "s", "active": "on"},
    )
    assert response.status_code == 200
    assert "mạng nội bộ" in response.content.decode()  # "private network", in Vietnamese
    assert not WebhookSubscription.objects.exists()


def test_admin_webhook_accepts_ipv6_address_carrying_public_ipv4(admin_client, settings):
    settings.WEBHOOK_ALLOW_PRIVATE_URLS = False
    url = "http://[64:ff9b::808:808]/hook"  # NAT64 of 8.8.8.8
    response = admin_client.post(
        "/admin/syndication_webhooks/new/",
        {"name": "Cổng tỉnh", "url": url, "secret": "s", "active": "on"},
    )
    assert response.status_code == 302
    assert WebhookSubscription.objects.get().url == url


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


def test_admin_delivery_log_is_refused_to_editors(client, board_member, failed_delivery):
    client.force_login(board_member)

    response = client.get("/admin/syndication/deliveries/")
    assert is_refused(client, response)

    response = client.post(f"/admin/syndication/deliveries/{failed_delivery.pk}/redeliver/")
    assert is_refused(client, response)
    failed_delivery.refresh_from_db()
    assert failed_delivery.status == "failed" and failed_delivery.last_status_code == 502


# Per role: site administrators (Quản trị) manage keys, subscribers and deliveries; the
# editorial roles are refused every page and see none of it in the Settings menu.

EDITOR_ROLES = ["contributor", "section_editor", "board_member"]

SYNDICATION_MENU_URLS = [
    "/admin/syndication_api_keys/",
    "/admin/syndication_webhooks/",
    "/admin/syndication/deliveries/",
]


@pytest.fixture
def failed_delivery(section) -> WebhookDelivery:
    from tests.api_support import make_article

    subscription = WebhookSubscription.objects.create(
        name="Cổng tỉnh", url="https://example.com/hook", secret="s"
    )
    make_article(section, "Tin")
    delivery = WebhookDelivery.objects.filter(subscription=subscription).first()
    delivery.status, delivery.last_status_code, delivery.last_latency_ms = "failed", 502, 64
    delivery.save()
    return delivery


def test_site_admin_sees_syndication_in_settings_menu(client, site_admin):
    client.force_login(site_admin)
    dashboard = client.get("/admin/").content.decode()
    for url in SYNDICATION_MENU_URLS:
        assert url in dashboard


@pytest.mark.parametrize("role", EDITOR_ROLES)
def test_editors_see_no_syndication_menu_items(db, client, role, request):
    client.force_login(request.getfixturevalue(role))
    dashboard = client.get("/admin/")
    assert dashboard.status_code == 200
    for url in SYNDICATION_MENU_URLS:
        assert url not in dashboard.content.decode()


def test_site_admin_creates_and_revokes_api_key(client, site_admin, section):
    client.force_login(site_admin)
    assert client.get("/admin/syndication_api_keys/").status_code == 200
    response = client.post(
        "/admin/syndication_api_keys/new/", {"name": "Cổng tỉnh", "active": "on"}
    )
    assert response.status_code == 302
    shown = client.get(response["Location"]).content.decode()
    key = re.search(r"synd_[\w-]+", shown).group(0)
    assert "khóa sẽ không hiển thị lại" in shown
    api_key = APIKey.objects.get(name="Cổng tỉnh")
    assert api_key.created_by == site_admin
    assert client.get("/api/v2/changes/", HTTP_X_API_KEY=key).status_code == 200

    response = client.post(f"/admin/syndication_api_keys/edit/{api_key.pk}/", {"name": "Cổng tỉnh"})
    assert response.status_code == 302
    api_key.refresh_from_db()
    assert not api_key.active and api_key.revoked_at is not None
    assert client.get("/api/v2/changes/", HTTP_X_API_KEY=key).status_code == 401


def test_site_admin_registers_and_edits_webhook_subscriber(client, site_admin, settings):
    # A loopback receiver (no DNS in tests): the setting allows it.
    settings.WEBHOOK_ALLOW_PRIVATE_URLS = True
    client.force_login(site_admin)
    assert client.get("/admin/syndication_webhooks/").status_code == 200
    response = client.post(
        "/admin/syndication_webhooks/new/",
        {"name": "Cổng tỉnh", "url": "http://127.0.0.1:8123/hook", "secret": "s", "active": "on"},
    )
    assert response.status_code == 302
    subscription = WebhookSubscription.objects.get(name="Cổng tỉnh")

    response = client.post(
        f"/admin/syndication_webhooks/edit/{subscription.pk}/",
        {"name": "Cổng tỉnh", "url": "http://127.0.0.1:8123/hook-2", "secret": "s2"},
    )
    assert response.status_code == 302
    subscription.refresh_from_db()
    assert subscription.url == "http://127.0.0.1:8123/hook-2"
    assert subscription.secret == "s2" and not subscription.active


def test_site_admin_sees_delivery_log_and_redelivers(client, site_admin, failed_delivery):
    client.force_login(site_admin)
    page = client.get("/admin/syndication/deliveries/?status=failed")
    assert page.status_code == 200
    html = page.content.decode()
    assert "502" in html and "64" in html
    assert f"/admin/syndication/deliveries/{failed_delivery.pk}/redeliver/" in html

    response = client.post(f"/admin/syndication/deliveries/{failed_delivery.pk}/redeliver/")
    assert response.status_code == 302
    failed_delivery.refresh_from_db()
    assert failed_delivery.status == "pending"


@pytest.mark.parametrize("role", EDITOR_ROLES)
def test_editors_cannot_manage_api_keys(client, role, request, db):
    api_key, _key = make_api_key("Cổng tỉnh")
    client.force_login(request.getfixturevalue(role))
    assert is_refused(client, client.get("/admin/syndication_api_keys/"))
    assert is_refused(client, client.get("/admin/syndication_api_keys/new/"))
    assert is_refused(
        client, client.post("/admin/syndication_api_keys/new/", {"name": "Lén", "active": "on"})
    )
    assert is_refused(
        client,
        client.post(f"/admin/syndication_api_keys/edit/{api_key.pk}/", {"name": "Cổng tỉnh"}),
    )
    assert list(APIKey.objects.values_list("name", "active")) == [("Cổng tỉnh", True)]


@pytest.mark.parametrize("role", EDITOR_ROLES)
def test_editors_cannot_manage_webhook_subscribers(client, role, request, settings, db):
    settings.WEBHOOK_ALLOW_PRIVATE_URLS = False
    subscription = WebhookSubscription.objects.create(
        name="Cổng tỉnh", url="https://example.com/hook", secret="s"
    )
    client.force_login(request.getfixturevalue(role))
    assert is_refused(client, client.get("/admin/syndication_webhooks/"))
    assert is_refused(
        client,
        client.post(
            "/admin/syndication_webhooks/new/",
            {"name": "Lén", "url": "https://example.net/hook", "secret": "s", "active": "on"},
        ),
    )
    assert is_refused(
        client,
        client.post(
            f"/admin/syndication_webhooks/edit/{subscription.pk}/",
            {"name": "Cổng tỉnh", "url": "https://example.net/hook", "secret": "x"},
        ),
    )
    subscription.refresh_from_db()
    assert subscription.url == "https://example.com/hook" and subscription.active
    assert WebhookSubscription.objects.count() == 1


@pytest.mark.parametrize("role", EDITOR_ROLES)
def test_editors_cannot_see_deliveries_or_redeliver(client, role, request, failed_delivery):
    client.force_login(request.getfixturevalue(role))
    assert is_refused(client, client.get("/admin/syndication/deliveries/"))
    assert is_refused(
        client, client.post(f"/admin/syndication/deliveries/{failed_delivery.pk}/redeliver/")
    )
    failed_delivery.refresh_from_db()
    assert failed_delivery.status == "failed"
