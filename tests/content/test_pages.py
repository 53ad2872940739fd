import unicodedata

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError

from home.models import ArticleAuthor, ArticlePage, Author, SectionPage, VideoPage

pytestmark = pytest.mark.django_db


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def test_page_slug_from_vietnamese_title_is_ascii(section):
    article = section.add_child(instance=ArticlePage(title="Cải cách hành chính trong Đảng"))
    assert article.slug == "cai-cach-hanh-chinh-trong-dang"


def test_page_slug_is_unique_among_siblings(section):
    first = section.add_child(instance=ArticlePage(title="Đại hội Chi bộ"))
    second = section.add_child(instance=ArticlePage(title="Đại hội Chi bộ"))
    assert (first.slug, second.slug) == ("dai-hoi-chi-bo", "dai-hoi-chi-bo-2")


def test_page_slug_typed_with_diacritics_becomes_ascii(section):
    article = section.add_child(instance=ArticlePage(title="Tin mới", slug="tin-mới-đây"))
    assert article.slug == "tin-moi-day"


def test_page_title_typed_in_nfd_is_stored_in_nfc(section):
    title = "Hội nghị quán triệt Nghị quyết Đại hội Đảng bộ Khối"
    article = section.add_child(instance=ArticlePage(title=nfd(title), lead=nfd("Sáng nay")))
    article.refresh_from_db()
    assert article.title == title
    assert article.lead == "Sáng nay"


def test_draft_revision_of_live_page_is_stored_in_nfc(section):
    article = section.add_child(instance=ArticlePage(title="Bản tin"))
    article.save_revision().publish()
    article.title = nfd("Bản tin Đảng ủy Khối")
    article.body = [{"type": "paragraph", "value": nfd("<p>Thường trực Đảng ủy</p>")}]
    revision = article.save_revision()
    draft = revision.as_object()
    assert draft.title == "Bản tin Đảng ủy Khối"
    assert draft.body[0].value.source == "<p>Thường trực Đảng ủy</p>"


def test_snippet_text_typed_in_nfd_is_stored_in_nfc():
    author = Author.objects.create(name=nfd("Trần Thị Hoà"), position=nfd("Phó Bí thư"))
    author.refresh_from_db()
    assert (author.name, author.position) == ("Trần Thị Hoà", "Phó Bí thư")


def test_article_cannot_be_created_under_gallery_index(gallery_index):
    assert not ArticlePage.can_create_at(gallery_index)


def test_article_can_be_created_under_section_only(section, home_page):
    assert ArticlePage.can_create_at(section)
    assert not ArticlePage.can_create_at(home_page)


def test_section_nests_under_section(section):
    assert SectionPage.can_create_at(section)


def test_admin_refuses_article_form_under_gallery_index(admin_client, gallery_index):
    response = admin_client.get(f"/admin/pages/add/home/articlepage/{gallery_index.id}/")
    # Wagtail answers a refused admin view with a redirect to the dashboard and a message.
    assert (response.status_code, response.url) == (302, "/admin/")
    assert [m.level_tag for m in get_messages(response.wsgi_request)] == ["error"]


def test_admin_offers_article_form_under_section(admin_client, section):
    response = admin_client.get(f"/admin/pages/add/home/articlepage/{section.id}/")
    assert response.status_code == 200


def test_byline_keeps_position_held_when_written(section, author):
    article = ArticlePage(title="Sơ kết công tác sáu tháng")
    article.article_authors = [ArticleAuthor(author=author)]
    section.add_child(instance=article)
    article.save_revision().publish()

    author.position = "Phó Bí thư Thường trực Đảng ủy Khối"
    author.save()

    article = ArticlePage.objects.get(id=article.id)
    assert article.bylines == [
        "Nguyễn Văn An – Ủy viên Ban Thường vụ, Chánh Văn phòng Đảng ủy Khối"
    ]
    later = ArticlePage(title="Bài viết sau khi đổi chức vụ")
    later.article_authors = [ArticleAuthor(author=author)]
    section.add_child(instance=later)
    assert later.bylines == ["Nguyễn Văn An – Phó Bí thư Thường trực Đảng ủy Khối"]


def test_byline_position_given_by_editor_is_kept(section, author):
    article = ArticlePage(title="Bài có chức vụ riêng")
    article.article_authors = [ArticleAuthor(author=author, position="Phóng viên")]
    section.add_child(instance=article)
    assert article.bylines == ["Nguyễn Văn An – Phóng viên"]


def test_video_needs_exactly_one_source(home_page):
    from home.models import VideoIndexPage

    index = home_page.add_child(instance=VideoIndexPage(title="Video hoạt động"))
    with pytest.raises(ValidationError):
        index.add_child(instance=VideoPage(title="Video không có nguồn"))
    video = index.add_child(
        instance=VideoPage(title="Video", embed_url="https://www.youtube.com/watch?v=abcdefghijk")
    )
    assert video.live


def test_tag_slugs_are_ascii(section):
    article = ArticlePage(title="Bài có thẻ")
    article.tags.add("Cải cách hành chính", "Đảng ủy Khối")
    section.add_child(instance=article)
    assert sorted(tag.slug for tag in article.tags.all()) == [
        "cai-cach-hanh-chinh",
        "dang-uy-khoi",
    ]


def test_tag_typed_in_nfd_is_the_same_tag(section):
    first = ArticlePage(title="Bài một")
    first.tags.add("Chuyển đổi số")
    section.add_child(instance=first)
    second = ArticlePage(title="Bài hai")
    second.tags.add(nfd("Chuyển đổi số"))
    section.add_child(instance=second)
    from home.models import Tag

    assert Tag.objects.count() == 1
