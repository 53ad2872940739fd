"""What an editor types in the admin is kept: Vietnamese dates and hand-typed slugs (issue 16).

Through the article add view, as a browser without JavaScript would post it; the same views
in Chromium, with the admin's own JavaScript, are in
tests/frontend/test_admin_editor_browser.py.
"""

import datetime
import json
import re

import pytest
from django import forms
from django.utils import timezone, translation

from cms.editorial.forms import AuditExportForm
from home.models import ArticlePage
from tests.admin_forms import article_form_data

pytestmark = pytest.mark.django_db

TITLE = "Hiệu quả Lãnh đạo Cải cách hành chính trong Đảng"
INVALID_DATE_TIME = "Hãy nhập ngày/giờ hợp lệ."


def add_article(client, user, section, **fields):
    client.force_login(user)
    return client.post(
        f"/admin/pages/add/home/articlepage/{section.id}/", article_form_data(TITLE, **fields)
    )


def local(value: datetime.datetime) -> tuple[int, int, int, int, int]:
    moment = timezone.localtime(value)
    return moment.year, moment.month, moment.day, moment.hour, moment.minute


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("15/06/2022 08:30", (2022, 6, 15, 8, 30)),
        ("15/06/2022", (2022, 6, 15, 0, 0)),
        ("06/05/2022 17:05", (2022, 5, 6, 17, 5)),  # day first: 6 May, never 5 June
        ("5/6/2022 7:05", (2022, 6, 5, 7, 5)),
        ("15-06-2022 08:30:15", (2022, 6, 15, 8, 30)),
        ("2022-06-15 08:30", (2022, 6, 15, 8, 30)),
    ],
)
def test_article_add_view_stores_vietnamese_typed_dates(
    client, contributor, section, typed, stored
):
    response = add_article(client, contributor, section, publication_date=typed)

    assert response.status_code == 302, response.context["form"].errors
    article = ArticlePage.objects.get(title=TITLE)
    assert local(article.publication_date) == stored


def test_article_add_view_refuses_unreadable_date_with_field_error(client, contributor, section):
    count = ArticlePage.objects.count()

    response = add_article(client, contributor, section, publication_date="32/13/2022")

    # The form again, the error on the field in Vietnamese, the typed text still in it.
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["publication_date"] == [INVALID_DATE_TIME]
    assert list(form.errors) == ["publication_date"]
    html = response.content.decode()
    assert INVALID_DATE_TIME in html
    assert re.search(r'name="publication_date"[^>]*value="32/13/2022"', html)
    assert ArticlePage.objects.count() == count


def test_article_editor_shows_dates_in_vietnamese_order(client, contributor, section):
    add_article(client, contributor, section, publication_date="2022-06-15 08:30")
    article = ArticlePage.objects.get(title=TITLE)

    html = client.get(f"/admin/pages/{article.id}/edit/").content.decode()

    assert re.search(r'name="publication_date"[^>]*value="15/06/2022 08:30"', html)
    config = re.search(r'initDateTimeChooser\("id_publication_date", (\{.*?\})\);', html)
    assert json.loads(config.group(1))["format"] == "d/m/Y H:i"


@pytest.mark.parametrize("language", ["vi", "en"])
def test_typed_dates_are_read_day_first_in_every_admin_language(language):
    with translation.override(language):
        assert forms.DateField().clean("06/05/2022") == datetime.date(2022, 5, 6)
        moment = forms.DateTimeField().clean("06/05/2022 08:30")
    assert local(moment) == (2022, 5, 6, 8, 30)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Bài viết của tôi", "bai-viet-cua-toi"),
        ("bài-viết-của-đảng", "bai-viet-cua-dang"),
        ("Quý IV/2022", "quy-iv-2022"),
        ("tin_cu-2019", "tin_cu-2019"),  # an ASCII slug is kept as typed
    ],
)
def test_article_add_view_keeps_hand_typed_slug_made_ascii(
    client, contributor, section, typed, stored
):
    response = add_article(client, contributor, section, slug=typed)

    assert response.status_code == 302, response.context["form"].errors
    assert ArticlePage.objects.get(title=TITLE).slug == stored


def test_article_add_view_makes_slug_from_title_when_left_empty(client, contributor, section):
    add_article(client, contributor, section)

    assert ArticlePage.objects.get(title=TITLE).slug == (
        "hieu-qua-lanh-dao-cai-cach-hanh-chinh-trong-dang"
    )


def test_admin_loads_the_vietnamese_scripts_as_files(client, contributor, section):
    client.force_login(contributor)

    html = client.get(f"/admin/pages/add/home/articlepage/{section.id}/").content.decode()

    for script in ("home/admin/vietnamese-slugs.js", "home/admin/date-inputs.js"):
        assert f'<script src="/static/{script}"></script>' in html


def test_audit_export_date_inputs_stay_iso_for_the_browser_date_picker() -> None:
    form = AuditExportForm(initial={"date_from": datetime.date(2022, 6, 15)})

    assert 'value="2022-06-15"' in str(form["date_from"])
