"""Listing totals from the page counts PostgreSQL keeps (cms/api/totals.py).

The counts are kept by a trigger on Wagtail's page table (cms/api/migrations/0001); after
any sequence of what editors and jobs do to pages (publish, unpublish, move a page or a whole
section, delete, a passed expiry date before and after the job marks it, a view restriction
set and lifted, translations and aliases), the sum they give must equal counting the public
pages, for every type, branch and locale a listing can ask for; and the rows the trigger kept
must equal the rows the migration computes from scratch.
"""

import contextlib
import datetime
import importlib
import io
import itertools

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from wagtail.models import Locale, Page, PageViewRestriction, Site

from cms.api.filters import Branch
from cms.api.models import PageCount
from cms.api.totals import public_total
from cms.api.visibility import _compute_scope
from home.models import ArticlePage, SectionPage
from tests.api_support import make_article, publish

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the page counts are kept by a PostgreSQL trigger"
)
migration = importlib.import_module("cms.api.migrations.0002_featured_counts")


class Rollback(Exception):
    pass


ACTIONS = (
    "publish",
    "unpublish",
    "republish",
    "move",
    "delete",
    "lapse",
    "expire",
    "restrict",
    "unrestrict",
    "move_section",
    "translate",
    "alias",
    "feature",
    "feature_in_bulk",
    "publish_featured",
)


def _recomputed() -> set[tuple]:
    """The page counts as the migration computes them from the page table."""
    with connection.cursor() as cursor:
        cursor.execute(migration.COUNT_ALL)
        return set(cursor.fetchall())


def _kept() -> set[tuple]:
    return set(
        PageCount.objects.exclude(n=0).values_list(
            "prefix", "depth", "content_type_id", "locale_id", "alias", "featured", "n"
        )
    )


def _request(host: str = "localhost"):
    return RequestFactory().get("/", HTTP_HOST=host)


def _in_english(page: Page, english: Locale) -> bool:
    return Page.objects.filter(translation_key=page.translation_key, locale=english).exists()


def _assert_totals_are_counts(sections: list[Page]) -> None:
    scope = _compute_scope(_request())
    now = timezone.now()
    branches = [None]
    for page in Page.objects.filter(id__in=[s.id for s in sections]) | Page.objects.filter(depth=2):
        branches += [Branch(page.path, page.depth), Branch(page.path, page.depth, True)]
    for model in (ArticlePage, SectionPage, Page):
        for branch in branches:
            for locale, featured in itertools.product(
                (None, *Locale.objects.all()),
                (None, True, False) if model is ArticlePage else [None],
            ):
                pages = Page.objects.filter(scope.public_q(now)).type(model)
                if branch is not None:
                    pages = pages.filter(branch.q())
                if locale is not None:
                    pages = pages.filter(locale=locale)
                if featured is not None:
                    pages = pages.filter(articlepage__featured=featured)
                total = public_total(scope, model, branch, locale and locale.id, now, featured)
                assert total == pages.count(), (model, branch, locale, featured)


