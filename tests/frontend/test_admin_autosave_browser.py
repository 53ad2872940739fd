"""Autosave and explicit saves in the real admin never conflict (issue 16, defect 2).

A contributor starts an article in Chromium, types until Wagtail's autosave has stored the
form twice, then clicks "Lưu bản nháp": the draft is saved (no 409 naming herself) and
holds everything she typed, the last words included.
"""

import json
import urllib.parse
import urllib.request

from tests.frontend.conftest import screenshot, wait_until_edits_are_watched

TITLE = "Bài thử nghiệm lưu tự động"
LEAD = "Sapo: câu cuối cùng vừa gõ xong, chưa bấm lưu."


def section_id(cms_url: str, path: str = "/tin-tuc-su-kien/") -> int:
    query = urllib.parse.urlencode({"html_path": path})
    with urllib.request.urlopen(f"{cms_url}/api/v2/pages/find/?{query}", timeout=10) as answer:
        return json.load(answer)["id"]


def log_in(page, cms_url: str, username: str) -> None:
    page.goto(cms_url + "/admin/login/")
    page.fill('input[name="username"]', username)
    page.fill('input[name="password"]', "demo-2026")
    with page.expect_navigation():
        page.click('button[type="submit"]')


def is_autosave(request) -> bool:
    """A JSON save of the editor's form, as Wagtail's autosave sends while she types."""
    return (
        request.method == "POST"
        and ("/admin/pages/add/" in request.url or request.url.endswith("/edit/"))
        and request.headers.get("accept") == "application/json"
    )


def wait_for_autosaves(page, autosaves: list, count: int, seconds: float = 20) -> None:
    for _ in range(int(seconds * 10)):
        if len(autosaves) >= count:
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"{len(autosaves)} autosaves instead of {count}")


def test_browser_autosaves_then_save_draft_gives_no_conflict(page, stack):
    cms = stack["cms"]
    log_in(page, cms, "phongvien")
    statuses: list[int] = []
    autosaves: list = []
    page.on("response", lambda r: statuses.append(r.status) if r.request.method == "POST" else None)
    page.on("requestfinished", lambda r: autosaves.append(r) if is_autosave(r) else None)
    page.goto(f"{cms}/admin/pages/add/home/articlepage/{section_id(cms)}/")
    page.wait_for_load_state("networkidle")
    wait_until_edits_are_watched(page)

    # She types the title and a first lead; autosave stores the new article once
    page.locator("#id_title").press_sequentially(TITLE, delay=30)
    page.wait_for_timeout(1000)  # the slug follows the title 100 ms after the last key
    page.locator("#id_lead").press_sequentially("Sapo", delay=30)
    wait_for_autosaves(page, autosaves, 1)
    # then the rest of the lead; autosave stores it again
    page.locator("#id_lead").press_sequentially(LEAD[4:], delay=30)
    wait_for_autosaves(page, autosaves, 2)
    answers = [request.response() for request in autosaves]
    assert [answer.status for answer in answers] == [200, 200]
    assert all(answer.json()["success"] is True for answer in answers)

    # When she clicks "Lưu bản nháp"
    with page.expect_navigation():
        page.get_by_role("button", name="Lưu bản nháp").click()
    page.wait_for_load_state("networkidle")
    screenshot(page, "editor-save-after-autosave")

    # Then no request was refused as a conflict, and no banner names her as the other editor
    assert 409 not in statuses, statuses
    assert "đã lưu một phiên bản mới hơn" not in page.locator("body").inner_text()
    edit_url = page.url
    assert "/edit/" in edit_url

    # And the saved draft holds everything she typed, read from the server's own form
    form = page.request.get(edit_url).text()
    assert f'value="{TITLE}"' in form
    assert LEAD in form
