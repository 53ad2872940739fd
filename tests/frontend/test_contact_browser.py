"""A reader's question from the form to "Hỏi đáp", in real browsers (issue 19).

The reader's browser runs without JavaScript: the form must work as plain HTML. A first
try without an e-mail or phone comes back with the CMS's Vietnamese message and everything
typed kept; the second is received. The section editor answers it in the real admin, the
board publishes it, and it appears on the frontend's "Hỏi đáp".
"""

import time

from tests.frontend.conftest import screenshot

SUBJECT = "Hỏi về lịch tiếp công dân của Thường trực Đảng ủy Khối"
MESSAGE = "Xin cho biết lịch tiếp công dân tháng này và địa điểm tiếp. <b>Cảm ơn</b>"
ANSWER = "Thường trực Đảng ủy Khối tiếp công dân vào sáng thứ Năm tuần thứ hai hằng tháng."


def log_in(tab, stack, username: str) -> None:
    tab.goto(stack["cms"] + "/admin/login/")
    tab.fill('input[name="username"]', username)
    tab.fill('input[name="password"]', "demo-2026")
    with tab.expect_navigation():
        tab.click('button[type="submit"]')


def open_question(tab, stack) -> None:
    tab.goto(stack["cms"] + "/admin/snippets/home/readerquestion/")
    tab.get_by_role("link", name=SUBJECT).click()
    tab.wait_for_load_state()


def test_browser_reader_question_answered_and_published(browser, stack, page):
    # The reader, without JavaScript.
    reader = browser.new_context(java_script_enabled=False, locale="vi-VN")
    form = reader.new_page()
    form.goto(stack["frontend"] + "/lien-he/")
    assert form.get_by_role("heading", name="Liên hệ", exact=True).is_visible()
    form.get_by_label("Họ và tên").fill("Đoàn Thị Mai")
    form.get_by_label("Tiêu đề").fill(SUBJECT)
    form.get_by_label("Câu hỏi hoặc góp ý của bạn").fill(MESSAGE)
    form.locator("#field-consent").check()
    with form.expect_navigation():
        form.get_by_role("button", name="Gửi", exact=True).click()

    # Neither e-mail nor phone: the CMS's message, the input kept.
    assert (
        "Vui lòng cho biết e-mail hoặc số điện thoại" in form.locator("#email-error").inner_text()
    )
    assert form.get_by_label("Họ và tên").input_value() == "Đoàn Thị Mai"
    assert form.get_by_label("Câu hỏi hoặc góp ý của bạn").input_value() == MESSAGE
    assert form.locator("#field-consent").is_checked()
    screenshot(form, "contact-form-error")
    form.get_by_label("E-mail", exact=True).fill("mai.dt@example.vn")
    with form.expect_navigation():
        form.get_by_role("button", name="Gửi", exact=True).click()
    assert "Câu hỏi đã được gửi" in form.locator(".form-success").inner_text()
    reader.close()

    # The section editor answers it.
    log_in(page, stack, "bientapvien")
    open_question(page, stack)
    assert MESSAGE in page.locator("body").inner_text()  # shown as text, not markup
    page.get_by_label("Đã trả lời").check()
    page.locator('textarea[name="answer"]').fill(ANSWER)
    assert page.locator('input[name="published"]').is_disabled()
    with page.expect_navigation():
        page.get_by_role("button", name="Lưu", exact=True).click()
    page.context.clear_cookies()

    # The board publishes it.
    log_in(page, stack, "truongban")
    open_question(page, stack)
    page.locator('input[name="published"]').check()
    with page.expect_navigation():
        page.get_by_role("button", name="Lưu", exact=True).click()

    # It appears in "Hỏi đáp" once the frontend's copy of the API listing expires (10 s).
    deadline = time.monotonic() + 60
    while True:
        page.goto(stack["frontend"] + "/hoi-dap/")
        text = page.locator("main").inner_text()
        if SUBJECT in text or time.monotonic() > deadline:
            break
        page.wait_for_timeout(2000)
    assert SUBJECT in text
    assert ANSWER in text
    assert "Bạn đọc Đoàn Thị Mai hỏi" in text
    assert "<b>Cảm ơn</b>" in text  # the reader's markup, as text
    assert "mai.dt@example.vn" not in page.content()
    screenshot(page, "hoi-dap")
