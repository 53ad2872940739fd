import csv
import io

import pytest

from cms.editorial import retraction
from home.models import ArticlePage

pytestmark = pytest.mark.django_db


def rows(response) -> list[list[str]]:
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff"), "Excel needs the byte order mark to show Vietnamese"
    return list(csv.reader(io.StringIO(text[1:])))


def test_audit_export_gives_csv_with_bom_for_the_date_range(client, board_member, section):
    article = section.add_child(instance=ArticlePage(title="Hội nghị Ban Chấp hành Đảng bộ Khối"))
    article.save_revision(user=board_member).publish(user=board_member)
    retraction.retract(article, board_member, "Trùng lặp với bài đã đăng.")
    client.force_login(board_member)

    from django.utils import timezone

    today = timezone.localdate().isoformat()
    response = client.get("/admin/audit-log/export/", {"date_from": today, "date_to": today})

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    table = rows(response)
    codes = [row[3] for row in table[1:]]
    assert "wagtail.publish" in codes and "home.retract" in codes
    retract_row = next(row for row in table[1:] if row[3] == "home.retract")
    assert retract_row[1] == "truongban"
    assert retract_row[6] == "Hội nghị Ban Chấp hành Đảng bộ Khối"
    assert retract_row[7] == "Trùng lặp với bài đã đăng."


def test_audit_export_leaves_out_other_days(client, board_member, section):
    article = section.add_child(instance=ArticlePage(title="Tin hôm nay"))
    article.save_revision(user=board_member).publish(user=board_member)
    client.force_login(board_member)
    response = client.get(
        "/admin/audit-log/export/", {"date_from": "2020-01-01", "date_to": "2020-01-31"}
    )
    assert rows(response)[1:] == []


@pytest.mark.parametrize(
    "params",
    [
        {"date_from": "2026-13-01", "date_to": "2026-01-01"},
        {"date_from": "2026-02-01", "date_to": "2026-01-01"},
        {"date_from": "'; DROP TABLE x; --", "date_to": "<script>"},
    ],
)
def test_audit_export_bad_dates_give_400_with_the_form(client, board_member, params):
    client.force_login(board_member)
    response = client.get("/admin/audit-log/export/", params)
    assert response.status_code == 400
    assert "text/html" in response["Content-Type"]


def test_audit_export_is_for_the_editorial_board_only(client, section_editor):
    client.force_login(section_editor)
    response = client.get(
        "/admin/audit-log/export/", {"date_from": "2026-01-01", "date_to": "2026-01-31"}
    )
    assert response.status_code == 302
    assert response.url == "/admin/"


# --- Editorial events, labelled so an editor reads them; autosaves folded (issue 16, defect 8)


def export_today(client, board_member) -> list[list[str]]:
    from django.utils import timezone

    client.force_login(board_member)
    today = timezone.localdate().isoformat()
    return rows(client.get("/admin/audit-log/export/", {"date_from": today, "date_to": today}))


def autosave(client, article, title: str, loaded, overwrite=None) -> dict:
    from tests.admin_forms import article_form_data

    data = article_form_data(title, slug=article.slug)
    data["loaded_revision_id"] = str(loaded.id)
    data["loaded_revision_created_at"] = loaded.created_at.isoformat()
    if overwrite is not None:
        data["overwrite_revision_id"] = str(overwrite)
    response = client.post(f"/admin/pages/{article.id}/edit/", data, HTTP_ACCEPT="application/json")
    assert response.json()["success"] is True, response.json()
    return response.json()


