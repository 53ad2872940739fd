"""The reader API's page endpoints: what the frontend and the portal get."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Page

from home.models import (
    Author,
    LinkedWebsite,
    SectionPage,
    SiteIdentity,
    SiteSettings,
    VideoIndexPage,
    VideoPage,
)
from home.models.articles import ArticleAuthor, RelatedArticle
from tests.api_support import image_block, make_article, paragraph, publish


@pytest.fixture
def subsection(section) -> SectionPage:
    sub = section.add_child(instance=SectionPage(title="Xây dựng Đảng"))
    return publish(sub)


def _ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["items"]]


def test_listing_articles_newest_first_with_listing_fields(api, section, author, image):
    older = make_article(section, "Bài cũ", days_ago=3)
    newer = make_article(section, "Bài mới", days_ago=1, cover_image=image, featured=True)
    ArticleAuthor.objects.create(page=newer, author=author)
    publish(newer)

    response = api.get("/api/v2/pages/?type=article")

    assert _ids(response) == [newer.id, older.id]
    item = response.json()["items"][0]
    assert item["title"] == "Bài mới"
    assert item["lead"] == "Sapo của Bài mới"
    assert item["date_line"].startswith("Thứ ")
    assert item["section"] == {
        "id": section.id,
        "title": section.title,
        "path": "/tin-tuc-su-kien/",
    }
    assert item["path"] == "/tin-tuc-su-kien/bai-moi/"
    assert item["featured"] is True
    assert item["bylines"] == [f"{author.name} – {author.position}"]
    assert item["thumbnail"]["url"].startswith("http://testserver/")
    assert item["thumbnail"]["url"].endswith(".webp")
    assert item["thumbnail"]["alt"] == image.alt_text
    assert item["meta"]["type"] == "home.ArticlePage"
    assert item["meta"]["detail_url"] == f"http://testserver/api/v2/pages/{newer.id}/"


def test_listing_section_filter_includes_subsections(api, section, subsection, home_page):
    other = publish(home_page.add_child(instance=SectionPage(title="Đoàn thể")))
    in_section = make_article(section, "Trong chuyên mục", days_ago=2)
    in_sub = make_article(subsection, "Trong chuyên mục con", days_ago=1)
    make_article(other, "Chuyên mục khác")

    assert _ids(api.get(f"/api/v2/pages/?section={section.id}")) == [in_sub.id, in_section.id]
    assert _ids(api.get(f"/api/v2/pages/?section={subsection.slug}")) == [in_sub.id]


def test_listing_filters_by_tag_author_featured_and_dates(api, section, author):
    tagged = make_article(section, "Có thẻ", days_ago=10)
    tagged.tags.add("chuyen-doi-so")
    publish(tagged)
    by_author = make_article(section, "Có tác giả", days_ago=5, featured=True)
    ArticleAuthor.objects.create(page=by_author, author=author)
    publish(by_author)
    other = make_article(section, "Khác", days_ago=1)
    week_ago = (timezone.localdate() - datetime.timedelta(days=7)).isoformat()

    assert _ids(api.get("/api/v2/pages/?tag=chuyen-doi-so")) == [tagged.id]
    assert _ids(api.get(f"/api/v2/pages/?author={author.id}")) == [by_author.id]
    assert _ids(api.get("/api/v2/pages/?featured=true")) == [by_author.id]
    assert _ids(api.get(f"/api/v2/pages/?published_from={week_ago}")) == [other.id, by_author.id]
    assert _ids(api.get(f"/api/v2/pages/?published_to={week_ago}")) == [tagged.id]


def test_listing_updated_since_gives_pages_published_since(api, section):
    old = make_article(section, "Cũ")
    Page.objects.filter(id=old.id).update(
        last_published_at=timezone.now() - datetime.timedelta(days=30)
    )
    recent = make_article(section, "Mới sửa")
    since = (timezone.now() - datetime.timedelta(days=1)).isoformat()

    ids = _ids(api.get("/api/v2/pages/", {"updated_since": since, "type": "article"}))

    assert ids == [recent.id]


def test_listing_type_aliases_and_child_of(api, home_page, section):
    article = make_article(section, "Tin")
    videos = publish(home_page.add_child(instance=VideoIndexPage(title="Video hoạt động")))
    video = VideoPage(title="Video", embed_url="https://www.youtube.com/watch?v=x")
    videos.add_child(instance=video)
    publish(video)

    assert _ids(api.get("/api/v2/pages/?type=article")) == [article.id]
    assert _ids(api.get("/api/v2/pages/?type=video")) == [video.id]
    assert _ids(api.get("/api/v2/pages/?type=home.VideoPage")) == [video.id]
    assert set(_ids(api.get("/api/v2/pages/?type=article,video"))) == {article.id, video.id}
    assert _ids(api.get("/api/v2/pages/?child_of=root")) == [section.id, videos.id]
    assert _ids(api.get("/api/v2/videos/latest/")) == [video.id]


def test_listing_fields_parameter_chooses_fields(api, section):
    make_article(section, "Tin")

    item = api.get("/api/v2/pages/?type=article&fields=_,title").json()["items"][0]

    assert set(item) == {"id", "meta", "title"}


def test_detail_resolves_body_images_documents_and_links(api, section, image):
    target = make_article(section, "Bài được dẫn", days_ago=2)
    draft_target = ArticlePage_draft(section, "Bản nháp")
    body = [
        paragraph(
            f'<p><a linktype="page" id="{target.id}">công khai</a> và '
            f'<a linktype="page" id="{draft_target.id}">nháp</a></p>'
        ),
        image_block(image),
    ]
    article = make_article(section, "Bài chính", days_ago=1, body=body, cover_image=image)

    data = api.get(f"/api/v2/pages/{article.id}/").json()

    html = data["body"][0]["value"]
    assert '<a href="http://localhost/tin-tuc-su-kien/bai-duoc-dan/">công khai</a>' in html
    assert "<a>nháp</a>" in html
    block = data["body"][1]["value"]
    assert block["alt"] == image.alt_text
    assert block["caption"] == image.caption
    assert block["credit"] == image.credit
    assert block["src"].startswith("http://testserver/") and block["src"].endswith(".jpg")
    assert [s["width"] for s in block["srcset"]] == [480, 960, 1200]
    assert all(s["url"].endswith(".webp") for s in block["srcset"])
    assert data["seo"]["og_image"]["width"] == 1200
    assert data["seo"]["canonical_url"] == "http://localhost/tin-tuc-su-kien/bai-chinh/"
    assert [b["title"] for b in data["breadcrumbs"]] == ["Trang chủ", section.title]
    assert data["previous"]["id"] == target.id
    assert data["next"] is None


def ArticlePage_draft(parent, title):  # noqa: N802 (reads like the model it builds)
    from home.models import ArticlePage

    page = ArticlePage(title=title, live=False)
    parent.add_child(instance=page)
    page.save_revision()
    return page


def test_detail_related_articles_skip_unpublished(api, section):
    article = make_article(section, "Bài")
    public = make_article(section, "Liên quan")
    retracted = make_article(section, "Đã gỡ")
    RelatedArticle.objects.create(page=article, related_page=retracted, sort_order=0)
    RelatedArticle.objects.create(page=article, related_page=public, sort_order=1)
    retracted.unpublish()

    data = api.get(f"/api/v2/pages/{article.id}/").json()

    assert [item["id"] for item in data["related"]] == [public.id]


def test_find_by_frontend_path_redirects_to_detail(api, section):
    article = make_article(section, "Tin")

    response = api.get("/api/v2/pages/find/?html_path=/tin-tuc-su-kien/tin/")

    assert response.status_code == 302
    assert response["Location"] == f"/api/v2/pages/{article.id}/"


def test_site_wide_endpoints(api, home_page, section, image):
    LinkedWebsite.objects.create(name="Cổng TTĐT tỉnh", url="https://tinh.gov.vn", logo=image)
    LinkedWebsite.objects.create(name="Ẩn", url="https://an.vn", active=False)
    SiteSettings.objects.create(
        site=home_page.get_site(),
        identity=SiteIdentity.objects.create(organisation_name="Đảng ủy Khối"),
    )

    menu = api.get("/api/v2/menu/").json()
    websites = api.get("/api/v2/linked-websites/").json()
    footer = api.get("/api/v2/site-settings/").json()

    assert [item["title"] for item in menu["items"]] == [section.title]
    assert [w["name"] for w in websites["items"]] == ["Cổng TTĐT tỉnh"]
    assert websites["items"][0]["logo"]["url"].startswith("http://testserver/")
    assert footer["organisation_name"] == "Đảng ủy Khối"


def test_author_listing_rejects_non_article_type(api, section):
    author = Author.objects.create(name="A")
    response = api.get(f"/api/v2/pages/?type=section&author={author.id}")
    assert response.status_code == 400
    assert response.json()["parameter"] == "author"


def test_cors_only_for_configured_origins(api, section, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://tin.example.vn"]

    allowed = api.get("/api/v2/pages/", HTTP_ORIGIN="https://tin.example.vn")
    other = api.get("/api/v2/pages/", HTTP_ORIGIN="https://evil.example.com")

    assert allowed["Access-Control-Allow-Origin"] == "https://tin.example.vn"
    assert "Access-Control-Allow-Origin" not in other
