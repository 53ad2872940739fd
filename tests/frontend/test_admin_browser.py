"""The admin in a real browser: a section editor opens an article's editor in Vietnamese.

The full-page screenshot, ``test-artifacts/page-editor-vi.png``, is kept by CI as an artefact.
"""

import json
import time
import urllib.request

from tests.frontend.conftest import ARTIFACTS, screenshot, wait_until_edits_are_watched

ENGLISH_LABELS = ("Save draft", "Publish", "Submit to", "Add child page", "Revisions", "Preview")


def latest_article_id(cms_url: str) -> int:
    with urllib.request.urlopen(f"{cms_url}/api/v2/pages/?type=article&limit=1") as response:
        return json.load(response)["items"][0]["id"]


def test_browser_page_editor_is_in_vietnamese(page, stack):
    page.goto(stack["cms"] + "/admin/login/")
    page.fill('input[name="username"]', "bientapvien")
    page.fill('input[name="password"]', "demo-2026")
    with page.expect_navigation():
        page.click('button[type="submit"]')
    assert page.locator("html").get_attribute("lang") == "vi"

    page.goto(f"{stack['cms']}/admin/pages/{latest_article_id(stack['cms'])}/edit/")
    page.wait_for_load_state("networkidle")
    assert page.locator("html").get_attribute("lang") == "vi"
    assert page.get_by_role("button", name="Lưu bản nháp").is_visible()
    # The tabs and the status side panel of the editor.
    assert page.get_by_role("tab", name="Nội dung").is_visible()
    text = page.locator("body").inner_text()
    for english in ENGLISH_LABELS:
        assert english not in text, f"English label {english!r} on the page editor"
    screenshot(page, "page-editor-vi")
    png = (ARTIFACTS / "page-editor-vi.png").read_bytes()
    assert png.startswith(b"\x89PNG") and len(png) > 20_000


def frame_at(page, url_prefix: str, seconds: float = 20):
    """The first frame of ``page`` whose address starts with ``url_prefix``, once it loaded."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for frame in page.frames:
            if frame.url.startswith(url_prefix):
                frame.wait_for_load_state()
                return frame
        page.wait_for_timeout(200)
    raise AssertionError(f"no frame at {url_prefix}: {[f.url for f in page.frames]}")


def log_in(page, stack, username: str) -> None:
    page.goto(stack["cms"] + "/admin/login/")
    page.fill('input[name="username"]', username)
    page.fill('input[name="password"]', "demo-2026")
    with page.expect_navigation():
        page.click('button[type="submit"]')


def test_browser_page_editor_works_under_the_content_security_policy(page, stack):
    """Rich text, choosers, inline panels, autosave and the preview, with no CSP violation
    (the ``page`` fixture fails on any)."""
    article_id = latest_article_id(stack["cms"])
    edit_url = f"{stack['cms']}/admin/pages/{article_id}/edit/"
    # Given a section editor in the page editor, under the admin's policy
    log_in(page, stack, "bientapvien")
    response = page.goto(edit_url)
    policy = response.headers["content-security-policy"]
    assert "script-src 'self' 'unsafe-inline'" in policy and "unsafe-eval" not in policy
    page.wait_for_load_state("networkidle")
    wait_until_edits_are_watched(page)

    # When they change the rich text and the title, the draft is saved on its own (autosave;
    # Wagtail checks the form for changes on typing in a plain field)
    # (listened for from the first key: the autosave may go out while they are still typing)
    autosaves: list = []
    page.on(
        "requestfinished",
        lambda r: autosaves.append(r) if r.method == "POST" and r.url == edit_url else None,
    )
    editor = page.locator(".public-DraftEditor-content").first
    editor.click()
    page.keyboard.press("End")
    page.keyboard.type(" Cập nhật.")
    page.wait_for_timeout(1000)
    page.locator("#id_title").click()
    page.keyboard.press("End")
    page.keyboard.type(" (cập nhật)")
    for _ in range(200):
        if autosaves:
            break
        page.wait_for_timeout(100)
    assert autosaves, "no autosave within 20 s of typing"
    page.wait_for_timeout(1500)  # let a second, debounced autosave finish before reloading
    assert [request.response().status for request in autosaves] == [200] * len(autosaves)
    page.reload()
    assert "Cập nhật." in page.locator(".public-DraftEditor-content").first.inner_text()
    editor = page.locator(".public-DraftEditor-content").first

    # The preview panel frames the CMS's preview, which frames the draft in the frontend
    page.locator('[data-side-panel-toggle="preview"]').click()
    draft = frame_at(page, stack["frontend"] + "/preview/")
    assert draft.locator(".preview-banner").inner_text().startswith("Bản xem trước")
    screenshot(page, "page-editor-preview-csp")

    # The link button opens the page chooser, a modal built by inline scripts
    editor.click()
    page.keyboard.press("Control+a")
    page.locator("button[name='LINK']").first.click()
    chooser = page.locator(".modal[aria-hidden='false'], .modal.show").first
    chooser.wait_for(state="visible")
    assert chooser.get_by_text("Trang chủ").first.is_visible()
    chooser.locator("[data-dismiss='modal']").click()
    chooser.wait_for(state="hidden")

    # A new author row (InlinePanel) runs its inline script: its chooser opens
    choosers = page.locator("#id_article_authors-FORMS [data-chooser-action-choose]")
    before = choosers.count()
    page.locator("#id_article_authors-ADD").click()
    assert choosers.count() == before + 1
    choosers.last.click()
    chooser.wait_for(state="visible")
    chooser.locator("[data-dismiss='modal']").click()
    chooser.wait_for(state="hidden")
