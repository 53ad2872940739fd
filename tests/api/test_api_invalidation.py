"""Narrow invalidation (cms/api/invalidation.py): a new article changes every response that
shows it, at once, and leaves the other articles' details cached."""

import datetime

from django.utils import timezone

from cms.editorial.retraction import retract
from home.models import ArticlePage, SectionPage
from home.models.articles import RelatedArticle
from tests.api_support import make_article, paragraph, publish


def draft(section: SectionPage, title: str, days_ago: float = 0, **fields) -> ArticlePage:
    """An article as the admin creates it: saved not live, published later."""
    article = ArticlePage(
        title=title,
        live=False,
        lead=f"Sapo của {title}",
        publication_date=timezone.now() - datetime.timedelta(days=days_ago),
        **fields,
    )
    section.add_child(instance=article)
    article.save_revision()
    return article


def detail(api, page) -> dict:
    response = api.get(f"/api/v2/pages/{page.id}/")
    assert response.status_code == 200
    return response


def listed(api, url: str) -> list[int]:
    return [item["id"] for item in api.get(url).json()["items"]]


def neighbour_id(response, side: str) -> int | None:
    return (response.json()[side] or {}).get("id")


def test_publishing_a_new_article_refreshes_what_shows_it_and_keeps_the_rest(api, section):
    far = make_article(section, "Tin cũ xa", days_ago=30)
    older = make_article(section, "Tin hôm qua", days_ago=1)
    other_section = section.get_parent().add_child(instance=SectionPage(title="Xây dựng Đảng"))
    publish(other_section)
    elsewhere = make_article(other_section, "Tin mục khác", days_ago=2)
    new = draft(section, "Tin mới đăng")
    warm = {page.id: detail(api, page) for page in (far, older, elsewhere)}
    assert neighbour_id(warm[older.id], "next") is None
    assert listed(api, "/api/v2/pages/?type=article") == [older.id, elsewhere.id, far.id]
    section_listing = f"/api/v2/pages/?section={section.id}"
    assert listed(api, section_listing) == [older.id, far.id]
    other_listing = api.get(f"/api/v2/pages/?section={other_section.id}")

    publish(new)

    # Every response that shows the new article shows it at once ...
    assert detail(api, new).json()["title"] == "Tin mới đăng"
    assert neighbour_id(detail(api, older), "next") == new.id
    assert listed(api, "/api/v2/pages/?type=article")[0] == new.id
    assert listed(api, section_listing) == [new.id, older.id, far.id]
    assert new.id in listed(api, "/api/v2/pages/?search=Tin mới đăng")
    # ... and the details that do not show it are still answered from the cache.
    for page in (far, elsewhere):
        again = detail(api, page)
        assert again["X-Cache"] == "HIT"
        assert again["ETag"] == warm[page.id]["ETag"]
    again = api.get(f"/api/v2/pages/?section={other_section.id}")
    assert (again["X-Cache"], again["ETag"]) == ("HIT", other_listing["ETag"])


def test_backdated_article_refreshes_both_its_neighbours(api, section):
    before = make_article(section, "Tin tuần trước", days_ago=7)
    after = make_article(section, "Tin hôm qua", days_ago=1)
    newest = make_article(section, "Tin hôm nay", days_ago=0)
    backdated = draft(section, "Tin bổ sung ngày 3", days_ago=3)
    for page in (before, after, newest):
        detail(api, page)

    publish(backdated)

    assert neighbour_id(detail(api, before), "next") == backdated.id
    assert neighbour_id(detail(api, after), "previous") == backdated.id
    got = detail(api, backdated)
    assert (neighbour_id(got, "previous"), neighbour_id(got, "next")) == (before.id, after.id)
    assert detail(api, newest)["X-Cache"] == "HIT"


def test_new_article_shows_in_the_related_list_and_links_of_articles_waiting_for_it(api, section):
    new = draft(section, "Bài được chờ", days_ago=0)
    relating = make_article(section, "Bài liên quan", days_ago=10)
    RelatedArticle.objects.create(page=relating, related_page=new)
    linking = make_article(
        section,
        "Bài dẫn link",
        days_ago=20,
        body=[paragraph(f'<p>Xem <a linktype="page" id="{new.id}">bài mới</a>.</p>')],
    )
    publish(linking)
    publish(relating)
    assert detail(api, relating).json()["related"] == []
    assert "bài mới" in str(detail(api, linking).json()["body"])
    link_before = str(detail(api, linking).json()["body"])
    assert new.url_path.split("/")[-2] not in link_before

    publish(new)

    assert [item["id"] for item in detail(api, relating).json()["related"]] == [new.id]
    assert new.slug in str(detail(api, linking).json()["body"])


