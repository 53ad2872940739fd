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
