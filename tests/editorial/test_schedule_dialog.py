"""The scheduling dialog ("Đặt lịch"): nothing is scheduled until the editor saves it.

Wagtail's autosave posts the whole page form, the dialog's go-live and expiry inputs
included, as the editor types (issue 16, defect 13).
"""

import datetime
import zoneinfo

import pytest

from home.models import ArticlePage
from tests.admin_forms import article_form_data

pytestmark = pytest.mark.django_db

HANOI = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
GO_LIVE = datetime.datetime(2030, 6, 15, 9, 37, tzinfo=HANOI)


def post_form(client, article, json: bool, **fields):
    latest = ArticlePage.objects.get(id=article.id).latest_revision
    data = article_form_data(article.title, slug=article.slug, **fields)
    data["loaded_revision_id"] = str(latest.id)
    data["loaded_revision_created_at"] = latest.created_at.isoformat()
    headers = {"HTTP_ACCEPT": "application/json"} if json else {}
    return client.post(f"/admin/pages/{article.id}/edit/", data, **headers)


def latest_schedule(article) -> tuple:
    draft = ArticlePage.objects.get(id=article.id).get_latest_revision_as_object()
    return draft.go_live_at, draft.expire_at


def test_autosave_keeps_the_saved_schedule_and_an_explicit_save_stores_it(
    client, board_member, section
):
    article = section.add_child(instance=ArticlePage(title="Bài hẹn giờ", live=False))
    article.save_revision(user=board_member)
    client.force_login(board_member)

    # Typed in the dialog, autosaved before "Lưu lịch": not stored
    response = post_form(
        client, article, json=True, go_live_at="15/06/2030 09:37", expire_at="01/07/2030 10:00"
    )
    assert response.status_code == 200, response.content
    assert response.json()["success"] is True
    assert latest_schedule(article) == (None, None)
    article.refresh_from_db()
    assert article.go_live_at is None and article.expire_at is None

    # A half-typed time in the dialog does not make the autosave fail either
    response = post_form(client, article, json=True, go_live_at="15/06/20")
    assert response.status_code == 200, response.content
    assert latest_schedule(article) == (None, None)

    # "Lưu lịch" (an explicit save) stores the time, to the minute
    response = post_form(client, article, json=False, go_live_at="15/06/2030 09:37")
    assert response.status_code == 302
    assert latest_schedule(article) == (GO_LIVE, None)

    # Later autosaves keep that time, whatever the dialog holds
    response = post_form(client, article, json=True, go_live_at="")
    assert response.status_code == 200, response.content
    assert latest_schedule(article) == (GO_LIVE, None)
