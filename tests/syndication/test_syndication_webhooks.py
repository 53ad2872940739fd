"""Webhooks: signed deliveries from the outbox, retries, failures, and address checks."""

import datetime
import errno
import ipaddress
import socket
import ssl

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
        "http://[64:ff9b::a00:5]/hook",
        "http://[2002:7f00:1::]/hook",
        "http://[::7f00:1]/hook",
        "http://[::ffff:a9fe:a9fe]/latest/meta-data/",
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


# --- The address defence at delivery time, with the private-address check on --------------
#
# ``network`` stands in for DNS and the routes out of the CMS by patching socket.getaddrinfo
# and socket.create_connection, which addresses.resolve and the pinned connections use. It
# records every name looked up and every address connected to; a loopback address is really
# connected to, so ``loopback_portal`` receives whatever the defence lets through.

PUBLIC = "203.113.131.1"  # a global address; nothing is ever sent to it
PUBLIC_V6 = "2001:4860:4860::8888"
NAME = "congthongtin.example.vn"
_real_create_connection = socket.create_connection


def _numeric(host: str) -> bool:
    try:
        ipaddress.ip_address(host.split("%")[0])
    except ValueError:
        return False
    return True


class FakeNetwork:
    """DNS answers per name, one per lookup (the last one repeats); a numeric host is its own
    answer, as with a real resolver. ``routes`` carries a public (address, port) to a loopback
    receiver's port standing in for that host; other public or private addresses refuse."""

    def __init__(self):
        self.answers: dict[str, list[list[str]]] = {}
        self.routes: dict[tuple[str, int], int] = {}
        self.lookups: list[str] = []
        self.connections: list[tuple[str, int]] = []

    def getaddrinfo(self, host, port, family=0, type=0, proto=0, flags=0):
        if _numeric(host):
            found = [host]
        else:
            self.lookups.append(host)
            if host not in self.answers:
                raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
            queue = self.answers[host]
            found = queue.pop(0) if len(queue) > 1 else queue[0]
        return [
            (socket.AF_INET6, socket.SOCK_STREAM, 6, "", (address, port, 0, 0))
            if ":" in address
            else (socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))
            for address in found
        ]

    def create_connection(self, address, timeout=None, source_address=None, **kwargs):
        host, port = address[0], int(address[1])
        error = OSError("getaddrinfo returns an empty list")
        for *_, sockaddr in self.getaddrinfo(host, port, 0, socket.SOCK_STREAM):
            target = sockaddr[0]
            self.connections.append((target, port))
            if (target, port) in self.routes:
                return _real_create_connection(("127.0.0.1", self.routes[target, port]), timeout)
            if ipaddress.ip_address(target.split("%")[0]).is_loopback:
                return _real_create_connection((target, port), timeout)
            error = ConnectionRefusedError(errno.ECONNREFUSED, f"{target}: test network")
        raise error


@pytest.fixture
def network(monkeypatch) -> FakeNetwork:
    network = FakeNetwork()
    monkeypatch.setattr(socket, "getaddrinfo", network.getaddrinfo)
    monkeypatch.setattr(socket, "create_connection", network.create_connection)
    return network


@pytest.fixture
def loopback_portal(settings):
    """A receiver on 127.0.0.1 recording (path, Host) of every request, with the check ON."""
    settings.WEBHOOK_ALLOW_PRIVATE_URLS = False
    with WebhookPortal(SECRET) as portal:
        portal.requests = []

        class Recording(portal.server.RequestHandlerClass):
            def do_POST(self):
                portal.requests.append((self.path, self.headers["Host"]))
                super().do_POST()

        portal.server.RequestHandlerClass = Recording
        portal.port = portal.server.server_address[1]
        yield portal


def _subscribe(url: str) -> WebhookSubscription:
    # Created without validation: registered when the name still answered a public address.
    return WebhookSubscription.objects.create(name="Cổng tỉnh", url=url, secret=SECRET)


def _assert_received_nothing(portal) -> None:
    assert portal.requests == []
    assert portal.applied == [] and portal.refused == 0 and portal.bad_signatures == 0


def test_webhooks_delivery_pins_connection_to_checked_address_under_dns_rebinding(
    section, loopback_portal, network
):
    # Given a name that answers a public address to the check and loopback (the receiver's
    # address, on the URL's port) to any later lookup: DNS rebinding
    port = loopback_portal.port
    network.answers[NAME] = [[PUBLIC], ["127.0.0.1"]]
    _subscribe(f"http://{NAME}:{port}/hooks/cms")
    publish_new_article(section, "Tin")
    now = timezone.now()

    # When the worker delivers
    webhooks.deliver_due(now=now)

    # Then it looked the name up once and connected to the checked address, never loopback
    assert network.lookups == [NAME]
    assert network.connections == [(PUBLIC, port)]
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == WebhookDelivery.PENDING
    assert delivery.attempts == 1
    assert delivery.last_error.startswith("ConnectionRefusedError")
    _assert_received_nothing(loopback_portal)

    # And the retry, which now resolves to loopback, is refused before any connection
    webhooks.deliver_due(now=now + datetime.timedelta(minutes=1))
    assert network.lookups == [NAME, NAME]
    assert network.connections == [(PUBLIC, port)]
    delivery.refresh_from_db()
    assert delivery.attempts == 2
    assert delivery.last_status_code is None
    assert "mạng nội bộ" in delivery.last_error  # "private network", in Vietnamese
    _assert_received_nothing(loopback_portal)