@postgresql_only
@pytest.mark.django_db(transaction=False)
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    actions=st.lists(
        st.tuples(st.sampled_from(ACTIONS), st.integers(0, 7), st.integers(0, 3)),
        min_size=1,
        max_size=12,
    )
)
# Each term of the sum, always tried: a passed expiry not yet marked, a restricted section
# inside the site and the restriction lifted, a moved section, an alias and a translation.
@example(actions=[("lapse", 0, 0)])
@example(actions=[("restrict", 0, 2), ("lapse", 1, 0), ("expire", 0, 0)])
@example(actions=[("restrict", 0, 0), ("unrestrict", 0, 0), ("move_section", 0, 0)])
@example(actions=[("alias", 0, 0), ("translate", 1, 0), ("unpublish", 0, 0)])
# Featured: made so, ticked and published with an alias following, unticked in bulk while
# unpublished, deleted while featured.
@example(actions=[("publish_featured", 0, 0), ("delete", 2, 0), ("feature_in_bulk", 0, 0)])
@example(
    actions=[("alias", 0, 0), ("feature", 0, 0), ("unpublish", 1, 0), ("feature_in_bulk", 1, 0)]
)
def test_totals_equal_counting_the_public_pages_after_any_changes(home_page, actions):
    try:
        with transaction.atomic():
            english = Locale.objects.get(language_code="en")
            news = publish(home_page.add_child(instance=SectionPage(title="Tin tức")))
            work = publish(home_page.add_child(instance=SectionPage(title="Công tác Đảng")))
            sub = publish(news.add_child(instance=SectionPage(title="Cơ sở")))
            english_home = home_page.copy_for_translation(english)
            publish(english_home)
            english_news = news.copy_for_translation(english, alias=True)
            sections = [news, work, sub, english_home, english_news]
            articles = [make_article(news, "Tin đầu tiên"), make_article(sub, "Tin cơ sở")]
            numbers = itertools.count()
            for action, a, s in actions:
                # What an editor cannot do (a slug taken in the target) changes nothing.
                with contextlib.suppress(ValidationError), transaction.atomic():
                    article = Page.objects.get(id=articles[a % len(articles)].id).specific
                    section = Page.objects.get(id=sections[s % 3].id).specific
                    if action in ("publish", "publish_featured"):
                        featured = action == "publish_featured"
                        title = f"Tin {next(numbers)}"
                        articles.append(make_article(section, title, featured=featured))
                    elif action == "feature" and article.alias_of_id is None:
                        # An editor ticks or unticks "featured" and publishes (aliases follow).
                        article.featured = not article.featured
                        publish(article)
                    elif action == "feature_in_bulk":
                        featured = not article.featured  # live or not
                        ArticlePage.objects.filter(id=article.id).update(featured=featured)
                    elif action == "unpublish" and article.live:
                        article.unpublish()
                    elif action == "republish" and article.alias_of_id is None:
                        publish(article)
                    elif action == "move" and article.locale_id != english.id:
                        article.move(section, pos="last-child")
                    elif action == "delete" and len(articles) > 1:
                        article.delete()  # with its aliases
                        articles = [p for p in articles if Page.objects.filter(id=p.id).exists()]
                    elif action == "lapse":
                        past = timezone.now() - datetime.timedelta(hours=1)
                        Page.objects.filter(id=article.id).update(expire_at=past)
                    elif action == "expire":
                        Page.objects.filter(id=article.id).update(live=False, expired=True)
                    elif action == "restrict":
                        PageViewRestriction.objects.create(page=section, restriction_type="login")
                    elif action == "unrestrict":
                        PageViewRestriction.objects.filter(page=section).delete()
                    elif action == "move_section":
                        sub = Page.objects.get(id=sub.id)
                        target = work if sub.get_parent().id == news.id else news
                        sub.move(Page.objects.get(id=target.id), pos="last-child")
                    elif action in ("translate", "alias") and not _in_english(article, english):
                        parent = Page.objects.get(id=english_news.id)
                        if action == "alias":
                            copy = article.create_alias(parent=parent, update_locale=english)
                        else:
                            copy = publish(article.copy_for_translation(english, copy_parents=True))
                        articles.append(copy)
            _assert_totals_are_counts(sections)
            assert _kept() == _recomputed()
            raise Rollback
    except Rollback:
        pass


