"""The admin in a real browser: a section editor opens an article's editor in Vietnamese.

The full-page screenshot, ``test-artifacts/page-editor-vi.png``, is kept by CI as an artefact.
"""

import json
import urllib.request

from tests.frontend.conftest import ARTIFACTS, screenshot

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
