"""Translating content to English with wagtail-localize: a draft that needs approval.

Vietnamese is the default locale at the site root; English pages live under /en/. A
translation goes through the workflow "Quy trình duyệt tin" like any page, and nothing
untranslated shows under /en/ (API or pages).
"""

import pytest
from django.core.cache import cache
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.operations import TranslationCreator

from home.models import ArticlePage
from tests.api_support import make_article, paragraph

pytestmark = pytest.mark.django_db

VI_TITLE = "Cải cách hành chính trong Đảng ủy Khối"
ENGLISH = {
    VI_TITLE: "Administrative reform in the Party Committee",
    "cai-cach-hanh-chinh-trong-dang-uy-khoi": "administrative-reform",
    "Thủ tục được rút gọn.": "Procedures have been shortened.",
    "Sau một năm triển khai.": "After a year of work.",
}


def translate_to_english(page: Page, user) -> ArticlePage:
    """What an editor does in the admin: "Translate" to English, then fill in the strings."""
    english = Locale.objects.get(language_code="en")
    TranslationCreator(user, [english]).create_translations(page)
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=english
    )
    for segment in StringSegment.objects.filter(source=translation.source).select_related("string"):
        if segment.string.data in ENGLISH:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=english,
                context=segment.context,
                defaults={"data": ENGLISH[segment.string.data]},
            )
    translation.save_target(user=user, publish=False)  # what the editor's "Save" does
    return page.get_translation(english).specific


def approve(client, page: Page, user) -> None:
    """One workflow step approved through the admin view, as the reviewer does."""
    page.refresh_from_db()
    task_state = page.current_workflow_state.current_task_state
    client.force_login(user)
    response = client.post(
        f"/admin/pages/workflow/action/{page.id}/approve/{task_state.id}/", {"comment": ""}
    )
    assert response.status_code in (200, 302), response.content[:500]
    client.logout()


def api_get(client, url: str, **params):
    cache.clear()
    return client.get(url, params)


@pytest.fixture
def article(section) -> ArticlePage:
    return make_article(
        section,
        VI_TITLE,
        lead="Sau một năm triển khai.",
        body=[paragraph("<p>Thủ tục được rút gọn.</p>")],
    )


@pytest.fixture
def untranslated(section) -> ArticlePage:
    return make_article(section, "Hội nghị tổng kết công tác năm", days_ago=1)


