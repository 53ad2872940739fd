"""Query counts do not grow with the page size or the number of body images."""

import pytest

from home.models import Author
from home.models.articles import ArticleAuthor, RelatedArticle
from tests.api_support import image_block, make_article, make_image, paragraph, publish

# Once the site scope is cached (it is, until something changes): count, page ids, page
# rows, cover images, their renditions, bylines, sections.
LISTING_QUERY_BOUND = 7
# Items already serialized for an earlier request (cms.api.serializers.cached_summaries):
# count and page ids.
CACHED_LISTING_QUERY_BOUND = 2
# A detail: page, body images, related ids and pages, previous, next, covers, renditions,
# bylines with authors, section and breadcrumbs, tags, rich-text link targets,
# translations.
DETAIL_QUERY_BOUND = 13
# With no listing item cached, the related and neighbouring pages' summaries are loaded on
# their own: their pages, covers, renditions, bylines and sections.
UNCACHED_DETAIL_QUERY_BOUND = DETAIL_QUERY_BOUND + 4
# The same with its body rendered before (same live revision, nothing changed since): no
# body images, no rich-text link targets.
CACHED_BODY_DETAIL_QUERY_BOUND = DETAIL_QUERY_BOUND - 2


def _uncached(url: str) -> str:
    """The same request, past the response cache (``_`` is the cache-busting parameter)."""
    return url + "&_=measured"


@pytest.fixture
def many_articles(section):
    author = Author.objects.create(name="Lê Văn Bình", position="Phóng viên")
    images = [make_image(f"Ảnh {i}") for i in range(3)]
    articles = []
    for i in range(50):
        article = make_article(section, f"Tin số {i}", days_ago=i, cover_image=images[i % 3])
        ArticleAuthor.objects.create(page=article, author=author)
        article.tags.add(f"the-{i % 4}")
        articles.append(publish(article))
    return articles


@pytest.mark.parametrize("limit", [5, 50])
def test_listing_query_count_does_not_grow_with_limit(
    api, many_articles, limit, settings, django_assert_max_num_queries
):
    settings.API_SUMMARY_CACHE = False  # measured: loading and serializing the items
    url = f"/api/v2/pages/?type=article&limit={limit}"
    api.get("/api/v2/pages/?type=article&limit=50")  # renditions are made once, on first use

    with django_assert_max_num_queries(LISTING_QUERY_BOUND):
        response = api.get(_uncached(url))

    assert len(response.json()["items"]) == limit


@pytest.mark.parametrize("query", ["", "&tag=the-1", "&section_placeholder"])
def test_filtered_listings_stay_within_the_bound(
    api, many_articles, section, query, settings, django_assert_max_num_queries
):
    settings.API_SUMMARY_CACHE = False
    query = query.replace("section_placeholder", f"section={section.id}")
    url = f"/api/v2/pages/?limit=50{query}"
    api.get(url)

    # The section filter looks its section up; without a type, each page type present
    # (here the home page, a section and articles) costs one query for its own fields.
    with django_assert_max_num_queries(LISTING_QUERY_BOUND + 3):
        assert api.get(_uncached(url)).status_code == 200


def test_listing_items_are_reused_by_the_next_listing(
    api, many_articles, django_assert_max_num_queries
):
    first = api.get("/api/v2/pages/?type=article&limit=20").json()

    # Another listing holding the same pages (the response cache does not know it).
    with django_assert_max_num_queries(CACHED_LISTING_QUERY_BOUND):
        second = api.get("/api/v2/pages/?type=article&limit=10&offset=5").json()

    assert second["items"] == first["items"][5:15]


def test_reused_listing_items_show_a_change_at_once(api, many_articles):
    url = "/api/v2/pages/?type=article&limit=5"
    api.get(url)
    newest = many_articles[0]
    newest.title = "Tin số 0 (cập nhật)"
    publish(newest)
    newest.cover_image.alt_text = "Ảnh mới thay"
    newest.cover_image.save()

    item = api.get(_uncached(url)).json()["items"][0]

    assert item["title"] == "Tin số 0 (cập nhật)"
    assert item["thumbnail"]["alt"] == "Ảnh mới thay"


