"""The editor's day in the real admin, in Chromium: slugs and dates as typed (issue 16).

A contributor (phongvien) starts an article under "Tin tức - Sự kiện" and types, key by key,
so that Wagtail's own JavaScript runs: the slug follows cms.vietnamese.slugify_vi while the
title is typed, a slug typed by hand is kept in ASCII, and a date typed in the Vietnamese
order is kept (an unreadable one is an error on the field, never replaced). What was stored
is read back from the server's edit form, not from the page the JavaScript changed.
Screenshots: test-artifacts/editor-*.png.
"""

import json
import re
import unicodedata
import urllib.parse
import urllib.request

import pytest
from playwright.sync_api import expect

from cms.vietnamese import slugify_vi
from tests.frontend.conftest import screenshot, wait_until_edits_are_watched

TITLE = "Hiệu quả Lãnh đạo Cải cách hành chính trong Đảng"
PASSWORD = "demo-2026"
TYPING_DELAY_MS = 10
AUTOSAVE_REFUSED = (
    "Failed to load resource: the server responded with a status of 400 (Bad Request)"
)

VOWELS = "aăâeêioôơuưy"
# No mark, grave, acute, hook above, tilde, dot below: the six Vietnamese tones.
TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")


def tricky_titles() -> list[str]:
    with_tones = [
        " ".join(unicodedata.normalize("NFC", vowel + tone) for tone in TONES)
        for vowel in VOWELS + VOWELS.upper()
    ]
    long_title = (
        "Hội nghị Ban Chấp hành Đảng bộ Khối các cơ quan và doanh nghiệp tỉnh lần thứ "
        "mười hai quán triệt Nghị quyết Trung ương về công tác xây dựng Đảng"
    )
    titles = [
        *with_tones,
        TITLE,
        "Bài thử nghiệm lưu",
        "Đảng ủy Khối đồng chí Đỗ Đức Định đường Điện Biên",
        "ĐẢNG ỦY KHỐI",
        "Quý IV/2022",
        "Kế hoạch số 81-KH/ĐUK, Nghị định 42/2022/NĐ-CP",
        "“Chuyển đổi số” – bước đột phá! (kỳ 1): Hỏi & đáp?",
        "  --Khởi__động…  năm 2026--  ",
        "Hòa hoà ủy uỷ Thủy thuỷ",
        "Tiếng Việt 🇻🇳 và 中文",
        "!!!",
        long_title,
        long_title.upper(),
        "Nghiêng " * 15,
        "a" * 120,
        "ab " * 40,
        "x" * 80 + " yz",
        "x" * 79 + " yz",
        "x" * 81 + " yz",
    ]
    # Text imported from older systems may come decomposed (NFD).
    return titles + [unicodedata.normalize("NFD", title) for title in titles[:30]]


def section_id(cms_url: str, path: str = "/tin-tuc-su-kien/") -> int:
    query = urllib.parse.urlencode({"html_path": path})
    with urllib.request.urlopen(f"{cms_url}/api/v2/pages/find/?{query}", timeout=10) as answer:
        return json.load(answer)["id"]


def log_in(page, cms_url: str, username: str = "phongvien") -> None:
    page.goto(cms_url + "/admin/login/")
    page.fill('input[name="username"]', username)
    page.fill('input[name="password"]', PASSWORD)
    with page.expect_navigation():
        page.click('button[type="submit"]')


def open_new_article(page, cms_url: str) -> None:
    page.goto(f"{cms_url}/admin/pages/add/home/articlepage/{section_id(cms_url)}/")
    page.wait_for_load_state("networkidle")
    wait_until_edits_are_watched(page)


def save_draft(page) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name="Lưu bản nháp").click()
    page.wait_for_load_state("networkidle")


def stored_value(page, edit_url: str, name: str) -> str:
    """The field's value in the edit form as the server renders it (no JavaScript runs)."""
    html = page.request.get(edit_url).text()
    match = re.search(rf'<input [^>]*name="{name}"[^>]*>', html)
    assert match, f"no {name} input in {edit_url}"
    value = re.search(r'value="([^"]*)"', match.group(0))
    return value.group(1) if value else ""


def show_promote_tab(page) -> None:
    page.get_by_role("tab", name="Quảng bá").click()
    page.locator("#id_slug").wait_for(state="visible")
    # Leaving the title syncs it to the slug once more, after Wagtail's 100 ms debounce.
    page.wait_for_timeout(300)


def show_content_tab(page) -> None:
    page.get_by_role("tab", name="Nội dung").click()
    page.locator("#id_title").wait_for(state="visible")


@pytest.fixture
def editor(page, stack):
    """The add-article form, as the contributor sees it."""
    log_in(page, stack["cms"])
    open_new_article(page, stack["cms"])
    return page


