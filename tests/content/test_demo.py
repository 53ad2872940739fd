import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import override_settings
from wagtail.models import Page, Revision, Site

from cms.editorial import roles
from home.demo.loader import DEMO_PASSWORD
from home.models import (
    ArticlePage,
    Author,
    GalleryPage,
    HomePage,
    LinkedWebsite,
    SectionPage,
    SiteSettings,
    VideoPage,
)
from media_library.models import CustomImage

pytestmark = pytest.mark.django_db


def counts() -> dict[str, int]:
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": CustomImage.objects.count(),
        "authors": Author.objects.count(),
        "linked_websites": LinkedWebsite.objects.count(),
        "users": get_user_model().objects.count(),
        "sites": Site.objects.count(),
        "settings": SiteSettings.objects.count(),
    }


@override_settings(DEBUG=True)
def test_load_demo_twice_gives_the_same_counts():
    call_command("load_demo", verbosity=0)
    first = counts()
    call_command("load_demo", verbosity=0)
    assert counts() == first


@override_settings(DEBUG=True)
def test_load_demo_builds_a_realistic_site():
    call_command("load_demo", verbosity=0)

    home = HomePage.objects.get(locale__language_code="vi")
    assert Site.objects.get(is_default_site=True).root_page_id == home.id
    assert SectionPage.objects.live().filter(depth__gt=home.depth + 1).exists()  # nested
    articles = ArticlePage.objects.live()
    assert articles.count() >= 12
    for article in articles.specific():
        assert article.bylines, article.title
        assert any(block.block_type == "image" for block in article.body), article.title
        assert article.slug.isascii()
    assert VideoPage.objects.live().count() == 3
    galleries = GalleryPage.objects.live()
    assert galleries.count() == 3
    assert all(gallery.gallery_images.count() >= 6 for gallery in galleries)
    assert LinkedWebsite.objects.filter(active=True).count() == 6
    site_settings = SiteSettings.for_site(home.get_site())
    assert site_settings.identity.organisation_name
    assert site_settings.share_image.width >= 1200  # og:image of pages without their own
    assert site_settings.logo.alt_text
    assert all(image.alt_text for image in CustomImage.objects.all())
    User = get_user_model()
    for group in roles.EDITORIAL_GROUPS:
        assert User.objects.filter(groups__name=group).exists(), group
    assert User.objects.get(username="admin").is_superuser


def test_load_demo_refuses_to_run_with_debug_off():
    with pytest.raises(CommandError, match="--force"):
        call_command("load_demo", verbosity=0)
    assert not HomePage.objects.exists()


@override_settings(DEBUG=True)
def test_load_demo_sections_appear_in_the_menu_in_order(client):
    call_command("load_demo", verbosity=0)
    menu = [
        page.title
        for page in HomePage.objects.get(locale__language_code="vi").get_children().live().in_menu()
    ]
    assert menu[:2] == ["Tin tức - Sự kiện", "Chuyển đổi số"]
    assert {"Video hoạt động", "Hình ảnh hoạt động", "Giới thiệu", "Liên hệ"} <= set(menu)


@override_settings(DEBUG=True)
def test_demo_editor_logs_in_and_sees_the_section_tree(client):
    call_command("load_demo", verbosity=0)
    response = client.post(
        "/admin/login/", {"username": "bientapvien", "password": DEMO_PASSWORD}, follow=True
    )
    assert response.status_code == 200
    assert response.wsgi_request.user.username == "bientapvien"

    home = HomePage.objects.get(locale__language_code="vi")
    html = client.get(f"/admin/pages/{home.id}/").content.decode()
    assert '<html lang="vi"' in html
    for title in ("Tin tức - Sự kiện", "Chuyển đổi số", "Video hoạt động"):
        assert title in html