def test_translation_roundtrip_draft_approval_and_both_locales(
    client, article, untranslated, section_editor, board_member, settings
):
    # An editor translates the article: an English draft, not public anywhere.
    english = translate_to_english(article, section_editor)
    assert english.locale.language_code == "en"
    assert english.translation_key == article.translation_key
    assert not english.live
    assert english.get_latest_revision_as_object().title == ENGLISH[VI_TITLE]
    assert api_get(client, f"/api/v2/pages/{english.id}/").status_code == 404
    assert api_get(client, "/api/v2/pages/", locale="en").json()["meta"]["total_count"] == 0
    assert api_get(client, f"/api/v2/pages/{article.id}/").json()["translations"] == []
    assert client.get("/en/tin-tuc-su-kien/administrative-reform/").status_code == 404

    # Submitted, it goes through "Quy trình duyệt tin" like any page.
    workflow = english.get_workflow()
    assert workflow.name == "Quy trình duyệt tin"
    workflow.start(english, section_editor)
    approve(client, english, section_editor)
    english.refresh_from_db()
    assert not english.live  # the first step does not publish
    approve(client, english, board_member)
    english.refresh_from_db()
    assert english.live

    # Both locales through the API.
    english_items = api_get(client, "/api/v2/pages/", locale="en").json()["items"]
    assert [item["id"] for item in english_items] == [english.id]
    assert english_items[0]["title"] == ENGLISH[VI_TITLE]
    assert english_items[0]["path"] == "/en/tin-tuc-su-kien/administrative-reform/"
    assert english_items[0]["meta"]["locale"] == "en"
    vietnamese = api_get(client, "/api/v2/pages/", locale="vi", type="article").json()["items"]
    assert {item["id"] for item in vietnamese} == {article.id, untranslated.id}

    vi_detail = api_get(client, f"/api/v2/pages/{article.id}/").json()
    assert vi_detail["title"] == VI_TITLE
    assert vi_detail["path"] == "/tin-tuc-su-kien/cai-cach-hanh-chinh-trong-dang-uy-khoi/"
    assert vi_detail["translations"] == [
        {
            "locale": "en",
            "id": english.id,
            "title": ENGLISH[VI_TITLE],
            "path": "/en/tin-tuc-su-kien/administrative-reform/",
            "html_url": "http://localhost/en/tin-tuc-su-kien/administrative-reform/",
        }
    ]
    en_detail = api_get(client, f"/api/v2/pages/{english.id}/").json()
    assert en_detail["lead"] == "After a year of work."
    assert "Procedures have been shortened." in en_detail["body"][0]["value"]
    assert [t["locale"] for t in en_detail["translations"]] == ["vi"]
    assert en_detail["translations"][0]["path"] == vi_detail["path"]

    found = api_get(
        client, "/api/v2/pages/find/", html_path="/en/tin-tuc-su-kien/administrative-reform/"
    )
    assert found.status_code == 302
    assert found["Location"].endswith(f"/api/v2/pages/{english.id}/")
    assert (
        api_get(client, "/api/v2/pages/", locale="en", search="administrative reform").json()[
            "meta"
        ]["total_count"]
        == 1
    )

    # The pages themselves, on the frontend: Vietnamese at the root, English under /en/.
    settings.FRONTEND_URL = "https://tin.example.vn"
    for path in (
        "/en/tin-tuc-su-kien/administrative-reform/",
        "/tin-tuc-su-kien/cai-cach-hanh-chinh-trong-dang-uy-khoi/",
    ):
        response = client.get(path)
        assert (response.status_code, response["Location"]) == (
            302,
            "https://tin.example.vn" + path,
        )


def test_translation_untranslated_content_stays_out_of_english(
    client, article, untranslated, section, section_editor, board_member, settings
):
    english = translate_to_english(article, section_editor)
    english.get_workflow().start(english, section_editor)
    approve(client, english, section_editor)
    approve(client, english, board_member)

    # The article nobody translated is not under /en/, neither as a page nor in the API.
    settings.FRONTEND_URL = "https://tin.example.vn"
    assert client.get(f"/en/tin-tuc-su-kien/{untranslated.slug}/").status_code == 404
    assert client.get(f"/tin-tuc-su-kien/{untranslated.slug}/").status_code == 302
    english_ids = {i["id"] for i in api_get(client, "/api/v2/pages/", locale="en").json()["items"]}
    assert untranslated.id not in english_ids
    # The section above the translation is a Vietnamese placeholder until translated.
    english_section = section.get_translation(Locale.objects.get(language_code="en"))
    assert english_section.alias_of_id == section.id
    assert english_section.id not in english_ids
    assert client.get("/en/tin-tuc-su-kien/").status_code == 404
    # Nor in the English menu; the Vietnamese one is unchanged.
    assert api_get(client, "/api/v2/menu/", locale="en").json() == {"items": []}
    vietnamese_menu = api_get(client, "/api/v2/menu/").json()["items"]
    assert [item["title"] for item in vietnamese_menu] == [section.title]
    assert api_get(client, f"/api/v2/pages/{untranslated.id}/").json()["translations"] == []
    response = api_get(
        client, "/api/v2/pages/find/", html_path=f"/en/tin-tuc-su-kien/{untranslated.slug}/"
    )
    assert response.status_code == 404


def test_translation_english_locale_exists_and_vietnamese_is_default(db):
    assert Locale.get_default().language_code == "vi"
    assert Locale.objects.filter(language_code="en").exists()
