"""One article through the editorial office in the real admin, in Chromium (issue 16).

The contributor (phongvien) types a title key by key (the slug follows slugify_vi), adds a new
author from the author chooser, waits for autosave and submits; the section editor
(bientapvien) sends it back with a comment; the contributor sees the comment on top of the
editor and on the dashboard, and submits again; the section editor approves; the board
(truongban) approves, which publishes, then retracts with a reason and restores. No request
is refused as a conflict (409), the messages say what happened, and no common English label
shows on any page visited. Screenshots: test-artifacts/editor-send-back-comment.png,
editor-retracted-status.png.
"""

import re

from playwright.sync_api import expect

from cms.vietnamese import slugify_vi
from tests.frontend.conftest import open_chooser, screenshot, wait_until_edits_are_watched
from tests.frontend.test_admin_autosave_browser import is_autosave, wait_for_autosaves
from tests.frontend.test_admin_editor_browser import log_in, section_id

TITLE = "Đảng ủy Khối quán triệt Nghị quyết về chuyển đổi số"
AUTHOR = ("Phạm Văn Quyến", "Phó Chánh Văn phòng", "Văn phòng Đảng ủy Khối")
COMMENT = "Đề nghị bổ sung nguồn cho số liệu ở đoạn 2."
REASON = "Số liệu chưa được cơ quan chủ quản xác nhận."
# Labels of the admin that would mean a page was left untranslated.
ENGLISH = (
    "Save draft",
    "Publish",
    "Status",
    "Draft",
    "Live",
    "None",
    "Locale",
    "Password",
    "Submit",
    "Approve",
    "Request changes",
    "Sent back",
    "Retracted",
    "In Moderation",
    "View details",
    "Dashboard",
    "Authors",
    "Search",
)


def english_left(page) -> list[str]:
    text = page.locator("body").inner_text()
    return [label for label in ENGLISH if re.search(rf"\b{re.escape(label)}\b", text)]


def visit_checked(page, url: str, visited: dict) -> None:
    page.goto(url)
    page.wait_for_load_state("networkidle")
    visited[page.url] = english_left(page)


def open_more_actions(page) -> None:
    page.locator("footer .w-dropdown-button .w-dropdown__toggle").click()


def workflow_action(page, name: str) -> None:
    open_more_actions(page)
    page.locator(f'button[data-workflow-action-name="{name}"]').first.click()


def success_message(page) -> str:
    return page.locator(".messages .success").first.inner_text().strip()


