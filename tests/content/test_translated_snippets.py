"""Snippets and site settings in English: translated with wagtail-localize, served by
``?locale=``, and never another language's or a draft's text.

The texts readers see in the footer live in ``SiteIdentity`` (translatable; Wagtail's site
settings cannot be), which the site settings point to.
"""

import pytest
from django.core.cache import cache
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from home.models import Author, LinkedWebsite, SiteIdentity, SiteSettings

pytestmark = pytest.mark.django_db

ENGLISH = {
    "Cổng thông tin điện tử tỉnh": "Provincial e-portal",
    "Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh": "Party Committee of Provincial Agencies",
    "Ban Thường vụ Đảng ủy Khối": "Standing Board of the Party Committee",
    "Số 18 đường Lê Lợi": "18 Le Loi Street",
    "Phó Bí thư Thường trực": "Standing Deputy Secretary",
}


@pytest.fixture
def english(db) -> Locale:
    return Locale.objects.get(language_code="en")


@pytest.fixture
def website(db) -> LinkedWebsite:
    return LinkedWebsite.objects.create(
        name="Cổng thông tin điện tử tỉnh", url="https://tinh.gov.vn"
    )


@pytest.fixture
def identity(home_page) -> SiteIdentity:
    identity = SiteIdentity.objects.create(
        organisation_name="Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh",
        owning_body="Ban Thường vụ Đảng ủy Khối",
        address="Số 18 đường Lê Lợi",
    )
    SiteSettings.objects.create(
        site=home_page.get_site(), identity=identity, phone="0226 3 856 218"
    )
    return identity


def submit_translation(client, user, instance, locale: Locale) -> None:
    """ "Dịch" (Translate) on the snippet, ticking English, as an editor does in the admin."""
    client.force_login(user)
    url = reverse(
        "wagtail_localize:submit_snippet_translation",
        args=[instance._meta.app_label, instance._meta.model_name, instance.pk],
    )
    response = client.post(url, {"locales": [locale.id]})
    assert response.status_code == 302, response.content[:500]
    client.logout()


def fill_in_english(instance, locale: Locale, publish: bool):
    """The translator's work in the translation editor, then "Publish" (or not)."""
    translation = Translation.objects.get(
        source__object_id=instance.translation_key, target_locale=locale
    )
    for segment in StringSegment.objects.filter(source=translation.source).select_related("string"):
        if segment.string.data in ENGLISH:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": ENGLISH[segment.string.data]},
            )
    if publish:
        translation.save_target(publish=True)


def get(client, url: str, **params):
    cache.clear()
    response = client.get(url, params)
    assert response.status_code == 200, response.content[:300]
    return response.json()


def test_linked_website_translation_is_served_in_english_only_once_published(
    client, site_admin, website, english
):
    submit_translation(client, site_admin, website, english)

    # wagtail-localize's copy starts with the Vietnamese text: a draft, not shown.
    copy = LinkedWebsite.objects.get(locale=english, translation_key=website.translation_key)
    assert copy.name == website.name and not copy.live
    assert get(client, "/api/v2/linked-websites/", locale="en")["items"] == []

    fill_in_english(website, english, publish=True)

    english_items = get(client, "/api/v2/linked-websites/", locale="en")["items"]
    assert [(item["name"], item["url"]) for item in english_items] == [
        ("Provincial e-portal", "https://tinh.gov.vn")
    ]
    for params in ({}, {"locale": "vi"}):
        items = get(client, "/api/v2/linked-websites/", **params)["items"]
        assert [(item["id"], item["name"]) for item in items] == [
            (website.id, "Cổng thông tin điện tử tỉnh")
        ]


def test_linked_website_draft_changes_and_unpublished_websites_do_not_show(
    client, website, english
):
    draft = LinkedWebsite.objects.get(id=website.id)
    draft.name = "Tên mới chưa duyệt"
    draft.save_revision()  # "Lưu bản nháp": the live row keeps the published name
    LinkedWebsite.objects.create(name="Chưa xuất bản", url="https://moi.vn", live=False)

    items = get(client, "/api/v2/linked-websites/")["items"]

    assert [item["name"] for item in items] == ["Cổng thông tin điện tử tỉnh"]
    draft.get_latest_revision().publish()
    assert [item["name"] for item in get(client, "/api/v2/linked-websites/")["items"]] == [
        "Tên mới chưa duyệt"
    ]


