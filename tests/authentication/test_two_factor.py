"""Two-factor sign-in (issue 17, finding 11): required for the board, site administrators and
superusers, optional for others; the code, or a recovery code, once each."""

import re

import pytest
from django.core.management import call_command
from django.test import Client
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from freezegun import freeze_time
from wagtail.documents import get_document_model

from tests.admin_support import is_refused
from tests.auth_support import sign_in, signed_in_with_second_factor, totp_code
from tests.media_support import PDF_BYTES, upload

pytestmark = pytest.mark.django_db

# Admin pages and the admin's API: nothing answers to a password alone.
ADMIN_PAGES = ["/admin/", "/admin/pages/", "/admin/users/", "/admin/api/main/pages/"]


@pytest.fixture(autouse=True)
def two_factor_for_roles(settings):
    settings.TWO_FACTOR_REQUIRED = "roles"


def enrol(client: Client) -> tuple[TOTPDevice, list[str]]:
    """Go through enrolment as the user does; the device and the recovery codes shown."""
    page = client.get("/admin/two-factor/enrol/").content.decode()
    secret = re.search(r'id="two-factor-secret">([A-Z2-7]+)<', page).group(1)
    device = TOTPDevice.objects.get(confirmed=False)
    assert secret in page and f"secret={secret}" in page  # the key and the QR's URI
    answer = client.post("/admin/two-factor/enrol/?next=/admin/", {"code": totp_code(device)})
    assert answer.status_code == 302
    codes_page = client.get(answer["Location"]).content.decode()
    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", codes_page)
    return device, codes


@pytest.mark.parametrize("role", ["board_member", "site_admin", "superuser"])
def test_two_factor_required_password_alone_reaches_no_admin_page(request, role, client):
    user = (
        request.getfixturevalue("django_user_model").objects.create_superuser("admin", "", "pw")
        if role == "superuser"
        else request.getfixturevalue(role)
    )

    assert sign_in(client, user.username).status_code == 302
    answers = {path: client.get(path) for path in ADMIN_PAGES}

    for path, answer in answers.items():
        assert answer.status_code == 302, path
        assert answer["Location"].startswith("/admin/two-factor/enrol/?next="), path
    enrolment = client.get(answers["/admin/"]["Location"])
    assert enrolment.status_code == 200
    assert "Bật xác thực hai bước" in enrolment.content.decode()
    forged = client.post("/admin/pages/add/home/articlepage/1/", {"title": "x"})
    assert forged.status_code == 302 and "/two-factor/enrol/" in forged["Location"]


@pytest.mark.usefixtures("disk_storage")
def test_two_factor_password_alone_is_anonymous_outside_the_admin(client, board_member):
    # A document no live page links: served to signed-in staff only (media_library).
    document = get_document_model()(title="Kế hoạch nội bộ")
    document.file.save("ke-hoach.pdf", upload("ke-hoach.pdf", PDF_BYTES), save=False)
    document._set_document_file_metadata()
    document.save()
    sign_in(client, "truongban")

    with_password_only = client.get(document.url)
    device = TOTPDevice.objects.create(user=board_member, name="totp", confirmed=True)
    client.post("/admin/two-factor/verify/", {"code": totp_code(device)})
    with_code = client.get(document.url)

    assert with_password_only.status_code == 404  # as for an anonymous reader
    assert with_code.status_code == 200


def test_two_factor_enrolment_then_code_then_recovery_code_each_once(client, board_member):
    sign_in(client, "truongban")
    device, codes = enrol(client)

    assert len(codes) == 10 and len(set(codes)) == 10
    assert client.get("/admin/").status_code == 200
    # Shown once: the codes page does not show them again.
    again = client.get("/admin/two-factor/recovery-codes/", follow=True).content.decode()
    assert codes[0] not in again

    # Next sign-in: the app's code.
    client.post("/admin/logout/")
    sign_in(client, "truongban")
    assert client.get("/admin/")["Location"].startswith("/admin/two-factor/verify/")
    with _later(device, 1):
        code = totp_code(device)
        ok = client.post("/admin/two-factor/verify/?next=/admin/pages/", {"code": code})
        assert ok.status_code == 302 and ok["Location"] == "/admin/pages/"
        assert client.get("/admin/").status_code == 200
        # The same code again, in another sign-in: refused (no replay).
        client.post("/admin/logout/")
        sign_in(client, "truongban")
        replay = client.post("/admin/two-factor/verify/", {"code": code})
        assert replay.status_code == 200
        assert "Mã không đúng" in replay.content.decode()
        assert client.get("/admin/").status_code == 302

    # A recovery code signs in once, and is used up.
    client.post("/admin/logout/")
    sign_in(client, "truongban")
    used = client.post("/admin/two-factor/verify/", {"code": codes[0].upper()})
    assert used.status_code == 302
    assert client.get("/admin/").status_code == 200
    assert StaticToken.objects.filter(device__user=board_member).count() == 9
    client.post("/admin/logout/")
    sign_in(client, "truongban")
    with _later(device, 10):
        reused = client.post("/admin/two-factor/verify/", {"code": codes[0]})
    assert reused.status_code == 200
    assert client.get("/admin/").status_code == 302