@postgresql_only
def test_a_listing_is_totalled_from_the_counts_and_follows_publishes(section, client):
    articles = [make_article(section, f"Tin {i}", days_ago=i) for i in range(3)]
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        listing = client.get("/api/v2/pages/?type=article&section=" + str(section.id)).json()
    assert listing["meta"]["total_count"] == 3
    counted = [q["sql"] for q in queries if "reader_api_pagecount" in q["sql"]]
    assert len(counted) == 1
    # No other query counts pages.
    assert [q["sql"] for q in queries if "COUNT(" in q["sql"].upper()] == counted

    articles[0].unpublish()
    make_article(section, "Tin mới")
    assert client.get("/api/v2/pages/?type=article").json()["meta"]["total_count"] == 3
    articles[1].delete()
    assert client.get("/api/v2/pages/?type=article&locale=vi").json()["meta"]["total_count"] == 2
    # A filter the counts do not know is counted.
    since = (timezone.now() - datetime.timedelta(minutes=5)).isoformat()
    listing = client.get("/api/v2/pages/", {"type": "article", "updated_since": since}).json()
    assert listing["meta"]["total_count"] == 2


def test_sqlite_has_no_counts_and_counts_its_listings(section, client):
    make_article(section, "Tin một")
    scope = _compute_scope(_request())
    total = public_total(scope, ArticlePage)
    if connection.vendor == "postgresql":
        assert total == 1
    else:
        assert total is None and not PageCount.objects.exists()
    assert client.get("/api/v2/pages/?type=article").json()["meta"]["total_count"] == 1


@postgresql_only
def test_a_second_site_and_a_restricted_site_root(section, client):
    """Counts of one site do not leak into another's; a restricted root shows nothing."""
    make_article(section, "Tin một")
    root = Page.get_first_root_node()
    other_home = root.add_child(instance=SectionPage(title="Trang khác", slug="trang-khac"))
    publish(other_home)
    make_article(other_home, "Tin trang khác")
    Site.objects.create(hostname="khac.example.vn", root_page=other_home)
    scope = _compute_scope(_request())
    other = _compute_scope(_request("khac.example.vn"))
    assert public_total(scope, ArticlePage) == 1
    assert public_total(other, ArticlePage) == 1
    PageViewRestriction.objects.create(page=other_home, restriction_type="login")
    assert public_total(_compute_scope(_request("khac.example.vn")), ArticlePage) == 0


@postgresql_only
def test_page_counts_command_finds_and_repairs_drift(section, client):
    make_article(section, "Tin một")
    call_command("page_counts", stdout=io.StringIO())  # they match: no error
    # Pages written with triggers off (a data-only restore) leave the counts behind.
    with connection.cursor() as cursor:
        cursor.execute("SET session_replication_role = replica")
        try:
            make_article(section, "Tin ghi khi tắt trigger")
        finally:
            cursor.execute("SET session_replication_role = DEFAULT")
    cache.clear()
    assert client.get("/api/v2/pages/?type=article").json()["meta"]["total_count"] == 1
    errors = io.StringIO()
    with pytest.raises(CommandError, match="differ from a recount"):
        call_command("page_counts", stderr=errors)
    assert "kept 1, recounted 2" in errors.getvalue()

    call_command("page_counts", "--repair", stdout=io.StringIO())
    call_command("page_counts", stdout=io.StringIO())
    # The repair started a new generation: the kept total is not served.
    assert client.get("/api/v2/pages/?type=article").json()["meta"]["total_count"] == 2


@postgresql_only
def test_the_featured_listing_is_totalled_from_the_counts(section, client):
    """The frontend's home page asks for the featured articles on every render."""
    make_article(section, "Tin nổi bật", featured=True)
    plain = make_article(section, "Tin thường")
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        listing = client.get("/api/v2/pages/?type=article&featured=true&limit=4").json()
    assert [item["title"] for item in listing["items"]] == ["Tin nổi bật"]
    assert listing["meta"]["total_count"] == 1
    counted = [q["sql"] for q in queries if "COUNT(" in q["sql"].upper()]
    assert len(counted) == 1 and "reader_api_pagecount" in counted[0]
    plain.featured = True
    publish(plain)  # ticked and published by an editor
    listing = client.get("/api/v2/pages/?type=article&featured=true").json()
    assert listing["meta"]["total_count"] == 2
    others = client.get("/api/v2/pages/?type=article&featured=false").json()
    assert others["meta"]["total_count"] == 0
