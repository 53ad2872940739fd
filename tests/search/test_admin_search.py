"""The admin's search on PostgreSQL: editors find pages typed without diacritics, as readers
do, in the page search and in the page chooser (both autocomplete as the editor types)."""

import importlib

import pytest
from django.apps import apps
from django.db import connection
from django.urls import reverse
from wagtail.models import Page

from tests.api_support import make_article

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the admin search's configuration: PostgreSQL"
)

TITLE = "Cải cách hành chính trong Đảng ủy Khối"
OTHER = "Hội nghị tổng kết năm"


@pytest.fixture
def articles(section) -> None:
    make_article(section, TITLE)
    make_article(section, OTHER)


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("cai cach", TITLE),
        ("cải cách", TITLE),
        ("CAI CACH HANH", TITLE),
        ("dang uy", TITLE),
        ("Đảng ủ", TITLE),
        ("hoi nghi", OTHER),
        ("cai cach xyz", None),
    ],
)
def test_admin_page_search_finds_what_editors_type(client, board_member, articles, typed, found):
    client.force_login(board_member)

    response = client.get(reverse("wagtailadmin_pages:search"), {"q": typed})

    assert response.status_code == 200
    page = response.content.decode()
    assert {title for title in (TITLE, OTHER) if title in page} == ({found} if found else set())


def test_admin_page_chooser_finds_titles_typed_without_diacritics(client, board_member, articles):
    client.force_login(board_member)

    response = client.get(reverse("wagtailadmin_choose_page_search"), {"q": "dang uy khoi"})

    assert response.status_code == 200
    assert TITLE in response.content.decode()


def test_migration_unaccents_the_autocomplete_vectors_already_indexed(articles):
    migration = importlib.import_module("home.migrations.0017_admin_autocomplete_unaccented")
    with connection.cursor() as cursor:  # as Wagtail made them, with the simple configuration
        cursor.execute(
            "UPDATE wagtailsearch_indexentry"
            " SET autocomplete = setweight(to_tsvector('simple', title_text), 'D')"
        )
    assert not Page.objects.autocomplete("dang uy")

    with connection.schema_editor() as editor:
        migration.forward(apps, editor)

    assert [page.title for page in Page.objects.autocomplete("dang uy")] == [TITLE]
    assert [page.title for page in Page.objects.autocomplete("Hội ngh")] == [OTHER]
