"""A retracted article does not look like an ordinary draft (issue 16, defect 7): listings say
"đã gỡ bài" with who, when and why on hover, and the editor's status panel says "Đã gỡ" with
the same."""

import pytest

from cms.editorial import retraction
from home.models import ArticlePage

pytestmark = pytest.mark.django_db


def test_retracted_page_shows_retracted_status_in_the_listing(
    client, section, board_member, section_editor
):
    retracted = section.add_child(instance=ArticlePage(title="Bài bị gỡ"))
    retracted.save_revision().publish()
    retraction.retract(retracted, board_member, "Sai số liệu")
    draft = section.add_child(instance=ArticlePage(title="Bài nháp", live=False))
    draft.save_revision()
    client.force_login(section_editor)

    listing = client.get(f"/admin/pages/{section.id}/").content.decode()

    assert ArticlePage.objects.get(id=retracted.id).status_string == "đã gỡ bài"
    assert ArticlePage.objects.get(id=draft.id).status_string == "bản nháp"
    assert "đã gỡ bài" in listing.lower() and "bản nháp" in listing.lower()


def test_restored_page_is_live_again_in_the_status(client, section, board_member):
    article = section.add_child(instance=ArticlePage(title="Bài khôi phục"))
    article.save_revision().publish()
    retraction.retract(article, board_member, "Kiểm tra lại")
    retraction.restore(ArticlePage.objects.get(id=article.id), board_member)

    assert ArticlePage.objects.get(id=article.id).status_string == "đã xuất bản"


def retracted_article(section, board_member, title: str = "Bài bị gỡ") -> ArticlePage:
    article = section.add_child(instance=ArticlePage(title=title))
    article.save_revision().publish()
    retraction.retract(article, board_member, "Sai số liệu ở đoạn 2")
    return ArticlePage.objects.get(id=article.id)


def test_editor_status_panel_says_retracted_with_who_when_why(client, section, board_member):
    article = retracted_article(section, board_member)
    board_member.first_name, board_member.last_name = "Nguyễn Thị", "Minh"
    board_member.save()
    client.force_login(board_member)

    html = client.get(f"/admin/pages/{article.id}/edit/").content.decode()

    panel = html[html.index('data-side-panel="status"') :]
    assert "Đã gỡ" in panel
    assert "Sai số liệu ở đoạn 2" in panel
    assert "Gỡ bởi Nguyễn Thị Minh lúc" in panel
    assert "Bản nháp" not in panel[: panel.index("Sai số liệu ở đoạn 2")]


def test_restored_page_status_panel_no_longer_says_retracted(client, section, board_member):
    article = retracted_article(section, board_member)
    retraction.restore(article, board_member)
    client.force_login(board_member)

    html = client.get(f"/admin/pages/{article.id}/edit/").content.decode()

    assert "Sai số liệu ở đoạn 2" not in html
    assert "Đã gỡ" not in html


def test_listing_shows_the_reason_on_hover_in_one_query_for_all_pages(
    client, section, board_member, section_editor
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for number in range(1, 7):
        retracted_article(section, board_member, f"Bài bị gỡ {number}")
    client.force_login(section_editor)

    with CaptureQueriesContext(connection) as listing:
        html = client.get(f"/admin/pages/{section.id}/").content.decode()

    assert 'data-w-tooltip-content-value="Gỡ bởi truongban lúc' in html
    assert html.count("Lý do: Sai số liệu ở đoạn 2") == 6 * 2  # the tooltip, screen readers
    assert html.lower().count("đã gỡ bài") == 6
    # One for the listed pages; none for the section's own header buttons ("Khôi phục"):
    # the section is live, and publishing closes retractions.
    retraction_queries = [
        q["sql"] for q in listing.captured_queries if "home_retraction" in q["sql"]
    ]
    assert len(retraction_queries) == 1, retraction_queries
    assert not any(f'"page_id" = {section.id} ' in sql for sql in retraction_queries)