def test_reused_listing_items_keep_the_address_they_were_asked_on(api, many_articles):
    api.get("/api/v2/pages/?type=article&limit=5")

    item = api.get(_uncached("/api/v2/pages/?type=article&limit=5"), secure=True).json()

    assert item["items"][0]["meta"]["detail_url"].startswith("https://")
    assert item["items"][0]["thumbnail"]["url"].startswith("https://")


@pytest.fixture
def article_with_ten_images(section):
    images = [make_image(f"Ảnh {i}", size=(400, 300)) for i in range(10)]
    related = [make_article(section, f"Liên quan {i}", cover_image=images[i]) for i in range(3)]
    body = [paragraph(f'<p><a linktype="page" id="{related[0].id}">xem</a></p>')]
    body += [image_block(image) for image in images]
    article = make_article(section, "Bài có 10 ảnh", body=body, cover_image=images[0])
    for i, page in enumerate(related):
        RelatedArticle.objects.create(page=article, related_page=page, sort_order=i)
    ArticleAuthor.objects.create(page=article, author=Author.objects.create(name="Tác giả"))
    article.tags.add("mot", "hai")
    return publish(article)


def test_article_detail_with_ten_images_has_fixed_query_bound(
    api, article_with_ten_images, monkeypatch, django_assert_max_num_queries
):
    url = f"/api/v2/pages/{article_with_ten_images.id}/?_=1"
    api.get(url)
    # Measured: rendering the body, not reusing it.
    monkeypatch.setattr("cms.api.serializers._body_cache_key", lambda page, ctx: None)

    with django_assert_max_num_queries(DETAIL_QUERY_BOUND):
        data = api.get(url.replace("_=1", "_=2")).json()

    assert len([b for b in data["body"] if b["type"] == "image"]) == 10
    assert len(data["related"]) == 3


def test_article_detail_with_nothing_cached_has_fixed_query_bound(
    api, article_with_ten_images, monkeypatch, settings, django_assert_max_num_queries
):
    url = f"/api/v2/pages/{article_with_ten_images.id}/?_=1"
    api.get(url)
    settings.API_SUMMARY_CACHE = False
    monkeypatch.setattr("cms.api.serializers._body_cache_key", lambda page, ctx: None)

    with django_assert_max_num_queries(UNCACHED_DETAIL_QUERY_BOUND):
        data = api.get(url.replace("_=1", "_=2")).json()

    assert [item["title"] for item in data["related"]] == [f"Liên quan {i}" for i in range(3)]
    assert data["related"][0]["thumbnail"]["width"]


def test_article_detail_reuses_the_rendered_body(
    api, article_with_ten_images, django_assert_max_num_queries
):
    url = f"/api/v2/pages/{article_with_ten_images.id}/?_=1"
    first = api.get(url).json()

    with django_assert_max_num_queries(CACHED_BODY_DETAIL_QUERY_BOUND):
        second = api.get(url.replace("_=1", "_=2")).json()

    assert second == first


def test_article_detail_body_shows_an_image_change_at_once(api, article_with_ten_images):
    url = f"/api/v2/pages/{article_with_ten_images.id}/?_=1"
    api.get(url)
    image = article_with_ten_images.body[1].value["image"]
    image.alt_text = "Mô tả mới"
    image.save()

    body = api.get(url.replace("_=1", "_=2")).json()["body"]

    assert body[1]["value"]["alt"] == "Mô tả mới"


def test_article_detail_renders_the_body_again_with_the_body_cache_off(
    api, article_with_ten_images, settings
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = f"/api/v2/pages/{article_with_ten_images.id}/?_="
    api.get(url + "1")
    with CaptureQueriesContext(connection) as reused:
        first = api.get(url + "2").json()
    settings.API_BODY_CACHE = False

    with CaptureQueriesContext(connection) as rendered:
        second = api.get(url + "3").json()

    # Rendering looks the body's images up again; the body itself is the same.
    assert len(rendered) > len(reused)
    assert second["body"] == first["body"]
