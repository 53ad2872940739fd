"""Labels Wagtail left in English or as identifiers, in Vietnamese (issue 16, defect 12)."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale, Page

from home.models import ArticlePage

pytestmark = pytest.mark.django_db


def text_of(html: str) -> str:
    return BeautifulSoup(html, "html.parser").get_text(" ", strip=True)


def cell_texts(html: str, selector: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    return [cell.get_text(" ", strip=True) for cell in soup.select(selector)]


def test_author_chooser_filters_by_language_named_in_vietnamese(client, board_member, author):
    Locale.objects.get_or_create(language_code="en")
    client.force_login(board_member)

    response = client.get("/admin/snippets/choose/home/author/")

    assert response.status_code == 200
    soup = BeautifulSoup(response.json()["html"], "html.parser")
    assert soup.select_one("label[for=id_locale]").get_text(strip=True) == "Ngôn ngữ"
    options = [option.get_text(strip=True) for option in soup.select("#id_locale option")]
    assert sorted(options) == sorted(["Tất cả", "Tiếng Việt", "Tiếng Anh"])
    shown = soup.get_text(" ", strip=True)
    assert "Locale" not in shown and "English" not in shown


def test_aging_pages_report_names_no_publisher_as_system(client, board_member, section):
    # Published by a script or the scheduler: no user
    article = section.add_child(instance=ArticlePage(title="Bài đăng tự động", live=False))
    article.save_revision().publish()
    client.force_login(board_member)

    response = client.get("/admin/reports/aging-pages/results/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Bài đăng tự động" in html
    assert "None" not in text_of(html)
    assert "hệ thống" in text_of(html)


def test_page_types_usage_shows_names_not_identifiers(client, board_member, section):
    section.add_child(instance=ArticlePage(title="Tin thử"))
    client.force_login(board_member)

    response = client.get("/admin/reports/page-types-usage/results/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "home.articlepage" not in html and "home.sectionpage" not in html
    assert "Tin bài" in cell_texts(html, "td.page-type")
    assert "Tin Bài" not in cell_texts(html, "td.page-type")
    assert "Nội dung website" in cell_texts(html, "td.app-label")


def test_board_dashboard_names_the_author_who_submitted(
    client, contributor, section_editor, board_member, section
):
    contributor.first_name, contributor.last_name = "Thu", "Phạm"
    contributor.save()
    section_editor.first_name, section_editor.last_name = "Quyến", "Lê"
    section_editor.save()
    article = section.add_child(instance=ArticlePage(title="Bài chờ phê duyệt", live=False))
    article.save_revision(user=contributor)
    article.get_workflow().start(article, contributor)
    # The section editor edits the text, then approves step 1: step 2 holds her revision
    page = Page.objects.get(id=article.id).specific
    page.save_revision(user=section_editor)
    task_state = page.current_workflow_state.current_task_state
    client.force_login(section_editor)
    response = client.post(
        f"/admin/pages/workflow/action/{article.id}/approve/{task_state.id}/", {}
    )
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.current_workflow_state.current_task_state.revision.user == section_editor

    client.force_login(board_member)
    html = client.get("/admin/").content.decode()

    rows = BeautifulSoup(html, "html.parser").select("#awaiting-review-section tbody tr")
    row = next(r for r in rows if "Bài chờ phê duyệt" in r.get_text())
    submitted_by = row.find_all("td")[4].get_text(" ", strip=True)
    assert submitted_by == contributor.get_full_name()
    assert section_editor.get_full_name() not in row.get_text(" ", strip=True)
