import pytest

from home.models import SectionPage

pytestmark = pytest.mark.django_db


def test_admin_explorer_shows_section_tree_in_vietnamese_to_section_editor(
    client, section_editor, home_page, section
):
    subsection = section.add_child(instance=SectionPage(title="Xây dựng Đảng"))
    client.force_login(section_editor)

    response = client.get(f"/admin/pages/{section.id}/")

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="vi"' in html
    assert subsection.title in html
    assert "Tiêu đề" in html  # "Title", the column heading, in Vietnamese
    assert "Trạng thái" in html  # "Status"


def test_admin_login_page_is_vietnamese(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert '<html lang="vi"' in response.content.decode()


def test_contributor_reaches_admin_dashboard(client, contributor):
    client.force_login(contributor)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert "Trang tổng quan" in response.content.decode()  # "Dashboard"


def test_root_page_and_collection_have_vietnamese_names():
    from wagtail.models import Collection, Page

    assert Page.get_first_root_node().title == "Gốc"
    assert Collection.get_first_root_node().name == "Gốc"


def test_header_actions_are_labelled_in_vietnamese(client, section_editor, section):
    client.force_login(section_editor)
    html = client.get(f"/admin/pages/{section.id}/").content.decode()
    assert 'aria-label="Thao tác"' in html
    assert 'aria-label="Actions"' not in html
