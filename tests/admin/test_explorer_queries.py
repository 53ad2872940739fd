"""The explorer's queries do not grow with the rows it lists (issue 21): wagtail-localize's
translation buttons are answered in the listing's own query (home/translation_admin.py)."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource
from wagtail_localize.operations import TranslationCreator

from tests.api_support import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("tongbientap", "t@example.vn", "pw")


@pytest.fixture
def english(db) -> Locale:
    return Locale.objects.get_or_create(language_code="en")[0]


def _explorer_queries(client, section) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/admin/pages/{section.id}/")
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_explorer_queries_do_not_grow_with_its_rows(client, section, superuser, english):
    articles = [make_article(section, f"Tin số {i}", days_ago=i) for i in range(3)]
    client.force_login(superuser)
    _explorer_queries(client, section)  # caches of the first request (site, permissions)
    few, _ = _explorer_queries(client, section)
    articles += [make_article(section, f"Tin số {i}", days_ago=i) for i in range(3, 15)]

    many, html = _explorer_queries(client, section)

    assert many == few
    for article in articles:  # still offered a translation: English has none yet
        assert reverse("wagtail_localize:submit_page_translation", args=[article.id]) in html


def test_explorer_offers_sync_for_a_translated_page_only(client, section, superuser, english):
    TranslationCreator(superuser, [english]).create_translations(section)
    translated, untranslated = (make_article(section, f"Tin số {i}") for i in range(2))
    TranslationCreator(superuser, [english]).create_translations(translated)
    client.force_login(superuser)

    _, html = _explorer_queries(client, section)

    translate = "wagtail_localize:submit_page_translation"
    assert reverse(translate, args=[untranslated.id]) in html
    assert reverse(translate, args=[translated.id]) not in html  # no language left
    source = TranslationSource.objects.get(object_id=translated.translation_key)
    assert reverse("wagtail_localize:update_translations", args=[source.id]) in html
    assert not TranslationSource.objects.filter(object_id=untranslated.translation_key).exists()


def test_page_search_asks_no_retraction_of_live_pages(client, section, superuser):
    for i in range(5):
        make_article(section, f"Cải cách hành chính số {i}")
    client.force_login(superuser)

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/admin/pages/search/?q=c%E1%BA%A3i+c%C3%A1ch")

    assert response.content.decode().count("Cải cách hành chính số") >= 5
    assert not [q["sql"] for q in queries.captured_queries if "home_retraction" in q["sql"]]
