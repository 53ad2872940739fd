"""Queries compiled once (cms.query_templates) return what the ORM would, for any values."""

import datetime
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page

from cms import query_templates
from cms.query_templates import Prefix, instances
from home.models import ArticlePage
from tests.api_support import make_article

pytestmark = pytest.mark.django_db


def _titles_under(prefix: str, after: datetime.datetime) -> list[str]:
    def build(prefix, after):
        return (
            ArticlePage.objects.filter(path__startswith=prefix, publication_date__gt=after)
            .order_by("path")
            .values_list("title")
        )

    rows = query_templates.run("test titles under", build, prefix=Prefix(prefix), after=after)
    return [title for (title,) in rows]


def test_one_template_serves_other_values(section):
    first = make_article(section, "Bài một", days_ago=3)
    second = make_article(section, "Bài hai", days_ago=1)
    long_ago = timezone.now() - datetime.timedelta(days=30)
    yesterday_morning = timezone.now() - datetime.timedelta(days=2)

    assert _titles_under(section.path, long_ago) == ["Bài một", "Bài hai"]
    assert _titles_under(section.path, yesterday_morning) == ["Bài hai"]
    assert _titles_under(first.path, long_ago) == ["Bài một"]
    assert _titles_under(second.path + "9", long_ago) == []
    # Each call ran the stored SQL: one query, no second compilation of another shape.
    with CaptureQueriesContext(connection) as queries:
        _titles_under(section.path, long_ago)
    assert len(queries) == 1


def test_like_wildcards_in_a_prefix_match_only_themselves(section):
    make_article(section, "Bài một")
    assert _titles_under("%", timezone.now() - datetime.timedelta(days=30)) == []
    assert _titles_under("_", timezone.now() - datetime.timedelta(days=30)) == []


def test_tuples_strings_and_uuids(section):
    one = make_article(section, "Một")
    two = make_article(section, "Hai")

    def by_ids(ids):
        return Page.objects.filter(id__in=ids).order_by("id").values_list("title")

    def by_key(translation_key, slug):
        return Page.objects.filter(translation_key=translation_key, slug=slug).values_list("id")

    assert query_templates.run("test by ids", by_ids, ids=(one.id, two.id)) == [("Một",), ("Hai",)]
    assert query_templates.run("test by ids", by_ids, ids=(two.id,)) == [("Hai",)]
    assert query_templates.run("test by ids", by_ids, ids=(two.id, one.id)) == [
        ("Một",),
        ("Hai",),
    ]
    found = query_templates.run(
        "test by key", by_key, translation_key=two.translation_key, slug=two.slug
    )
    assert found == [(two.id,)]
    assert (
        query_templates.run("test by key", by_key, translation_key=uuid.uuid4(), slug=two.slug)
        == []
    )
    assert (
        query_templates.run("test by key", by_key, translation_key=two.translation_key, slug="x")
        == []
    )


def test_rows_are_converted_and_become_model_objects(section):
    article = make_article(section, "Bài có ngày")
    fields = ("title", "id", "live", "translation_key", "first_published_at")

    def build(pk):
        return Page.objects.filter(id=pk).values_list(*fields)

    rows = query_templates.run("test page", build, pk=article.id)
    (page,) = instances(Page, fields, rows)
    assert (page.id, page.title, page.live) == (article.id, "Bài có ngày", True)
    assert page.translation_key == article.translation_key
    assert page.first_published_at == Page.objects.get(id=article.id).first_published_at
    with pytest.raises(ValueError):
        instances(Page, ("id", "not_a_column"), [(1, 2)])


def test_values_that_would_change_the_sql_are_refused():
    def build(flag):
        return Page.objects.filter(live=flag).values_list("id")

    with pytest.raises(TypeError):
        query_templates.run("test flag", build, flag=True)

    def ignores_value(pk):
        return Page.objects.filter(id=1).values_list("id")

    with pytest.raises(ValueError):
        query_templates.run("test ignored", ignores_value, pk=5)