def test_browser_slug_controller_gives_the_same_slugs_as_slugify_vi(editor):
    titles = tricky_titles()

    slugs = editor.evaluate(
        """(titles) => {
            const input = document.querySelector('#id_slug');
            const slug = window.wagtail.app.getControllerForElementAndIdentifier(input, 'w-slug');
            const options = { ignoreUpdate: true };
            return titles.map((value) => [
                slug.urlify({ detail: { value } }, options),
                slug.slugify({ detail: { value } }, options),
            ]);
        }""",
        titles,
    )

    expected = [[slugify_vi(title)] * 2 for title in titles]
    pairs = zip(titles, slugs, expected, strict=True)
    mismatches = [(title, got, want) for title, got, want in pairs if got != want]
    assert mismatches == []


def test_browser_title_typed_fills_slug_by_slugify_vi_and_saves_it(editor):
    title = editor.locator("#id_title")
    title.click()
    title.press_sequentially(TITLE, delay=TYPING_DELAY_MS)

    # The title's sync runs 100 ms after the last key (Wagtail's debounce)
    slug = editor.locator("#id_slug")
    expect(slug).to_have_value(slugify_vi(TITLE))
    assert slug.input_value() == "hieu-qua-lanh-dao-cai-cach-hanh-chinh-trong-dang"
    show_promote_tab(editor)
    screenshot(editor, "editor-vietnamese-slug")

    save_draft(editor)
    edit_url = editor.url
    assert re.search(r"/admin/pages/\d+/edit/$", edit_url), edit_url
    assert stored_value(editor, edit_url, "slug") == slugify_vi(TITLE)


def test_browser_hand_typed_slug_is_made_ascii_and_kept(editor):
    title_text = "Bài thử nghiệm lưu đường dẫn tự đặt"
    editor.locator("#id_title").click()
    editor.locator("#id_title").press_sequentially(title_text, delay=TYPING_DELAY_MS)
    expect(editor.locator("#id_slug")).to_have_value(slugify_vi(title_text))

    # She types her own slug and leaves the field
    show_promote_tab(editor)
    slug = editor.locator("#id_slug")
    slug.fill("")
    slug.press_sequentially("Bài viết của tôi", delay=TYPING_DELAY_MS)
    slug.press("Tab")
    assert slug.input_value() == "bai-viet-cua-toi"
    screenshot(editor, "editor-hand-typed-slug")

    # Typing in the title again no longer changes her slug
    show_content_tab(editor)
    editor.locator("#id_title").click()
    editor.locator("#id_title").press("End")
    editor.locator("#id_title").press_sequentially(" mới", delay=TYPING_DELAY_MS)
    editor.wait_for_timeout(300)
    assert slug.input_value() == "bai-viet-cua-toi"

    save_draft(editor)
    assert stored_value(editor, editor.url, "slug") == "bai-viet-cua-toi"


def type_date(page, text: str) -> None:
    field = page.locator("#id_publication_date")
    field.click()
    field.press("Control+A")
    field.press("Delete")
    field.press_sequentially(text, delay=TYPING_DELAY_MS)
    field.press("Tab")


def test_browser_typed_vietnamese_date_is_kept_and_a_bad_one_is_an_error(
    editor, expected_console_errors
):
    title_text = "Bài thử nghiệm ngày đăng gõ tay"
    editor.locator("#id_title").click()
    editor.locator("#id_title").press_sequentially(title_text, delay=TYPING_DELAY_MS)
    date = editor.locator("#id_publication_date")

    # A date typed day first, as a Vietnamese editor types it, stays when she leaves the field
    type_date(editor, "15/06/2022 08:30")
    assert date.input_value() == "15/06/2022 08:30"
    screenshot(editor, "editor-vietnamese-date")
    save_draft(editor)
    edit_url = editor.url
    assert stored_value(editor, edit_url, "publication_date") == "15/06/2022 08:30"
    assert date.input_value() == "15/06/2022 08:30"

    # A date that cannot be read stays as typed (Wagtail's autosave is refused with a 400,
    # which Chromium logs as a console error) and saving shows an error on the field
    refused: list[str] = []
    editor.on("response", lambda r: refused.append(r.url) if r.status == 400 else None)
    expected_console_errors.append(AUTOSAVE_REFUSED)
    type_date(editor, "32/13/2022")
    editor.wait_for_timeout(300)
    assert date.input_value() == "32/13/2022"
    save_draft(editor)
    assert date.input_value() == "32/13/2022"
    field = editor.locator("[data-field-wrapper]:has(#id_publication_date)")
    assert field.locator(".error-message").inner_text().strip() == "Hãy nhập ngày/giờ hợp lệ."
    date.scroll_into_view_if_needed()
    screenshot(editor, "editor-date-error")
    assert set(refused) <= {edit_url}, refused

    # And nothing stored changed
    assert stored_value(editor, edit_url, "publication_date") == "15/06/2022 08:30"
    assert stored_value(editor, edit_url, "title") == title_text
    assert stored_value(editor, edit_url, "slug") == slugify_vi(title_text)
