"""The scheduling dialog and the browser's form checks, in Chromium (issue 16, defects 13, 12).

The board (truongban) opens "Đặt lịch" on a published demo article and types a go-live time
with minutes. "Lưu lịch" stays visible and clickable under the date picker; autosave runs and
stores nothing of it; only "Lưu lịch" does, to the minute, and "Lên lịch xuất bản" schedules
the page. Screenshot: test-artifacts/editor-schedule-dialog.png.
"""

import json
import re
import urllib.request

from playwright.sync_api import expect

from tests.frontend.conftest import screenshot, wait_until_edits_are_watched
from tests.frontend.test_admin_editor_browser import log_in, stored_value

GO_LIVE = "15/06/2030 09:37"


def demo_article_id(cms_url: str) -> int:
    with urllib.request.urlopen(f"{cms_url}/api/v2/pages/?type=article&limit=1") as answer:
        return json.load(answer)["items"][0]["id"]


def open_schedule_dialog(page) -> None:
    page.locator("[data-side-panel-toggle=status]").first.click()
    page.locator("[data-a11y-dialog-show=schedule-publishing-dialog]:visible").first.click()
    expect(page.locator("#schedule-publishing-dialog")).to_be_visible()


def is_on_top(page, locator) -> bool:
    """Whether a click at the middle of the element reaches it (nothing covers it)."""
    box = locator.bounding_box()
    return page.evaluate(
        """([x, y]) => {
            const hit = document.elementFromPoint(x, y);
            return !!hit && !!hit.closest('#schedule-publishing-dialog button[type=submit]');
        }""",
        [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2],
    )


def test_browser_schedule_dialog_keeps_any_minute_and_stores_nothing_before_save(page, stack):
    cms = stack["cms"]
    log_in(page, cms, "truongban")
    edit_url = f"{cms}/admin/pages/{demo_article_id(cms)}/edit/"
    page.goto(edit_url)
    page.wait_for_load_state("networkidle")
    wait_until_edits_are_watched(page)
    assert stored_value(page, edit_url, "go_live_at") == ""

    # She types a go-live time with minutes; the date picker is open below the input
    open_schedule_dialog(page)
    go_live = page.locator("#id_go_live_at")
    go_live.click()
    with page.expect_response(
        lambda r: r.url == edit_url and r.request.method == "POST", timeout=30_000
    ) as autosave:
        go_live.press_sequentially(GO_LIVE, delay=20)
        assert go_live.input_value() == GO_LIVE
        expect(page.locator(".xdsoft_datetimepicker:visible")).to_have_count(1)

        # "Lưu lịch" is visible and nothing covers it
        save_schedule = page.locator("#schedule-publishing-dialog button[type=submit]")
        expect(save_schedule).to_have_text("Lưu lịch")
        save_schedule.scroll_into_view_if_needed()
        expect(save_schedule).to_be_visible()
        assert is_on_top(page, save_schedule)
        screenshot(page, "editor-schedule-dialog")
        go_live.press("Tab")  # leaving the field is a change: autosave runs

    # Autosave ran and stored nothing of the dialog
    assert autosave.value.status == 200
    assert autosave.value.json()["success"] is True
    page.wait_for_timeout(800)  # a debounced second autosave, if any
    assert go_live.input_value() == GO_LIVE
    assert stored_value(page, edit_url, "go_live_at") == ""

    # "Lưu lịch" stores the time, to the minute
    with page.expect_navigation():
        save_schedule.click()
    page.wait_for_load_state("networkidle")
    assert stored_value(page, edit_url, "go_live_at") == GO_LIVE

    # and "Lên lịch xuất bản" schedules the page for it
    page.locator("footer .dropdown-toggle, [data-w-dropdown-target=toggle]").last.click()
    with page.expect_navigation():
        page.get_by_role("button", name="Lên lịch xuất bản").click()
    page.wait_for_load_state("networkidle")
    message = page.locator(".messages").inner_text()
    assert "đã được lên lịch xuất bản" in message, message
    page.goto(edit_url)
    status = page.locator("[data-side-panel=status]").inner_text()
    assert re.search(r"09:37\D+15\D+6\D+2030", status), status


def test_browser_empty_required_field_is_explained_in_vietnamese(page, stack):
    cms = stack["cms"]
    log_in(page, cms, "truongban")
    page.goto(f"{cms}/admin/pages/{demo_article_id(cms)}/edit/")
    page.wait_for_load_state("networkidle")

    # A form the browser checks itself (the admin's own forms are mostly novalidate, so the
    # server's Vietnamese errors show), with a required field left empty
    field = page.evaluate_handle(
        """() => {
            const form = document.createElement('form');
            const input = document.createElement('input');
            input.required = true;
            input.name = 'probe';
            form.append(input);
            document.body.append(form);
            form.reportValidity();
            return input;
        }"""
    )
    assert field.evaluate("(input) => input.validationMessage") == "Trường này là bắt buộc."