def test_site_settings_translated_to_english(client, site_admin, identity, english):
    vietnamese = get(client, "/api/v2/site-settings/")
    assert vietnamese["locale"] == "vi"
    assert vietnamese["organisation_name"] == "Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh"

    # Not translated yet: English gets no Vietnamese text, only the language-free contacts.
    untranslated = get(client, "/api/v2/site-settings/", locale="en")
    assert untranslated["organisation_name"] == untranslated["address"] == ""
    assert untranslated["phone"] == "0226 3 856 218"

    submit_translation(client, site_admin, identity, english)
    assert get(client, "/api/v2/site-settings/", locale="en")["organisation_name"] == ""
    fill_in_english(identity, english, publish=True)

    translated = get(client, "/api/v2/site-settings/", locale="en")
    assert translated == {
        "locale": "en",
        "organisation_name": "Party Committee of Provincial Agencies",
        "owning_body": "Standing Board of the Party Committee",
        "person_responsible": "",
        "address": "18 Le Loi Street",
        "licence": "",
        "phone": "0226 3 856 218",
        "email": "",
        "map_url": "",
        "share_image": None,
        "logo": None,
    }
    assert get(client, "/api/v2/site-settings/", locale="vi") == vietnamese


def test_unknown_locale_is_a_vietnamese_400(client, identity):
    for url in ("/api/v2/site-settings/", "/api/v2/linked-websites/"):
        response = client.get(url, {"locale": "fr"})
        assert response.status_code == 400
        assert response.json() == {
            "message": "locale: không có ngôn ngữ này",
            "parameter": "locale",
        }


def test_author_position_translated_name_kept(client, site_admin, english):
    author = Author.objects.create(name="Nguyễn Văn An", position="Phó Bí thư Thường trực")
    submit_translation(client, site_admin, author, english)
    fill_in_english(author, english, publish=True)

    translated = Author.objects.get(translation_key=author.translation_key, locale=english)
    assert (translated.name, translated.position) == ("Nguyễn Văn An", "Standing Deputy Secretary")
    author.refresh_from_db()
    assert author.position == "Phó Bí thư Thường trực"


@pytest.mark.parametrize(
    "model, name",
    [(LinkedWebsite, "linkedwebsite"), (SiteIdentity, "siteidentity"), (Author, "author")],
)
def test_admin_offers_translate_on_snippets(
    client, site_admin, board_member, model, name, website, identity
):
    instance = {"linkedwebsite": website, "siteidentity": identity}.get(
        name
    ) or Author.objects.create(name="Trần Thị Bình")
    user = board_member if model is Author else site_admin
    client.force_login(user)
    listing = client.get(reverse(model.snippet_viewset.get_url_name("list")))
    assert listing.status_code == 200
    submit_url = reverse(
        "wagtail_localize:submit_snippet_translation", args=["home", name, instance.pk]
    )
    assert submit_url in listing.content.decode()
    assert client.get(submit_url).status_code == 200


def test_pages_previewed_by_the_cms_show_the_owner_details_of_their_language(
    client, site_admin, identity, english, home_page
):
    submit_translation(client, site_admin, identity, english)
    fill_in_english(identity, english, publish=True)

    # The CMS renders pages only as previews (without a frontend); readers get redirected.
    page = home_page.make_preview_request()

    assert page.status_code == 200
    footer = page.content.decode().split('<footer class="site-footer">', 1)[1]
    assert "Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh" in footer
    assert "Số 18 đường Lê Lợi" in footer and "0226 3 856 218" in footer
    assert "Party Committee of Provincial Agencies" not in footer


def test_translating_an_article_keeps_its_byline_and_leaves_the_vietnamese_one_alone(
    client, section, section_editor, english
):
    from wagtail_localize.operations import TranslationCreator

    from home.models import ArticleAuthor
    from tests.api_support import make_article

    author = Author.objects.create(name="Nguyễn Văn An", position="Phó Bí thư Thường trực")
    article = make_article(section, "Hội nghị tổng kết")
    article.article_authors = [ArticleAuthor(author=author)]
    article.save_revision().publish()

    # "Dịch" on the article: its author is copied to English with it (a related snippet).
    TranslationCreator(section_editor, [english]).create_translations(article)

    translated = article.get_translation(english).specific
    link = translated.article_authors.get()
    assert link.author.name == "Nguyễn Văn An"
    assert link.author.translation_key == author.translation_key
    assert link.position == "Phó Bí thư Thường trực"  # until someone translates it
    cache.clear()
    detail = client.get(f"/api/v2/pages/{article.id}/").json()
    assert detail["authors"] == [
        {"id": author.id, "name": "Nguyễn Văn An", "position": "Phó Bí thư Thường trực"}
    ]