def test_unpublishing_moving_or_retracting_refreshes_every_response(api, section, board_member):
    first = make_article(section, "Tin thứ nhất", days_ago=3)
    second = make_article(section, "Tin thứ hai", days_ago=2)
    third = make_article(section, "Tin thứ ba", days_ago=1)
    RelatedArticle.objects.create(page=third, related_page=second)
    publish(third)
    other_section = section.get_parent().add_child(instance=SectionPage(title="Xây dựng Đảng"))
    publish(other_section)
    for page in (first, second, third):
        detail(api, page)
    assert [item["id"] for item in detail(api, third).json()["related"]] == [second.id]

    retract(second, board_member, "Sai thông tin")

    assert api.get(f"/api/v2/pages/{second.id}/").status_code == 404
    assert neighbour_id(detail(api, first), "next") == third.id
    assert neighbour_id(detail(api, third), "previous") == first.id
    assert detail(api, third).json()["related"] == []
    assert second.id not in listed(api, "/api/v2/pages/?type=article")

    third.refresh_from_db()
    third.move(other_section, pos="last-child")

    assert neighbour_id(detail(api, first), "next") is None
    assert detail(api, third).json()["section"]["id"] == other_section.id
    assert listed(api, f"/api/v2/pages/?section={other_section.id}") == [third.id]

    first.refresh_from_db()
    first.unpublish()

    assert api.get(f"/api/v2/pages/{first.id}/").status_code == 404
    assert listed(api, f"/api/v2/pages/?section={section.id}") == []


def test_article_with_a_scheduled_expiry_refreshes_every_response(api, section):
    other_section = section.get_parent().add_child(instance=SectionPage(title="Xây dựng Đảng"))
    publish(other_section)
    far = make_article(other_section, "Tin mục khác", days_ago=30)  # shows nothing of it
    etag = detail(api, far)["ETag"]
    expiring = draft(
        section, "Thông báo có hạn", expire_at=timezone.now() + datetime.timedelta(hours=1)
    )

    publish(expiring)

    # The next expiry is when cached responses stop being right: it must be known again.
    assert detail(api, far)["ETag"] != etag


def test_related_link_added_to_a_live_article_shows_at_once(api, section):
    article = make_article(section, "Tin chính", days_ago=2)
    other = make_article(section, "Tin khác", days_ago=5)
    assert detail(api, article).json()["related"] == []

    RelatedArticle.objects.create(page=article, related_page=other)

    assert [item["id"] for item in detail(api, article).json()["related"]] == [other.id]


def test_new_article_in_a_subsection_shows_in_the_parent_sections_listing(api, section):
    subsection = section.add_child(instance=SectionPage(title="Tin địa phương"))
    publish(subsection)
    old = make_article(subsection, "Tin cũ", days_ago=3)
    parent_listing = f"/api/v2/pages/?section={section.id}"
    assert listed(api, parent_listing) == [old.id]
    new = draft(subsection, "Tin mới")

    publish(new)

    assert listed(api, parent_listing) == [new.id, old.id]
    assert listed(api, f"/api/v2/pages/?section={subsection.id}") == [new.id, old.id]


def test_saving_a_draft_of_a_live_article_keeps_every_response_cached(api, section):
    article = make_article(section, "Tiêu đề đã đăng")
    etag = detail(api, article)["ETag"]

    article.title = "Tiêu đề nháp"
    article.save_revision()

    again = detail(api, article)
    assert (again["X-Cache"], again["ETag"]) == ("HIT", etag)
    assert again.json()["title"] == "Tiêu đề đã đăng"


def test_new_article_counts_in_the_listings_totals_at_once(api, section):
    make_article(section, "Tin hôm qua", days_ago=1)
    new = draft(section, "Tin mới đăng")
    section_listing = f"/api/v2/pages/?section={section.id}"
    for url in ("/api/v2/pages/?type=article", section_listing):
        assert api.get(url).json()["meta"]["total_count"] == 1
        # The same filters again, past the response cache (another page of them).
        assert api.get(f"{url}&offset=1").json()["meta"]["total_count"] == 1

    publish(new)

    for url in ("/api/v2/pages/?type=article", section_listing):
        assert api.get(url).json()["meta"]["total_count"] == 2
        assert api.get(f"{url}&offset=1").json()["meta"]["total_count"] == 2
