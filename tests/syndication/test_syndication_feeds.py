"""RSS and Atom feeds, read back with feedparser as a portal's feed reader would."""

import datetime
import html
from xml.etree import ElementTree

import feedparser
import pytest
from django.utils import timezone

from cms.editorial import retraction
from home.models import SectionPage
from tests.api_support import image_block, make_article, make_image, paragraph, publish


@pytest.fixture
def subsection(section) -> SectionPage:
    child = section.add_child(instance=SectionPage(title="Xây dựng Đảng"))
    return publish(child)


@pytest.fixture
def articles(section, subsection, author):
    from home.models import ArticleAuthor

    cover = make_image("Ảnh bìa hội nghị")
    body_image = make_image("Ảnh trong bài")
    older = make_article(section, "Hội nghị sơ kết công tác quý I", days_ago=3)
    newer = make_article(
        subsection,
        "Cải cách hành chính trong Đảng ủy Khối",
        days_ago=1,
        cover_image=cover,
        body=[paragraph("<p>Đoạn văn có dấu: Đảng ủy Khối.</p>"), image_block(body_image)],
    )
    ArticleAuthor.objects.create(page=newer, author=author)
    newer.tags.add("cải cách")
    newer.save_revision().publish()
    return older, newer


def _parse(response):
    assert response.status_code == 200
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


def test_feed_rss_lists_articles_newest_first_with_content_dates_and_images(client, articles):
    older, newer = articles
    response = client.get("/feeds/rss/")
    assert response["Content-Type"].startswith("application/rss+xml")
    parsed = _parse(response)
    assert parsed.version == "rss20"
    titles = [entry.title for entry in parsed.entries]
    assert titles == ["Cải cách hành chính trong Đảng ủy Khối", "Hội nghị sơ kết công tác quý I"]
    entry = parsed.entries[0]
    assert entry.link.endswith(
        "/tin-tuc-su-kien/xay-dung-dang/cai-cach-hanh-chinh-trong-dang-uy-khoi/"
    )
    assert entry.summary == "Sapo của Cải cách hành chính trong Đảng ủy Khối"
    assert "Đảng ủy Khối" in entry.content[0].value
    assert 'src="http://testserver/media/' in entry.content[0].value
    assert entry.published.endswith("+0700")
    published = datetime.datetime(*entry.published_parsed[:6], tzinfo=datetime.UTC)
    assert abs(published - newer.publication_date) < datetime.timedelta(seconds=1)
    assert entry.author.startswith("Nguyễn Văn An")
    terms = {tag.term for tag in entry.tags}
    assert {"Xây dựng Đảng", "cải cách"} <= terms
    [enclosure] = entry.enclosures
    assert enclosure.href.startswith("http://testserver/media/")
    assert enclosure.type == "image/jpeg"
    assert entry.media_content[0]["url"].startswith("http://testserver/media/")


def test_feed_atom_has_rfc3339_dates_with_offset(client, articles):
    parsed = _parse(client.get("/feeds/atom/"))
    assert parsed.version == "atom10"
    entry = parsed.entries[0]
    assert entry.published.endswith("+07:00")
    assert entry.updated.endswith("+07:00")
    assert "Đảng ủy Khối" in entry.content[0].value
    assert parsed.feed.title


def test_feed_section_includes_subsections_only(client, section, subsection, articles, home_page):
    other = publish(home_page.add_child(instance=SectionPage(title="Văn bản")))
    make_article(other, "Tin ở chuyên mục khác")
    parsed = _parse(client.get("/feeds/tin-tuc-su-kien/rss/"))
    assert len(parsed.entries) == 2
    assert parsed.feed.title.startswith("Tin tức - Sự kiện")
    parsed = _parse(client.get("/feeds/tin-tuc-su-kien/xay-dung-dang/atom/"))
    assert [e.title for e in parsed.entries] == ["Cải cách hành chính trong Đảng ủy Khối"]
    assert client.get("/feeds/khong-co/rss/").status_code == 404


def test_feed_drops_retracted_and_expired_articles(client, articles, board_member):
    older, newer = articles
    retraction.retract(newer, board_member, "Sai số liệu")
    older.expire_at = timezone.now() - datetime.timedelta(minutes=1)
    older.save()
    parsed = _parse(client.get("/feeds/rss/"))
    assert parsed.entries == []


def test_feed_conditional_get_answers_304_until_something_changes(client, articles, board_member):
    from django.core.cache import cache

    cache.clear()
    first = client.get("/feeds/rss/")
    etag, last_modified = first["ETag"], first["Last-Modified"]
    assert client.get("/feeds/rss/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    second = client.get("/feeds/rss/", HTTP_IF_MODIFIED_SINCE=last_modified)
    assert second.status_code == 304
    retraction.retract(articles[1], board_member, "Sai")
    assert client.get("/feeds/rss/", HTTP_IF_NONE_MATCH=etag).status_code == 200


HOSTILE = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<iframe src=//evil>")
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def hostile_articles(section):
    """Articles whose title, lead and byline are plain text that looks like markup."""
    from home.models import ArticleAuthor, Author

    author = Author.objects.create(name='<img src=x onerror="alert(2)">')
    articles = []
    for n, text in enumerate(HOSTILE):
        article = make_article(section, f"Tin {n} {text}", days_ago=n, lead=f"Sapo {text} hết")
        ArticleAuthor.objects.create(page=article, author=author)
        articles.append(publish(article))
    return articles


def _shown_text(detail) -> str:
    """What a reader shows of feedparser's (sanitised) field, which must hold no element."""
    if detail.type == "text/plain":
        return detail.value
    assert "<" not in detail.value, detail.value
    return html.unescape(detail.value)


def _html_fields(content: bytes) -> list[str]:
    """The XML-decoded text of the elements readers render as HTML: what a reader parses."""
    root = ElementTree.fromstring(content)
    fields = [e.text or "" for e in root.iter("description")]
    fields += [e.text or "" for e in root.iter(f"{ATOM}summary") if e.get("type") == "html"]
    return fields


@pytest.mark.parametrize("url", ["/feeds/rss/", "/feeds/atom/", "/feeds/tin-tuc-su-kien/atom/"])
def test_feed_markup_in_title_lead_and_byline_reaches_readers_as_text(
    client, hostile_articles, url
):
    response = client.get(url)
    parsed = _parse(response)
    entries = {entry.title: entry for entry in parsed.entries}
    for article in hostile_articles:
        entry = entries[article.title]
        assert _shown_text(entry.title_detail) == article.title
        assert _shown_text(entry.summary_detail) == article.lead
        assert entry.author.startswith('<img src=x onerror="alert(2)">')
    for field in _html_fields(response.content):
        assert "<" not in field, field
    for element in (b"<script", b"<img", b"<iframe"):
        assert element not in response.content


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_feed_section_title_with_markup_stays_text(client, home_page, kind):
    hostile = publish(home_page.add_child(instance=SectionPage(title="Mục <script>x</script>")))
    response = client.get(f"/feeds/{hostile.slug}/{kind}/")
    parsed = _parse(response)
    assert parsed.feed.title.startswith("Mục <script>x</script> – ")
    assert _shown_text(parsed.feed.subtitle_detail).endswith(" Mục <script>x</script>")
    assert all("<" not in field for field in _html_fields(response.content))
    assert b"<script" not in response.content
