"""The organisation chart in the real admin, in Chromium (issue 19): a board member adds a
leader (types the name and position, picks the unit in the chooser), publishes, and the
person shows under that unit on the frontend's organisation page, with a tel: link. Through
"Quy trình duyệt tin": a section editor adds a leader and submits it; the API and the page
do not show them until the board, from its dashboard, approves both steps.
Screenshots: test-artifacts/organisation-*.png.
"""

import time

from playwright.sync_api import expect

from tests.frontend.conftest import screenshot, wait_until_edits_are_watched
from tests.frontend.test_admin_editor_browser import AUTOSAVE_REFUSED, log_in

NAME = "Ngô Thị Thanh Tâm"
POSITION = "Phó Chánh Văn phòng Đảng ủy Khối"
UNIT = "Văn phòng Đảng ủy Khối"
ORGANISATION_PAGE = "/gioi-thieu/co-cau-to-chuc/"


def choose_unit(page, name: str) -> None:
    """Pick the unit ``name`` in the chooser, among the Vietnamese units."""
    page.get_by_role("button", name="Chọn đơn vị", exact=True).click()
    modal = page.locator(".modal-dialog")
    expect(modal).to_be_visible()
    language = modal.locator("select[name=locale]")
    if language.input_value() != "vi":
        # Choosing the language reloads the results: a click on the list being replaced
        # is lost (seen once in CI), so the click waits for the new list.
        with page.expect_response(lambda response: "locale=vi" in response.url):
            language.select_option("vi")
    modal.get_by_role("link", name=name, exact=True).click()
    expect(page.locator("#id_unit-chooser")).to_contain_text(name)


def test_an_editor_adds_a_leader_who_appears_on_the_organisation_page(
    stack, page, expected_console_errors
):
    cms, frontend = stack["cms"], stack["frontend"]
    # Autosave runs while the form is half filled (the position still empty); the server
    # refuses that save with a 400 and nothing is stored, as for articles.
    expected_console_errors.append(AUTOSAVE_REFUSED)
    page.goto(frontend + ORGANISATION_PAGE)
    expect(page.get_by_role("heading", name="Sơ đồ tổ chức")).to_be_visible()
    assert NAME not in page.content()

    log_in(page, cms, "truongban")
    page.goto(cms + "/admin/snippets/home/leader/add/")
    page.wait_for_load_state("networkidle")
    wait_until_edits_are_watched(page)
    page.locator("#id_name").press_sequentially(NAME, delay=10)
    page.locator("#id_position").press_sequentially(POSITION, delay=10)
    page.locator("#id_phone").fill("0226 3 856 219")
    # The unit, from the chooser: the Vietnamese units, then the office.
    choose_unit(page, UNIT)
    screenshot(page, "organisation-add-leader")
    # "Xuất bản" is in the save button's menu.
    page.locator("footer .w-dropdown__toggle").first.click()
    with page.expect_navigation():
        page.get_by_role("button", name="Xuất bản").click()
    expect(page.locator(".messages")).to_contain_text(NAME)

    deadline = time.monotonic() + 30
    while True:
        page.goto(frontend + ORGANISATION_PAGE)
        if NAME in page.content() or time.monotonic() > deadline:
            break
        time.sleep(2)
    card = page.locator(".person", has_text=NAME)
    expect(card).to_contain_text(POSITION)
    expect(card.get_by_role("link", name="0226 3 856 219")).to_have_attribute(
        "href", "tel:02263856219"
    )
    # Under the office: the office's list item holds the card.
    office = page.locator(".org-unit", has=page.get_by_role("heading", name=UNIT, exact=True))
    expect(office.locator(".person", has_text=NAME)).to_have_count(1)
    screenshot(page, "organisation-frontend")


SUBMITTED_NAME = "Vũ Thị Lan Anh"
SUBMITTED_POSITION = "Phó Trưởng Ban Tổ chức Đảng ủy Khối"
SUBMITTED_UNIT = "Ban Tổ chức Đảng ủy Khối"


def public_leader_names(page, cms: str) -> list[str]:
    response = page.request.get(cms + "/api/v2/organisation/leaders/")
    assert response.status == 200
    return [item["name"] for item in response.json()["items"]]


def approve(page) -> str:
    """The first "Duyệt" of the editor's footer menu (no comment); the message it gives."""
    page.locator("footer .w-dropdown-button .w-dropdown__toggle").click()
    with page.expect_navigation():
        page.locator('button[data-workflow-action-name="approve"]').first.click()
    page.wait_for_load_state("networkidle")
    return page.locator(".messages .success").first.inner_text().strip()


def test_a_section_editor_submits_a_leader_and_the_board_approves_it(
    stack, page, expected_console_errors
):
    cms, frontend = stack["cms"], stack["frontend"]
    expected_console_errors.append(AUTOSAVE_REFUSED)  # as above: autosave of a half-filled form

    # The section editor types the person in and submits
    log_in(page, cms, "bientapvien")
    page.goto(cms + "/admin/snippets/home/leader/add/")
    page.wait_for_load_state("networkidle")
    wait_until_edits_are_watched(page)
    page.locator("#id_name").press_sequentially(SUBMITTED_NAME, delay=10)
    page.locator("#id_position").press_sequentially(SUBMITTED_POSITION, delay=10)
    choose_unit(page, SUBMITTED_UNIT)
    page.locator("footer .w-dropdown-button .w-dropdown__toggle").click()
    expect(page.get_by_role("button", name="Xuất bản")).to_have_count(0)  # not theirs
    with page.expect_navigation():
        page.locator('button[name="action-submit"]').click()
    page.wait_for_load_state("networkidle")
    expect(page.locator(".messages .success")).to_contain_text(SUBMITTED_NAME)
    assert SUBMITTED_NAME not in public_leader_names(page, cms)

    # The board finds it on its dashboard and approves both steps
    page.context.clear_cookies()
    log_in(page, cms, "truongban")
    page.goto(cms + "/admin/")
    page.wait_for_load_state("networkidle")
    awaiting = page.get_by_role("link", name=SUBMITTED_NAME)
    expect(awaiting.first).to_be_visible()
    screenshot(page, "organisation-board-dashboard")
    with page.expect_navigation():
        awaiting.first.click()
    page.wait_for_load_state("networkidle")
    edit_url = page.url
    assert "/admin/snippets/home/leader/edit/" in edit_url
    assert approve(page).startswith(
        f"Đã duyệt bước “Biên tập viên duyệt” cho “{SUBMITTED_NAME}”; chuyển sang bước tiếp theo."
    )
    assert SUBMITTED_NAME not in public_leader_names(page, cms)
    # Back in the listing; the next step is the board's too
    page.goto(edit_url)
    page.wait_for_load_state("networkidle")
    assert approve(page).startswith(
        f"Đã duyệt bước “Ban biên tập phê duyệt”: “{SUBMITTED_NAME}” đã được xuất bản."
    )
    screenshot(page, "organisation-board-approved")

    # Now the API and the organisation page have the person, under the unit
    assert SUBMITTED_NAME in public_leader_names(page, cms)
    deadline = time.monotonic() + 30
    while True:
        page.goto(frontend + ORGANISATION_PAGE)
        if SUBMITTED_NAME in page.content() or time.monotonic() > deadline:
            break
        time.sleep(2)
    unit = page.locator(
        ".org-unit", has=page.get_by_role("heading", name=SUBMITTED_UNIT, exact=True)
    )
    expect(unit.locator(".person", has_text=SUBMITTED_NAME)).to_contain_text(SUBMITTED_POSITION)
