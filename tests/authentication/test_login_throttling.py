"""Login throttling (issue 17, finding 11): the probe's 30 wrong passwords in 11 s, then the
right one, replayed through the admin's login form."""

import pytest
from axes.models import AccessAttempt
from django.core.cache import caches
from django.test import Client, RequestFactory, override_settings

from cms.authentication.throttling import client_ip
from tests.admin_support import is_refused
from tests.auth_support import sign_in

pytestmark = pytest.mark.django_db

LOCKED_TEXT = "Tạm khóa đăng nhập"


def signed_in(client: Client) -> bool:
    return client.get("/admin/").status_code == 200


def test_login_locks_username_after_five_failures_even_for_right_password(contributor):
    attacker = Client(REMOTE_ADDR="198.51.100.20")

    answers = [sign_in(attacker, "phongvien", f"sai-{n}") for n in range(5)]
    right = sign_in(attacker, "phongvien")

    assert [a.status_code for a in answers] == [200, 200, 200, 200, 429]
    assert right.status_code == 429
    assert not signed_in(attacker)
    page = right.content.decode()
    assert LOCKED_TEXT in page
    assert "15 phút" in page and "liên hệ quản trị viên" in page
    assert 'class="login"' in page  # the admin's look
    assert right["Retry-After"] == "900"


def test_login_locked_username_is_locked_from_every_address(contributor):
    attacker, owner = Client(REMOTE_ADDR="198.51.100.20"), Client(REMOTE_ADDR="203.0.113.10")
    for n in range(5):
        sign_in(attacker, "phongvien", f"sai-{n}")

    assert sign_in(owner, "phongvien").status_code == 429


def test_login_one_colleagues_lockout_spares_the_office(contributor, section_editor):
    # Everyone in the office comes through one NAT address.
    office = Client(REMOTE_ADDR="203.0.113.10")
    for n in range(5):
        sign_in(office, "phongvien", f"sai-{n}")

    answer = sign_in(office, "bientapvien")

    assert answer.status_code == 302
    assert signed_in(office)


def test_login_locks_address_after_thirty_failures_on_many_accounts(section_editor):
    # Password spraying: a few guesses on each of many accounts, under every username limit.
    sprayer = Client(REMOTE_ADDR="198.51.100.20")
    answers = [sign_in(sprayer, f"user{n % 10}", "123456") for n in range(30)]

    assert {a.status_code for a in answers[:29]} == {200}
    assert answers[29].status_code == 429
    assert sign_in(sprayer, "bientapvien").status_code == 429
    elsewhere = Client(REMOTE_ADDR="203.0.113.10")
    assert sign_in(elsewhere, "bientapvien").status_code == 302


def test_login_success_clears_only_the_usernames_failures(contributor):
    office = Client(REMOTE_ADDR="203.0.113.10")
    for n in range(4):
        sign_in(office, "phongvien", f"sai-{n}")
    assert sign_in(office, "phongvien").status_code == 302
    office.logout()

    # Four more typos later are not a lockout: the count started again.
    answers = [sign_in(office, "phongvien", f"sai-{n}") for n in range(4)]

    assert {a.status_code for a in answers} == {200}


def test_login_forged_forwarded_for_does_not_change_the_address(contributor):
    # Not through the proxy: whatever X-Forwarded-For says, the address is the peer's.
    attacker = Client(REMOTE_ADDR="198.51.100.20")
    for n in range(5):
        sign_in(attacker, f"user{n}", "x", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}")
    forged = RequestFactory().post("/", REMOTE_ADDR="198.51.100.20", HTTP_X_FORWARDED_FOR="1.2.3.4")

    assert client_ip(forged) == "198.51.100.20"
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"198.51.100.20"}