def test_browser_article_from_contributor_to_retraction_and_back(page, stack):
    cms = stack["cms"]
    statuses: list[int] = []
    autosaves: list = []
    visited: dict[str, list[str]] = {}
    page.on("response", lambda r: statuses.append(r.status))
    page.on("requestfinished", lambda r: autosaves.append(r) if is_autosave(r) else None)

    # The contributor types the title key by key; the slug follows slugify_vi
    log_in(page, cms, "phongvien")
    visit_checked(page, f"{cms}/admin/pages/add/home/articlepage/{section_id(cms)}/", visited)
    wait_until_edits_are_watched(page)
    page.locator("#id_title").press_sequentially(TITLE, delay=10)
    expect(page.locator("#id_slug")).to_have_value(slugify_vi(TITLE))
    page.wait_for_timeout(1000)
    page.locator("#id_lead").press_sequentially("Sapo của bài viết.", delay=10)
    wait_for_autosaves(page, autosaves, 1)

    # She adds an author who is not there yet, from the chooser
    page.locator("#id_article_authors-ADD").click()
    open_chooser(page, page.locator("[data-chooser-action-choose]").last)
    modal = page.locator(".modal-dialog")
    modal.get_by_role("tab", name="Tác giả mới").click()
    for name, value in zip(("name", "position", "unit"), AUTHOR, strict=True):
        modal.locator(f'[name="{name}"]').fill(value)
    modal.get_by_role("button", name="Thêm tác giả").click()
    expect(modal).to_be_hidden()
    expect(page.locator("[data-chooser-title]").last).to_have_text(AUTHOR[0])
    count = len(autosaves)
    page.locator("#id_lead").press_sequentially(" Thêm một câu.", delay=10)
    wait_for_autosaves(page, autosaves, count + 1)
    assert all(request.response().json()["success"] for request in autosaves)
    article_id = autosaves[0].response().json()["pk"]  # the first autosave made the page

    # and submits it
    open_more_actions(page)
    with page.expect_navigation():
        page.locator('button[name="action-submit"]').click()
    page.wait_for_load_state("networkidle")
    assert "/admin/pages/" in page.url and "/edit/" not in page.url  # back to the section
    edit_url = f"{cms}/admin/pages/{article_id}/edit/"

    # The section editor sends it back with a comment
    page.context.clear_cookies()
    log_in(page, cms, "bientapvien")
    visit_checked(page, edit_url, visited)
    workflow_action(page, "reject")
    dialog = page.locator(".modal-dialog")
    dialog.locator('textarea[name="comment"]').fill(COMMENT)
    with page.expect_navigation():
        dialog.locator('button[type="submit"]').click()
    page.wait_for_load_state("networkidle")
    assert success_message(page) == f"Đã trả lại bài “{TITLE}” cho tác giả kèm ý kiến của bạn."

    # The contributor finds the comment on top of the editor and on her dashboard
    page.context.clear_cookies()
    log_in(page, cms, "phongvien")
    visited[page.url] = english_left(page)
    panel = page.locator("[data-sent-back-panel]")
    expect(panel).to_contain_text(TITLE)
    expect(panel).to_contain_text(COMMENT)
    expect(panel).to_contain_text(re.compile(r"Trần Quốc.* đã trả lại lúc"))
    visit_checked(page, edit_url, visited)
    notice = page.locator("[data-sent-back]")
    expect(notice).to_contain_text(COMMENT)
    expect(notice).to_contain_text(re.compile(r"Trần Quốc.* đã trả lại lúc"))
    screenshot(page, "editor-send-back-comment")

    # She submits again
    page.locator("#id_lead").press_sequentially(" Nguồn: Văn phòng.", delay=10)
    open_more_actions(page)
    with page.expect_navigation():
        page.locator('button[name="action-submit"]').click()
    page.wait_for_load_state("networkidle")

    # The section editor approves his step
    page.context.clear_cookies()
    log_in(page, cms, "bientapvien")
    visit_checked(page, edit_url, visited)
    with page.expect_navigation():
        workflow_action(page, "approve")
    page.wait_for_load_state("networkidle")
    assert success_message(page).startswith("Đã duyệt bước “Biên tập viên duyệt” của bài")

    # The board approves, which publishes, then retracts with a reason
    page.context.clear_cookies()
    log_in(page, cms, "truongban")
    visit_checked(page, edit_url, visited)
    with page.expect_navigation():
        workflow_action(page, "approve")
    page.wait_for_load_state("networkidle")
    assert success_message(page) == (
        f"Đã duyệt bước “Ban biên tập phê duyệt”: bài “{TITLE}” đã được xuất bản."
    )
    visit_checked(page, f"{cms}/admin/pages/{article_id}/retract/", visited)
    page.locator('textarea[name="reason"]').fill(REASON)
    with page.expect_navigation():
        page.locator('button[type="submit"]').filter(has_text="Gỡ bài").click()
    assert success_message(page) == f"Đã gỡ bài “{TITLE}”."
    listing_status = page.locator("[data-retraction]").first
    expect(listing_status).to_contain_text("đã gỡ bài")

    # The retracted page's status says so, with who, when and why
    visit_checked(page, edit_url, visited)
    page.get_by_role("button", name="Trạng thái").first.click()
    status = page.locator('[data-side-panel="status"]')
    expect(status).to_contain_text("Đã gỡ")
    expect(status).to_contain_text(f"Lý do: {REASON}")
    screenshot(page, "editor-retracted-status")

    # and the board restores it
    visit_checked(page, f"{cms}/admin/pages/{article_id}/restore/", visited)
    with page.expect_navigation():
        page.locator('button[type="submit"]').filter(has_text="Khôi phục").click()
    assert success_message(page) == f"Đã khôi phục “{TITLE}”."
    live = page.request.get(f"{cms}/api/v2/pages/{article_id}/")
    assert live.status == 200 and live.json()["meta"]["slug"] == slugify_vi(TITLE)

    assert 409 not in statuses
    assert {url: labels for url, labels in visited.items() if labels} == {}
