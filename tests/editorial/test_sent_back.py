"""The send-back comment where the author looks (issue 16, defect 5): at the top of the page
editor and on the dashboard, naming who sent it back and when; the status panel's "Xem chi
tiết" dialog names that editor, not the submitter."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import ArticlePage
from tests.admin_forms import article_form_data

pytestmark = pytest.mark.django_db

COMMENT = "Đề nghị bổ sung nguồn cho số liệu ở đoạn 2."


@pytest.fixture
def named(contributor, section_editor):
    for user, (first, last) in (
        (contributor, ("Lê Thu", "Hà")),
        (section_editor, ("Trần Quốc", "Bảo")),
    ):
        user.first_name, user.last_name = first, last
        user.save()


def submitted(client, contributor, section, title: str) -> ArticlePage:
    client.force_login(contributor)
    response = client.post(
        f"/admin/pages/add/home/articlepage/{section.id}/",
        article_form_data(title, "action-submit"),
    )
    assert response.status_code == 302
    return ArticlePage.objects.get(title=title)


def send_back(client, section_editor, article: ArticlePage, comment: str = COMMENT) -> None:
    client.force_login(section_editor)
    task_state = article.current_workflow_state.current_task_state
    client.post(
        f"/admin/pages/workflow/action/{article.id}/reject/{task_state.id}/",
        {"comment": comment},
    )
    article.refresh_from_db()
    assert article.current_workflow_state.status == "needs_changes"


def test_editor_shows_who_sent_it_back_when_and_the_comment_on_top(
    client, named, contributor, section_editor, section
):
    article = submitted(client, contributor, section, "Bài bị trả lại")
    send_back(client, section_editor, article)
    client.force_login(contributor)

    html = client.get(f"/admin/pages/{article.id}/edit/").content.decode()

    notice = html[html.index("data-sent-back") :]
    assert notice.index(COMMENT) < notice.index('id="page-edit-form"')  # above the form
    assert "Bài này đã được trả lại cho tác giả." in notice
    assert "Trần Quốc Bảo đã trả lại lúc" in notice
    assert "ở bước “Biên tập viên duyệt”" in notice
    # The status panel and its "Xem chi tiết" dialog name the editor who sent it back
    panel = html[html.index('data-side-panel="status"') :]
    assert "Đã trả lại" in panel
    dialog = panel[panel.index('id="workflow-status-dialog"') :]
    heading = dialog[: dialog.index("workflow-timeline")]
    assert "bởi Trần Quốc Bảo" in heading
    assert "bởi Lê Thu Hà" not in heading


def test_editor_has_no_notice_once_resubmitted(client, contributor, section_editor, section):
    article = submitted(client, contributor, section, "Bài gửi lại")
    send_back(client, section_editor, article)
    client.force_login(contributor)
    client.post(
        f"/admin/pages/{article.id}/edit/",
        article_form_data("Bài gửi lại", "action-submit"),
    )

    html = client.get(f"/admin/pages/{article.id}/edit/").content.decode()

    assert "data-sent-back" not in html
    assert COMMENT not in html


def test_dashboard_lists_the_authors_sent_back_articles_with_comments(
    client, named, contributor, section_editor, section
):
    first = submitted(client, contributor, section, "Bài thứ nhất bị trả lại")
    send_back(client, section_editor, first)
    client.force_login(contributor)
    client.get("/admin/")
    with CaptureQueriesContext(connection) as one:
        client.get("/admin/")
    for number, comment in ((2, "Sửa tiêu đề."), (3, "Thêm ảnh minh họa.")):
        article = submitted(client, contributor, section, f"Bài thứ {number} bị trả lại")
        send_back(client, section_editor, article, comment)
    waiting = submitted(client, contributor, section, "Bài đang chờ duyệt")
    client.force_login(contributor)

    with CaptureQueriesContext(connection) as three:
        html = client.get("/admin/").content.decode()

    panel = html[html.index("data-sent-back-panel") :]
    panel = panel[: panel.index("</ul>")]
    assert "Bài của bạn bị trả lại để sửa" in html
    for title, comment in (
        ("Bài thứ nhất bị trả lại", COMMENT),
        ("Bài thứ 2 bị trả lại", "Sửa tiêu đề."),
        ("Bài thứ 3 bị trả lại", "Thêm ảnh minh họa."),
    ):
        assert title in panel and comment in panel
    assert panel.count("Trần Quốc Bảo đã trả lại lúc") == 3
    assert waiting.title not in panel
    assert f"/admin/pages/{first.id}/edit/" in panel
    # The panel's queries do not grow with the number of articles sent back (other panels'
    # may: Wagtail's own dashboard panels list these pages too)
    ours = [q for q in three.captured_queries if "wagtailcore_workflowstate" in q["sql"]]
    ours_before = [q for q in one.captured_queries if "wagtailcore_workflowstate" in q["sql"]]
    assert len(ours) == len(ours_before)


def test_dashboard_of_someone_else_shows_no_sent_back_panel(
    client, contributor, section_editor, board_member, section
):
    article = submitted(client, contributor, section, "Bài của người khác")
    send_back(client, section_editor, article)
    client.force_login(board_member)

    html = client.get("/admin/").content.decode()

    assert "data-sent-back-panel" not in html
