"""The weekly work schedule in the real admin and on the reader site, in Chromium (issue 19).

The section editor (bientapvien) opens the latest week, chooses "Sao chép sang tuần sau",
adds a row with the keyboard only and submits; the board (truongban) approves both steps,
which publishes; the week shows on the frontend, whose previous/next links work without
JavaScript, and prints on one A4 page. Screenshot: test-artifacts/work-schedule-week.png.
A row of a new week is typed with the keyboard alone, Tab from each field to the next.
"""

import datetime
import re
import zoneinfo

from playwright.sync_api import expect

from tests.frontend.conftest import screenshot, wait_until_edits_are_watched
from tests.frontend.test_admin_chain_browser import open_more_actions, workflow_action
from tests.frontend.test_admin_editor_browser import log_in, save_draft

CONTENT = "Họp Chi bộ Văn phòng Đảng ủy Khối đánh giá chất lượng đảng viên"
PLACE = "Phòng họp số 2"
CHAIR = "Đồng chí Bí thư Chi bộ"


def week_label(day: datetime.date) -> str:
    year, week, _day = day.isocalendar()
    return f"{year}-W{week:02d}"


def test_browser_week_copied_typed_approved_and_shown(page, stack, expected_console_errors):
    # The autosave of the form while the new row has no content yet is refused (400).
    expected_console_errors.append(
        "Failed to load resource: the server responded with a status of 400 (Bad Request)"
    )
    cms, frontend = stack["cms"], stack["frontend"]
    today = datetime.datetime.now(zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")).date()
    # The demo has last week and this week published and next week as a draft.
    draft_week = week_label(today + datetime.timedelta(weeks=1))
    new_week = week_label(today + datetime.timedelta(weeks=2))
    statuses: list[int] = []
    page.on("response", lambda r: statuses.append(r.status))

    # The section editor opens next week's draft and copies it to the week after
    log_in(page, cms, "bientapvien")
    schedule = page.request.get(f"{cms}/api/v2/pages/?type=home.WorkScheduleIndexPage").json()
    index_id = schedule["items"][0]["id"]
    page.goto(f"{cms}/admin/pages/{index_id}/")
    title = f"tuần {int(draft_week[-2:])}/{draft_week[:4]}"
    page.locator("main a", has_text=title).first.click()
    page.wait_for_load_state("networkidle")
    page.locator("header [data-w-dropdown-target='toggle']").first.click()
    page.get_by_role("link", name="Sao chép sang tuần sau").click()
    expect(page.locator("main")).to_contain_text(f"Bản nháp lịch tuần {new_week}")
    with page.expect_navigation():
        page.get_by_role("button", name="Tạo bản nháp").click()
    page.wait_for_load_state("networkidle")
    expect(page.locator(".messages")).to_contain_text(f"Đã tạo bản nháp lịch tuần {new_week}.")
    wait_until_edits_are_watched(page)
    copied = int(page.locator("#id_entries-TOTAL_FORMS").input_value())
    assert copied == 9  # the demo week's rows

    # and adds a row with the keyboard only
    page.locator("#id_entries-ADD").focus()
    page.keyboard.press("Enter")
    row = f"#id_entries-{copied}"
    expect(page.locator(f"{row}-weekday")).to_be_visible()
    # Each field is reached and filled with the keyboard (no mouse); a select by arrows.
    page.locator(f"{row}-weekday").focus()
    for _ in range(3):  # Thứ Hai -> Thứ Năm
        page.keyboard.press("ArrowDown")
    page.locator(f"{row}-session").focus()
    page.keyboard.press("ArrowDown")  # Sáng -> Chiều
    page.locator(f"{row}-time").focus()
    page.keyboard.type("15:00")
    page.keyboard.press("Escape")  # closes the time picker, if any
    page.locator(f"{row}-content").focus()
    page.keyboard.type(CONTENT)
    page.locator(f"{row}-place").focus()
    page.keyboard.type(PLACE)
    page.locator(f"{row}-chair").focus()
    page.keyboard.type(CHAIR)
    expect(page.locator(f"{row}-weekday")).to_have_value("3")
    expect(page.locator(f"{row}-session")).to_have_value("afternoon")
    expect(page.locator(f"{row}-time")).to_have_value(re.compile(r"^15:00"))
    expect(page.locator(f"{row}-content")).to_have_value(CONTENT)
    expect(page.locator(f"{row}-place")).to_have_value(PLACE)
    expect(page.locator(f"{row}-chair")).to_have_value(CHAIR)
    edit_url = page.url

    # and submits it for approval
    open_more_actions(page)
    with page.expect_navigation():
        page.locator('button[name="action-submit"]').click()
    page.wait_for_load_state("networkidle")
    api_week = f"{cms}/api/v2/work-schedule/?week={new_week}"
    assert page.request.get(api_week).json()["schedule"] is None  # in review: not public

    # The board approves both steps, which publishes the week
    page.context.clear_cookies()
    log_in(page, cms, "truongban")
    for _step in range(2):
        page.goto(edit_url)
        page.wait_for_load_state("networkidle")
        with page.expect_navigation():
            workflow_action(page, "approve")
        page.wait_for_load_state("networkidle")
    published = page.request.get(api_week).json()["schedule"]
    assert published is not None
    thursday = published["days"][3]["sessions"][1]["entries"]
    assert any(e["content"] == CONTENT and e["time"] == "15:00" for e in thursday)

    # It shows on the reader site; previous/next are plain links
    page.context.clear_cookies()
    page.goto(f"{frontend}/lich-cong-tac/?tuan={new_week}")
    table = page.locator("table.ws-table")
    expect(table).to_contain_text(CONTENT)
    expect(table).to_contain_text(PLACE)
    screenshot(page, "work-schedule-week")
    page.get_by_role("link", name=re.compile("Tuần trước")).click()
    expect(page).to_have_url(re.compile(rf"\?tuan={draft_week}$"))
    expect(page.locator("main")).to_contain_text("chưa được công bố")  # the demo's draft
    page.get_by_role("link", name="Tuần này").click()
    expect(page.locator("table.ws-table")).to_contain_text("Chào cờ đầu tuần")

    # A phone gets the list; the printout is one landscape A4 page
    page.set_viewport_size({"width": 390, "height": 844})
    expect(page.locator("table.ws-table")).to_be_hidden()
    expect(page.locator("ol.ws-list")).to_be_visible()
    pdf = page.pdf(prefer_css_page_size=True)
    assert len(re.findall(rb"/Type\s*/Page\b", pdf)) == 1
    ics = page.request.get(f"{frontend}/lich-cong-tac.ics")
    assert ics.status == 200 and CONTENT.encode() in ics.body().replace(b"\r\n ", b"")

    assert 500 not in statuses


# The row's fields in the order Tab visits them, with what is typed into each.
TYPED_ROW = [
    ("content", CONTENT),
    ("place", PLACE),
    ("chair", CHAIR),
    ("attendees", "Thường trực Đảng ủy Khối; Chi ủy Chi bộ Văn phòng"),
    ("preparing_unit", "Văn phòng Đảng ủy Khối"),
]


def test_browser_week_row_typed_with_tab_between_fields(page, stack, expected_console_errors):
    # The autosave of the form while the new row has no content yet is refused (400).
    expected_console_errors.append(
        "Failed to load resource: the server responded with a status of 400 (Bad Request)"
    )
    cms = stack["cms"]
    today = datetime.datetime.now(zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")).date()
    year, week, _day = (today + datetime.timedelta(weeks=4)).isocalendar()
    log_in(page, cms, "bientapvien")
    schedule = page.request.get(f"{cms}/api/v2/pages/?type=home.WorkScheduleIndexPage").json()
    page.goto(f"{cms}/admin/pages/add/home/workweekpage/{schedule['items'][0]['id']}/")
    page.wait_for_load_state("networkidle")
    wait_until_edits_are_watched(page)
    page.locator("#id_iso_year").fill(str(year))
    page.locator("#id_iso_week").fill(str(week))

    # From the title, Tab reaches "add a row" (the week's own fields keep their comment
    # buttons), Enter adds one and puts the focus in it
    page.locator("#id_title").focus()
    add = page.locator("#id_entries-ADD")
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.locator("#id_entries-ADD:focus").count():
            break
    expect(add).to_be_focused()
    page.keyboard.press("Enter")
    row = "#id_entries-0"
    page.keyboard.press("Tab")
    expect(page.locator(f"{row}-weekday")).to_be_focused()
    for _ in range(3):  # Thứ Hai -> Thứ Năm
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")
    expect(page.locator(f"{row}-session")).to_be_focused()
    page.keyboard.press("ArrowDown")  # Sáng -> Chiều
    page.keyboard.press("Tab")
    expect(page.locator(f"{row}-time")).to_be_focused()
    page.keyboard.type("15:00")
    page.keyboard.press("Escape")  # closes the time picker, if any
    # then each field is the next Tab stop: no comment button between them
    for name, text in TYPED_ROW:
        page.keyboard.press("Tab")
        expect(page.locator(f"{row}-{name}")).to_be_focused()
        page.keyboard.type(text)
    page.keyboard.press("Tab")
    expect(page.locator(f"{row}-status")).to_be_focused()
    save_draft(page)

    # The draft keeps the row as typed
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    expect(page.locator(f"{row}-weekday")).to_have_value("3")
    expect(page.locator(f"{row}-session")).to_have_value("afternoon")
    expect(page.locator(f"{row}-time")).to_have_value(re.compile(r"^15:00"))
    for name, text in TYPED_ROW:
        expect(page.locator(f"{row}-{name}")).to_have_value(text)