@pytest.mark.parametrize(
    "host, answer",
    [
        (NAME, ["127.0.0.1"]),
        (NAME, ["10.0.0.5"]),
        (NAME, ["192.168.1.10"]),
        (NAME, ["169.254.169.254"]),
        (NAME, ["::1"]),
        (NAME, ["::ffff:127.0.0.1"]),
        (NAME, ["fe80::1%2"]),
        (NAME, ["fd00::5"]),
        (NAME, [PUBLIC, "127.0.0.1"]),  # one private answer among public ones is enough
        # IPv6 addresses carrying a private IPv4 address: NAT64 of 10.0.0.5, 6to4 and
        # IPv4-compatible 127.0.0.1, IPv4-mapped 169.254.169.254, Teredo
        (NAME, ["64:ff9b::a00:5"]),
        (NAME, ["2002:7f00:1::"]),
        (NAME, ["::7f00:1"]),
        (NAME, ["::ffff:a9fe:a9fe"]),
        (NAME, ["2001:0:4136:e378:8000:63bf:3fff:fdd2"]),
        (NAME, [PUBLIC, "64:ff9b::a9fe:a9fe"]),
        ("127.0.0.1", None),  # a literal address, registered while private URLs were allowed
        ("[::ffff:127.0.0.1]", None),
        ("[64:ff9b::a00:5]", None),
        ("[2002:7f00:1::]", None),
        ("[::7f00:1]", None),
    ],
)
def test_webhooks_delivery_refuses_host_resolving_to_private_address(
    host, answer, section, loopback_portal, network, settings
):
    settings.WEBHOOK_RETRY_FOR = 600
    port = loopback_portal.port
    if answer is not None:
        network.answers[host] = [answer]
    _subscribe(f"http://{host}:{port}/hooks/cms")
    publish_new_article(section, "Tin")
    now = timezone.now()

    webhooks.deliver_due(now=now)

    # Refused at delivery, not only when the form is saved: retried with backoff
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == WebhookDelivery.PENDING
    assert delivery.attempts == 1
    assert delivery.last_status_code is None
    assert "mạng nội bộ" in delivery.last_error
    assert delivery.next_attempt_at == now + datetime.timedelta(seconds=10)

    # and failed once the retry period is over, without ever connecting
    webhooks.deliver_due(now=now + datetime.timedelta(seconds=600))
    delivery.refresh_from_db()
    assert delivery.status == WebhookDelivery.FAILED
    assert delivery.attempts == 2
    assert network.lookups == ([host, host] if answer is not None else [])
    assert network.connections == []
    _assert_received_nothing(loopback_portal)


@pytest.mark.parametrize(
    "url, answer, connect_port, host_header, path",
    [
        (f"http://{NAME}/hooks/cms", PUBLIC, 80, NAME, "/hooks/cms"),
        (
            f"http://{NAME}:8080/hooks/cms?nguon=cms",
            PUBLIC,
            8080,
            f"{NAME}:8080",
            "/hooks/cms?nguon=cms",
        ),
        (f"http://{NAME}", PUBLIC_V6, 80, NAME, "/"),
        # NAT64 of a public IPv4 address (8.8.8.8) is public too
        (f"http://{NAME}/hooks/cms", "64:ff9b::808:808", 80, NAME, "/hooks/cms"),
        # Credentials in the URL are not part of the Host header
        (f"http://cms:khoa@{NAME}/hooks/cms", PUBLIC, 80, NAME, "/hooks/cms"),
    ],
)
def test_webhooks_delivery_connects_to_checked_public_address_with_original_host(
    url, answer, connect_port, host_header, path, section, loopback_portal, network
):
    # Given a name answering a public address, that address carried to the receiver
    network.answers[NAME] = [[answer]]
    network.routes[answer, connect_port] = loopback_portal.port
    _subscribe(url)
    article = publish_new_article(section, "Tin đến cổng tỉnh")

    webhooks.deliver_due()

    assert network.lookups == [NAME]
    assert network.connections == [(answer, connect_port)]
    assert loopback_portal.requests == [(path, host_header)]
    assert loopback_portal.bad_signatures == 0
    assert loopback_portal.applied == [ChangeEvent.objects.get(page_id=article.id).id]
    assert WebhookDelivery.objects.get().status == WebhookDelivery.DELIVERED


def test_webhooks_https_delivery_checks_certificate_for_host_name_on_checked_address(
    section, loopback_portal, network, monkeypatch
):
    # Given a name answering a public address; the TLS handshake is recorded, then fails
    network.answers[NAME] = [[PUBLIC]]
    network.routes[PUBLIC, 443] = loopback_portal.port
    handshakes = []

    def wrap_socket(context, sock, server_hostname=None, **kwargs):
        handshakes.append((server_hostname, context.check_hostname, context.verify_mode))
        sock.close()
        raise ssl.SSLCertVerificationError("certificate verify failed (test)")

    monkeypatch.setattr(ssl.SSLContext, "wrap_socket", wrap_socket)
    _subscribe(f"https://{NAME}/hooks/cms")
    publish_new_article(section, "Tin")

    webhooks.deliver_due()

    assert network.lookups == [NAME]
    assert network.connections == [(PUBLIC, 443)]
    assert handshakes == [(NAME, True, ssl.CERT_REQUIRED)]
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == WebhookDelivery.PENDING
    assert delivery.last_error.startswith("SSLCertVerificationError")
    _assert_received_nothing(loopback_portal)


def test_webhooks_payload_writes_dates_as_the_api_does(api, section, subscription):
    import json

    article = publish_new_article(section, "Tin có ngày giờ")
    delivery = WebhookDelivery.objects.get(event__page_id=article.id)
    page = json.loads(webhooks.payload(delivery, webhooks.site_request()))["page"]
    detail = api.get(f"/api/v2/pages/{article.id}/").json()
    assert page["publication_date"] == detail["publication_date"]
    assert page["meta"]["first_published_at"] == detail["meta"]["first_published_at"]
