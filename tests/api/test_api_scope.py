"""The site scope is kept across publishes and retractions, and made again by what changes it.

A scope (cms/api/visibility.py) holds the site, its roots in every language, the locales and
the restricted branches. It is cached under its own token (cms.api.cache.scope_token), which
a retraction, a publish or an edit leaves, and which a site, a locale, a view restriction, a
site root or a translation of one, and any move change. Each test caches the scope first,
then makes the change the way an editor or administrator does, then reads the API.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Locale, Page, PageViewRestriction, Site

from home.models import SectionPage
from tests.api_support import make_article, publish

LISTING = "/api/v2/pages/?type=article&limit=100"
SCOPE_TABLES = ("wagtailcore_site", "wagtailcore_pageviewrestriction", "wagtailcore_locale")


def _titles(api, url: str = LISTING, **headers) -> set[str]:
    return {item["title"] for item in api.get(url, **headers).json()["items"]}


def _scope_queries(queries) -> list[str]:
    return [q["sql"] for q in queries if any(t in q["sql"] for t in SCOPE_TABLES)]


def test_a_retraction_finds_the_scope_cached(api, section):
    kept = make_article(section, "Tin giữ lại")
    retracted = make_article(section, "Tin bị thu hồi")
    assert _titles(api) == {"Tin giữ lại", "Tin bị thu hồi"}

    retracted.unpublish()  # bumps every response
    with CaptureQueriesContext(connection) as queries:
        assert _titles(api) == {"Tin giữ lại"}
        assert api.get(f"/api/v2/pages/{kept.id}/").status_code == 200
    assert _scope_queries(queries.captured_queries) == []
    assert api.get(f"/api/v2/pages/{retracted.id}/").status_code == 404


def test_a_restriction_set_in_the_admin_hides_its_branch_at_once(
    api, client, section, board_member
):
    article = make_article(section, "Tin nội bộ")
    assert _titles(api) == {"Tin nội bộ"}
    assert api.get(f"/api/v2/pages/{article.id}/").status_code == 200

    client.force_login(board_member)  # who may publish may restrict
    privacy = reverse("wagtailadmin_pages:set_privacy", args=[section.id])
    response = client.post(privacy, {"restriction_type": "login"})
    assert response.status_code == 200 and PageViewRestriction.objects.filter(page=section)
    assert _titles(api) == set()
    assert api.get(f"/api/v2/pages/{article.id}/").status_code == 404
    assert api.get(LISTING).json()["meta"]["total_count"] == 0

    # Lifted: shown again at once.
    client.post(privacy, {"restriction_type": "none"})
    assert not PageViewRestriction.objects.filter(page=section).exists()
    assert _titles(api) == {"Tin nội bộ"}


def test_a_restricted_branch_moved_stays_hidden(api, home_page, section):
    """A restriction is kept by its page's tree path: a move changes that path."""
    other = publish(home_page.add_child(instance=SectionPage(title="Thông báo")))
    internal = publish(section.add_child(instance=SectionPage(title="Nội bộ")))
    make_article(internal, "Tin nội bộ")
    make_article(other, "Thông báo công khai")
    PageViewRestriction.objects.create(page=internal, restriction_type="login")
    assert _titles(api) == {"Thông báo công khai"}

    Page.objects.get(id=internal.id).move(Page.objects.get(id=other.id), pos="last-child")
    assert _titles(api) == {"Thông báo công khai"}
    assert api.get(LISTING).json()["meta"]["total_count"] == 1


def test_a_new_site_for_a_host_is_used_at_once(api, home_page, section, settings):
    settings.ALLOWED_HOSTS = ["testserver", "khac.example.vn"]
    make_article(section, "Tin trang chính")
    other_home = publish(
        Page.get_first_root_node().add_child(instance=SectionPage(title="Trang khác"))
    )
    make_article(other_home, "Tin trang khác")
    # Until it has a site of its own, the host is answered by the default site.
    assert _titles(api, HTTP_HOST="khac.example.vn") == {"Tin trang chính"}

    Site.objects.create(hostname="khac.example.vn", root_page=other_home)
    assert _titles(api, HTTP_HOST="khac.example.vn") == {"Tin trang khác"}
    assert _titles(api) == {"Tin trang chính"}


def test_a_translated_site_root_is_a_root_at_once(api, home_page, section):
    """The English home page, made after the scope was cached, holds English pages."""
    english = Locale.objects.get_or_create(language_code="en")[0]
    make_article(section, "Tin tiếng Việt")
    assert _titles(api, f"{LISTING}&locale=en") == set()

    english_home = publish(home_page.copy_for_translation(english))
    news = publish(english_home.add_child(instance=SectionPage(title="News", slug="news")))
    make_article(news, "English news")  # a new article's publish keeps the other responses
    assert _titles(api, f"{LISTING}&locale=en") == {"English news"}


@pytest.mark.parametrize("draft", [False, True])
def test_only_a_site_roots_save_bumps_the_scope(api, home_page, section, draft):
    """An article published or drafted keeps the scope; the home page saved, even as a
    draft (a translated root made as a draft is a root already), makes it again."""
    from cms.api.cache import scope_token

    token = scope_token()
    article = make_article(section, "Tin")
    article.title = "Tin sửa"
    article.save_revision() if draft else publish(article)
    assert scope_token() == token
    home_page.title = "Trang chủ mới"
    home_page.save_revision() if draft else publish(home_page)
    assert scope_token() != token