def _later(device: TOTPDevice, steps: int):
    """Time moved on by ``steps`` code periods (a new code, and past any throttling wait)."""
    import datetime

    from django.utils import timezone

    return freeze_time(timezone.now() + datetime.timedelta(seconds=steps * device.step))


def test_two_factor_wrong_codes_are_throttled(client, board_member):
    device = TOTPDevice.objects.create(user=board_member, name="totp", confirmed=True)
    sign_in(client, "truongban")

    with _later(device, 0) as frozen:
        wrong = client.post("/admin/two-factor/verify/", {"code": "000000"})
        right_too_soon = client.post("/admin/two-factor/verify/", {"code": totp_code(device)})
        frozen.tick(3)
        right_later = client.post("/admin/two-factor/verify/", {"code": totp_code(device)})

    assert "Mã không đúng" in wrong.content.decode()
    assert right_too_soon.status_code == 200
    assert "Đã nhập sai mã quá nhiều lần" in right_too_soon.content.decode()
    assert right_later.status_code == 302


def test_two_factor_optional_for_contributor(client, contributor):
    sign_in(client, "phongvien")
    assert client.get("/admin/").status_code == 200
    account = client.get("/admin/account/").content.decode()
    assert 'href="/admin/two-factor/"' in account and "Đang tắt" in account
    manage = client.get("/admin/two-factor/").content.decode()
    assert "Xác thực hai bước đang tắt" in manage

    device, codes = enrol(client)
    client.post("/admin/logout/")
    sign_in(client, "phongvien")
    held = client.get("/admin/")
    assert held.status_code == 302 and "/two-factor/verify/" in held["Location"]
    with _later(device, 1):
        client.post("/admin/two-factor/verify/", {"code": totp_code(device)})
    turned_off = client.post("/admin/two-factor/", {"action": "disable"})

    assert turned_off.status_code == 302
    assert not TOTPDevice.objects.filter(user=contributor).exists()


def test_two_factor_required_roles_cannot_turn_it_off(client, board_member):
    signed_in_with_second_factor(client, board_member)

    answer = client.post("/admin/two-factor/", {"action": "disable"})

    assert is_refused(client, answer)
    assert TOTPDevice.objects.filter(user=board_member).exists()


def test_two_factor_off_setting_asks_nobody(client, board_member, settings):
    settings.TWO_FACTOR_REQUIRED = "off"
    sign_in(client, "truongban")
    assert client.get("/admin/").status_code == 200


def test_two_factor_reset_by_superuser_for_lost_phone(client, django_user_model, board_member):
    TOTPDevice.objects.create(user=board_member, name="totp", confirmed=True)
    admin = django_user_model.objects.create_superuser("admin", "a@example.com", "pw")
    signed_in_with_second_factor(client, admin)

    listing = client.get("/admin/two-factor/users/")
    reset = client.post(f"/admin/two-factor/users/{board_member.pk}/reset/")

    assert listing.status_code == 200 and "truongban" in listing.content.decode()
    assert reset.status_code == 302
    assert not TOTPDevice.objects.filter(user=board_member).exists()
    member = Client()
    sign_in(member, "truongban")
    assert "/two-factor/enrol/" in member.get("/admin/")["Location"]


@pytest.mark.parametrize("role", ["site_admin", "board_member", "contributor"])
def test_two_factor_reset_refused_to_non_superusers(client, request, role, section_editor):
    TOTPDevice.objects.create(user=section_editor, name="totp", confirmed=True)
    signed_in_with_second_factor(client, request.getfixturevalue(role))

    listing = client.get("/admin/two-factor/users/")
    assert is_refused(client, listing)
    reset = client.post(f"/admin/two-factor/users/{section_editor.pk}/reset/")
    assert is_refused(client, reset)
    assert TOTPDevice.objects.filter(user=section_editor).exists()


def test_two_factor_reset_command(board_member):
    TOTPDevice.objects.create(user=board_member, name="totp", confirmed=True)
    call_command("reset_two_factor", "truongban")
    assert not TOTPDevice.objects.filter(user=board_member).exists()


def test_login_page_names_the_site_and_labels_the_password_in_vietnamese(client):
    from wagtail.models import Site

    Site.objects.update(site_name="Đảng ủy Khối các cơ quan tỉnh")
    page = client.get("/admin/login/").content.decode()

    assert "Đăng nhập vào Đảng ủy Khối các cơ quan tỉnh" in page
    assert "Wagtail" not in re.search(r"<title>(.*?)</title>", page, re.S).group(1)
    assert "Mật khẩu" in page
    assert ">Password<" not in page


def test_two_factor_pages_load_their_icons_and_catalogue_before_the_code(client, board_member):
    # The sign-in pages' scripts fetch these; a redirect would put a page in the icon sprite.
    sign_in(client, "truongban")

    sprite = client.get("/admin/sprite/")
    catalogue = client.get("/admin/jsi18n/")

    assert sprite.status_code == 200 and "<svg" in sprite.content.decode()
    assert catalogue.status_code == 200