def test_autosaves_of_one_editing_session_are_one_row(client, contributor, board_member, section):
    from wagtail.models import PageLogEntry

    article = section.add_child(
        instance=ArticlePage(title="Bài thử", live=False, owner=contributor)
    )
    opened = article.save_revision(user=contributor)
    client.force_login(contributor)
    first = autosave(client, article, "Bài thử nghiệm", opened)
    for number in range(14):
        autosave(client, article, f"Bài thử nghiệm {number}", opened, first["revision_id"])

    edits = PageLogEntry.objects.filter(page=article, action="wagtail.edit", user=contributor)
    assert edits.count() == 1
    assert edits.get().data["saves"] == 15
    table = export_today(client, board_member)
    saved = [row for row in table[1:] if row[3] == "wagtail.edit" and row[1] == "phongvien"]
    assert len(saved) == 1
    assert saved[0][2] == "Đã lưu bản nháp"
    assert saved[0][7].startswith("15 lần lưu (kể cả tự động lưu) từ ")
    # A save in another session (a new revision) is a row of its own
    client.force_login(contributor)
    latest = ArticlePage.objects.get(id=article.id).latest_revision
    autosave(client, article, "Bài thử nghiệm mới", latest)
    assert edits.count() == 2


def test_export_lists_the_editorial_events_with_labels_that_read_right(
    client, contributor, section_editor, board_member, section
):
    from tests.admin_forms import article_form_data
    from tests.editorial.test_workflow import workflow_action_url

    client.force_login(contributor)
    client.post(
        f"/admin/pages/add/home/articlepage/{section.id}/",
        article_form_data("Bài qua các bước", "action-submit"),
    )
    article = ArticlePage.objects.get(title="Bài qua các bước")
    client.force_login(section_editor)
    client.post(workflow_action_url(article, "reject"), {"comment": "Thêm nguồn."})
    client.force_login(contributor)
    client.post(
        f"/admin/pages/{article.id}/edit/", article_form_data("Bài qua các bước", "action-submit")
    )
    article.refresh_from_db()
    client.force_login(section_editor)
    client.post(workflow_action_url(article, "approve"), {})
    article.refresh_from_db()
    client.force_login(board_member)
    client.post(workflow_action_url(article, "approve"), {})
    article = ArticlePage.objects.get(id=article.id)
    assert article.live
    retraction.retract(article, board_member, "Sai số liệu.")
    retraction.restore(ArticlePage.objects.get(id=article.id), board_member)

    table = export_today(client, board_member)

    events = [(row[3], row[2]) for row in table[1:] if row[6] == "Bài qua các bước"]
    messages = dict(events)
    assert messages["wagtail.create"] == "Đã tạo"
    assert (
        messages["wagtail.workflow.start"] == "Đã gửi duyệt; bước tiếp theo: “Biên tập viên duyệt”"
    )
    assert messages["wagtail.workflow.reject"] == "Đã trả lại để sửa ở bước “Biên tập viên duyệt”"
    assert messages["wagtail.workflow.resume"] == "Đã gửi duyệt lại ở bước “Biên tập viên duyệt”"
    approvals = [message for code, message in events if code == "wagtail.workflow.approve"]
    assert approvals == [
        "Đã duyệt bước “Biên tập viên duyệt”; bước tiếp theo: “Ban biên tập phê duyệt”",
        "Đã duyệt bước “Ban biên tập phê duyệt”; hoàn tất việc duyệt",
    ]
    assert messages["wagtail.publish"] == "Đã xuất bản"
    assert messages["home.retract"] and messages["home.restore"]
    reject_row = next(row for row in table[1:] if row[3] == "wagtail.workflow.reject")
    assert reject_row[7] == "Thêm nguồn."
    assert not any("Ngày tạo" in row[2] or "Quy trình:" in row[2] for row in table[1:])


def test_site_history_shows_the_office_words(client, board_member, section):
    from wagtail.log_actions import log

    article = section.add_child(instance=ArticlePage(title="Bài có nhật ký", live=False))
    for action in FORMATTED_ACTIONS:
        log(instance=article, action=action, user=board_member, data={"workflow": None})
    client.force_login(board_member)

    html = client.get("/admin/reports/site-history/").content.decode()

    for label in ("Tạo mới", "Gửi duyệt", "Trả lại bài", "Duyệt bước", "Gửi duyệt lại"):
        assert label in html, label
    assert "Đã tạo" in html and "Ngày tạo" not in html
    assert "Quy trình:" not in html


FORMATTED_ACTIONS = (
    "wagtail.create",
    "wagtail.workflow.start",
    "wagtail.workflow.approve",
    "wagtail.workflow.reject",
    "wagtail.workflow.resume",
)
