"""Sign-in in chromium through the real admin (issue 17, finding 11): a board member is sent
to two-factor enrolment, scans (reads) the key, signs in again with a code and with a recovery
code; wrong passwords end on the Vietnamese lockout page."""

import re
import time
from base64 import b32decode
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from django_otp.oath import TOTP

from tests.frontend.conftest import screenshot

DEMO_PASSWORD = "demo-2026"


@pytest.fixture(scope="module")
def cms_env() -> dict[str, str]:
    # As in production: the board must use two-factor sign-in (make run leaves it off).
    return {"TWO_FACTOR_REQUIRED": "roles"}


def code_for(secret: str, steps_ahead: int = 0) -> str:
    """What the authenticator app shows (``steps_ahead`` periods later: within the tolerance
    of one period the server accepts, and never a code already used)."""
    totp = TOTP(b32decode(secret + "=" * (-len(secret) % 8)))
    totp.time = time.time() + 30 * steps_ahead
    return f"{totp.token():06d}"


def log_in(page, cms: str, username: str, password: str = DEMO_PASSWORD) -> None:
    page.goto(cms + "/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_load_state()


def log_out(page) -> None:
    """The sidebar's account menu, then "Đăng xuất"."""
    page.locator(".sidebar-footer__account").click()
    page.get_by_role("button", name="Đăng xuất").click()
    page.wait_for_url(re.compile(r"/admin/login/"))


def test_board_member_enrols_then_signs_in_with_code_and_recovery_code(page, stack):
    cms = stack["cms"]
    log_in(page, cms, "truongban")

    # Password alone: enrolment, and nothing else of the admin.
    page.wait_for_url(re.compile(r"/admin/two-factor/enrol/"))
    page.goto(cms + "/admin/pages/")
    page.wait_for_url(re.compile(r"/admin/two-factor/enrol/"))
    assert page.locator("#main h1").inner_text() == "Bật xác thực hai bước"
    secret = page.locator("#two-factor-secret").inner_text()
    uri = page.locator("img[data-otpauth-uri]").get_attribute("data-otpauth-uri")
    qr = page.locator("img[data-otpauth-uri]").get_attribute("src")
    assert qr.startswith("data:image/svg+xml")
    assert page.locator("img[data-otpauth-uri]").evaluate("img => img.naturalWidth") > 0
    assert parse_qs(urlsplit(uri).query)["secret"] == [secret]
    assert unquote(urlsplit(uri).path).endswith(":truongban")
    screenshot(page, "two-factor-enrolment")

    page.fill("input[name=code]", code_for(secret))
    page.get_by_role("button", name="Bật", exact=True).click()
    page.wait_for_url(re.compile(r"/admin/two-factor/recovery-codes/"))
    codes = page.locator("#recovery-codes code").all_inner_texts()
    assert len(codes) == 10
    screenshot(page, "two-factor-recovery-codes")
    # On to the page asked for before enrolment.
    page.get_by_role("link", name="Tôi đã lưu các mã, tiếp tục").click()
    page.wait_for_url(re.compile(r"/admin/pages/$"))

    # Next time: password, then the app's code.
    log_out(page)
    log_in(page, cms, "truongban")
    page.wait_for_url(re.compile(r"/admin/two-factor/verify/"))
    page.fill("input[name=code]", code_for(secret, steps_ahead=1))
    page.get_by_role("button", name="Tiếp tục").click()
    page.wait_for_url(re.compile(r"/admin/$"))

    # Phone lost: a recovery code, once.
    log_out(page)
    log_in(page, cms, "truongban")
    page.wait_for_url(re.compile(r"/admin/two-factor/verify/"))
    page.fill("input[name=code]", codes[0])
    page.get_by_role("button", name="Tiếp tục").click()
    page.wait_for_url(re.compile(r"/admin/$"))
    assert "Còn lại 9 mã" in page.content()


def test_wrong_passwords_end_on_the_vietnamese_lockout_page(page, stack, expected_console_errors):
    cms = stack["cms"]
    expected_console_errors.append(
        "Failed to load resource: the server responded with a status of 429 (Too Many Requests)"
    )
    for attempt in range(4):
        log_in(page, cms, "phongvien", f"sai-{attempt}")
        assert page.locator(".messages .error").count() > 0
    log_in(page, cms, "phongvien", "sai-4")
    assert page.locator("#main h1").inner_text() == "Tạm khóa đăng nhập"
    screenshot(page, "login-lockout")

    # The right password is refused as well until the lockout ends.
    log_in(page, cms, "phongvien")
    assert page.locator("#main h1").inner_text() == "Tạm khóa đăng nhập"
    text = page.locator("main").inner_text()
    assert "15 phút" in text and "liên hệ quản trị viên" in text
