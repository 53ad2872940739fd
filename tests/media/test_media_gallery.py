"""Galleries: many photos uploaded at once, appended in order to a draft, captions later."""

import re

import pytest
from django.contrib.messages import get_messages
from wagtail.images import get_image_model

from home.models import GalleryImage, GalleryPage
from tests.admin_support import is_refused
from tests.media_support import SVG_WITH_SCRIPT, jpeg_bytes, upload

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("disk_storage")]

CustomImage = get_image_model()


@pytest.fixture
def gallery(gallery_index, board_member):
    existing = CustomImage.objects.create(
        title="Ảnh cũ", alt_text="Ảnh cũ", file=upload("cu.jpg", jpeg_bytes(color=(1, 2, 3)))
    )
    gallery = GalleryPage(title="Hình ảnh Đại hội Đảng bộ Khối")
    gallery.gallery_images = [GalleryImage(image=existing, caption="Khai mạc")]
    gallery_index.add_child(instance=gallery)
    gallery.save_revision(user=board_member).publish()
    return gallery


def upload_url(gallery) -> str:
    return f"/admin/media/galleries/{gallery.id}/upload/"


def draft_titles(gallery) -> list[str]:
    gallery.refresh_from_db()
    return [
        photo.image.title for photo in gallery.get_latest_revision_as_object().gallery_images.all()
    ]


def test_gallery_upload_many_photos_appends_them_in_order_to_a_draft(
    client, section_editor, gallery
):
    client.force_login(section_editor)
    files = [
        upload(f"Ảnh {n}.jpg", jpeg_bytes(color=(10 * n, 50, 90)), "image/jpeg") for n in range(4)
    ]

    response = client.post(upload_url(gallery), {"images": files, "collection": 1})

    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{gallery.id}/edit/"
    assert draft_titles(gallery) == ["Ảnh cũ", "Ảnh 0", "Ảnh 1", "Ảnh 2", "Ảnh 3"]
    assert gallery.live and gallery.has_unpublished_changes
    assert gallery.gallery_images.count() == 1  # the public gallery is unchanged until publishing


def test_gallery_upload_refuses_bad_files_one_by_one(client, section_editor, gallery):
    client.force_login(section_editor)
    files = [
        upload("tot.jpg", jpeg_bytes(), "image/jpeg"),
        upload("logo.svg", SVG_WITH_SCRIPT, "image/svg+xml"),
        upload("rong.jpg", b"", "image/jpeg"),
    ]

    response = client.post(upload_url(gallery), {"images": files, "collection": 1})

    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert response.status_code == 302
    assert any(m.startswith("logo.svg: ") for m in messages)
    assert any(m.startswith("rong.jpg: ") for m in messages)
    assert draft_titles(gallery) == ["Ảnh cũ", "tot"]


def test_gallery_upload_reuses_a_photo_already_in_the_library(client, section_editor, gallery):
    client.force_login(section_editor)
    content = jpeg_bytes(color=(7, 7, 7))
    client.post(upload_url(gallery), {"images": [upload("a.jpg", content)], "collection": 1})

    client.post(upload_url(gallery), {"images": [upload("b.jpg", content)], "collection": 1})

    assert CustomImage.objects.filter(title__in=["a", "b"]).count() == 1
    assert draft_titles(gallery) == ["Ảnh cũ", "a", "a"]


def test_gallery_upload_needs_edit_permission(client, site_admin, gallery):
    client.force_login(site_admin)  # manages users and settings, not content

    response = client.get(upload_url(gallery))
    assert is_refused(client, response)

    response = client.post(
        upload_url(gallery),
        {"images": [upload("moi.jpg", jpeg_bytes(color=(9, 9, 9)))], "collection": 1},
    )
    assert is_refused(client, response)
    assert list(CustomImage.objects.values_list("title", flat=True)) == ["Ảnh cũ"]
    assert draft_titles(gallery) == ["Ảnh cũ"]
    assert gallery.get_latest_revision().user.username != site_admin.username


def test_gallery_edit_page_offers_the_upload(client, section_editor, gallery):
    client.force_login(section_editor)

    response = client.get(f"/admin/pages/{gallery.id}/edit/")

    assert upload_url(gallery) in response.content.decode()


def test_gallery_upload_form_holds_the_only_collection(client, section_editor, gallery):
    client.force_login(section_editor)

    response = client.get(upload_url(gallery))

    assert response.status_code == 200
    assert 'name="collection" value="1"' in response.content.decode()
    assert re.search(r'<input[^>]*name="images"[^>]*multiple', response.content.decode())
