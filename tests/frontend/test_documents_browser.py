"""A document through the editorial office in the real admin, in Chromium (issue 19).

The contributor (phongvien) opens a new document under "Văn bản", types the number and title,
picks the type and issuing body, uploads a PDF from the document chooser and submits; the
section editor (bientapvien) and the board (truongban) approve. The document is then in the
API, found by its number however typed, and on the frontend's table and page, its PDF opening
in the browser.
"""

import json
import urllib.parse
import urllib.request

from playwright.sync_api import expect

from home.demo.pdfs import document_pdf
from tests.frontend.conftest import open_chooser, wait_until_edits_are_watched
from tests.frontend.test_admin_chain_browser import open_more_actions, workflow_action
from tests.frontend.test_admin_editor_browser import AUTOSAVE_REFUSED, log_in

TITLE = "Kế hoạch tổ chức Hội nghị học tập Nghị quyết năm 2026"
SUMMARY = "Kế hoạch tổ chức hội nghị học tập, quán triệt nghị quyết cho cán bộ, đảng viên."


def page_id(cms_url: str, path: str) -> int:
    query = urllib.parse.urlencode({"html_path": path})
    with urllib.request.urlopen(f"{cms_url}/api/v2/pages/find/?{query}", timeout=10) as answer:
        return json.load(answer)["id"]


def test_browser_document_entered_submitted_approved_and_shown(
    page, stack, tmp_path, expected_console_errors
):
    cms, frontend = stack["cms"], stack["frontend"]
    # Autosave runs while the form is half filled (no file chosen yet); the server refuses that
    # save with a 400 and stores nothing, as for articles. Any other 400 fails the test.
    expected_console_errors.append(AUTOSAVE_REFUSED)
    refused: list = []
    page.on("response", lambda r: refused.append(r) if r.status == 400 else None)
    pdf = tmp_path / "ke-hoach-77.pdf"
    pdf.write_bytes(document_pdf(TITLE, "77-KH/ĐUK", [SUMMARY, "Hội nghị trực tuyến."]))

    log_in(page, cms, "phongvien")
    page.goto(f"{cms}/admin/pages/add/home/legaldocumentpage/{page_id(cms, '/van-ban/')}/")
    page.wait_for_load_state("networkidle")
    wait_until_edits_are_watched(page)
    page.locator("#id_title").press_sequentially(TITLE, delay=5)
    page.locator("#id_number").fill("77")
    page.locator("#id_document_type").select_option(label="Kế hoạch")
    page.locator("#id_issuing_body").select_option(label="Đảng ủy Khối các cơ quan tỉnh")
    page.locator("#id_summary").fill(SUMMARY)
    page.locator("#id_signer").fill("Nguyễn Văn Hùng")
    page.locator("#id_date_issued").fill("15/03/2026")

    # The file: uploaded from the document chooser
    chooser = page.locator("#id_files-0-document-chooser")
    open_chooser(page, chooser.locator("[data-chooser-action-choose]:visible").first)
    modal = page.locator(".modal-dialog")
    modal.locator("#tab-label-upload").click()
    modal.locator('[name="document-chooser-upload-title"]').fill("Kế hoạch 77-KH/ĐUK")
    modal.locator('[name="document-chooser-upload-file"]').set_input_files(str(pdf))
    modal.locator('#tab-upload button[type="submit"]').click()
    expect(modal).to_be_hidden()
    expect(chooser.locator("[data-chooser-title]")).to_have_text("Kế hoạch 77-KH/ĐUK")

    open_more_actions(page)
    with page.expect_navigation():
        page.locator('button[name="action-submit"]').click()
    page.wait_for_load_state("networkidle")
    assert "/edit/" not in page.url, page.locator(".messages").inner_text()
    document_id = page_id_of_new_document(page, cms, page_id(cms, "/van-ban/"))
    edit_url = f"{cms}/admin/pages/{document_id}/edit/"
    assert page.request.get(f"{cms}/api/v2/legal-documents/?number=77").json()["items"] == []

    for username in ("bientapvien", "truongban"):
        page.context.clear_cookies()
        log_in(page, cms, username)
        page.goto(edit_url)
        page.wait_for_load_state("networkidle")
        with page.expect_navigation():
            workflow_action(page, "approve")
        page.wait_for_load_state("networkidle")

    found = page.request.get(f"{cms}/api/v2/legal-documents/?search=kh%2077").json()["items"]
    assert [d["number"] for d in found] == ["77-KH/ĐUK"]
    detail = page.request.get(f"{cms}/api/v2/legal-documents/{document_id}/").json()
    [file] = detail["files"]
    assert file["file_extension"] == "pdf" and file["file_size"] == pdf.stat().st_size
    # Its text was extracted at upload: found by a word only the PDF holds.
    by_text = page.request.get(f"{cms}/api/v2/legal-documents/?search=truc%20tuyen").json()
    assert document_id in [d["id"] for d in by_text["items"]]

    page.context.clear_cookies()
    page.goto(f"{frontend}/van-ban/?so=77")
    row = page.locator("table.documents tbody tr")
    expect(row).to_have_count(1)
    expect(row).to_contain_text("77-KH/ĐUK")
    with page.expect_navigation():
        row.get_by_role("link", name="77-KH/ĐUK").click()
    expect(page.locator("h1")).to_have_text(TITLE)
    expect(page.locator(".legal-document__facts")).to_contain_text("15/03/2026")
    for response in refused:  # only the editor's own autosaves were refused
        request = response.request
        assert request.method == "POST" and "/admin/pages/" in response.url, response.url
        assert request.headers.get("accept") == "application/json", request.headers
    opened = page.request.get(file["url"])
    assert opened.status == 200 and opened.headers["content-type"] == "application/pdf"
    assert opened.headers["content-disposition"].startswith("inline")


def page_id_of_new_document(page, cms: str, index_id: int) -> int:
    """From the library's listing in the admin: its title links to /admin/pages/<id>/edit/."""
    page.goto(f"{cms}/admin/pages/{index_id}/")
    link = page.get_by_role("link", name=TITLE).first
    href = link.get_attribute("href")
    return int(href.rstrip("/").split("/")[-2])