def test_login_address_behind_trusted_proxy_is_the_one_the_proxy_saw():
    # nginx appends the peer it saw; what the client sent itself stands to its left.
    through_proxy = RequestFactory().post(
        "/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="10.9.9.9, 203.0.113.10"
    )
    garbage = RequestFactory().post("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="x, ")
    with override_settings(TRUSTED_PROXIES=["10.0.0.0/8", "127.0.0.1"]):
        chained = RequestFactory().post(
            "/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="1.1.1.1, 203.0.113.10, 10.0.0.5"
        )
        assert client_ip(chained) == "203.0.113.10"

    assert client_ip(through_proxy) == "203.0.113.10"
    assert client_ip(garbage) == "127.0.0.1"


def test_login_proxy_clients_are_locked_out_apart(contributor, section_editor):
    # Behind the proxy every request comes from 127.0.0.1: the forwarded address counts.
    proxy = Client(REMOTE_ADDR="127.0.0.1")
    for n in range(30):
        sign_in(proxy, f"user{n % 10}", "x", HTTP_X_FORWARDED_FOR="198.51.100.20")

    refused = sign_in(proxy, "phongvien", HTTP_X_FORWARDED_FOR="198.51.100.20")
    admitted = sign_in(proxy, "bientapvien", HTTP_X_FORWARDED_FOR="203.0.113.10")

    assert refused.status_code == 429
    assert admitted.status_code == 302


def test_login_throttle_holds_while_redis_is_down(contributor):
    dead_redis = {
        "default": {
            "BACKEND": "cms.redis_cache.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    attacker = Client(REMOTE_ADDR="198.51.100.20")
    with override_settings(CACHES=dead_redis):
        caches["default"].set("probe", 1)
        assert type(caches["default"]).__name__ == "ResilientRedisCache"
        assert caches["default"].get("probe") is None  # Redis is really away
        answers = [sign_in(attacker, "phongvien", f"sai-{n}") for n in range(5)]
        right = sign_in(attacker, "phongvien")

    assert answers[-1].status_code == 429
    assert right.status_code == 429


def lock_out(username: str) -> None:
    attacker = Client(REMOTE_ADDR="198.51.100.20")
    for n in range(5):
        sign_in(attacker, username, f"sai-{n}")


def test_unlock_by_site_administrator_lets_the_user_in(client, contributor, site_admin):
    lock_out("phongvien")
    client.force_login(site_admin)

    listing = client.get("/admin/login-lockouts/")
    unlocked = client.post(
        "/admin/login-lockouts/unlock/", {"kind": "username", "value": "phongvien"}
    )
    owner = Client(REMOTE_ADDR="198.51.100.20")

    assert listing.status_code == 200
    html = listing.content.decode()
    assert "phongvien" in html and "198.51.100.20" not in html  # the address is under its limit
    assert "Mở khóa" in html
    assert unlocked.status_code == 302
    assert sign_in(owner, "phongvien").status_code == 302


def test_unlock_of_an_address_by_superuser(client, django_user_model, section_editor):
    sprayer = Client(REMOTE_ADDR="198.51.100.20")
    for n in range(30):
        sign_in(sprayer, f"user{n % 10}", "x")
    client.force_login(django_user_model.objects.create_superuser("admin", "a@example.com", "x"))

    assert "198.51.100.20" in client.get("/admin/login-lockouts/").content.decode()
    client.post("/admin/login-lockouts/unlock/", {"kind": "ip_address", "value": "198.51.100.20"})

    assert sign_in(sprayer, "bientapvien").status_code == 302


@pytest.mark.parametrize("role", ["contributor", "section_editor", "board_member"])
def test_unlock_refused_to_other_roles(client, request, role, django_user_model):
    django_user_model.objects.create_user("nguyenvana", password="pw")
    lock_out("nguyenvana")
    client.force_login(request.getfixturevalue(role))

    listing = client.get("/admin/login-lockouts/")
    assert is_refused(client, listing)
    unlock = client.post(
        "/admin/login-lockouts/unlock/", {"kind": "username", "value": "nguyenvana"}
    )
    assert is_refused(client, unlock)
    assert sign_in(Client(REMOTE_ADDR="203.0.113.10"), "nguyenvana").status_code == 429


def test_unlock_menu_item_shown_to_site_administrator_only(client, site_admin, board_member):
    client.force_login(site_admin)
    admin_menu = client.get("/admin/").content.decode()
    client.force_login(board_member)
    board_menu = client.get("/admin/").content.decode()

    assert "/admin/login-lockouts/" in admin_menu
    assert "/admin/login-lockouts/" not in board_menu


def test_login_test_client_login_still_works(client, contributor):
    # Tests (and scripts) sign in without a request; no client there to throttle.
    assert client.login(username="phongvien", password="pw")
    assert client.get("/admin/").status_code == 200
