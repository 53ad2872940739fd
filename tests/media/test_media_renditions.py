"""Renditions: the srcset set, made when a page is published, centred on the focal point;
and alt text required before images are published."""

import io

import pytest
from django.core.cache import cache
from django.core.files.images import ImageFile
from PIL import Image, features
from wagtail.images import get_image_model
from wagtail.images.rect import Rect
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from home.models import ArticlePage, GalleryImage, GalleryPage
from media_library import renditions
from media_library.tasks import images_used_by
from tests.admin_forms import article_form_data

pytestmark = pytest.mark.django_db

CustomImage = get_image_model()
Rendition = CustomImage.get_rendition_model()


@pytest.fixture(autouse=True)
def empty_rendition_cache():
    # Wagtail caches renditions by image id and content hash; ids repeat between tests.
    cache.clear()


def save_image(title: str, picture: Image.Image, image_format="JPEG", **fields):
    buffer = io.BytesIO()
    picture.save(buffer, image_format)
    extension = "png" if image_format == "PNG" else "jpg"
    image = CustomImage(title=title, file=ImageFile(buffer, name=f"{title}.{extension}"), **fields)
    # The content hash keys Wagtail's rendition cache; uploads always have one.
    image._set_image_file_metadata()
    image.save()
    return image


# What a phone, a tablet and a desktop column get: WebP and (where Pillow writes it) AVIF at
# 480, 960 and 1600 px, and a 960 px fallback; a cover also gets the listing thumbnail (WebP
# and JPEG) and the Open Graph card. Written out, not read from the code under test.
SRCSET = [
    "width-480|format-webp|webpquality-80",
    "width-960|format-webp|webpquality-80",
    "width-1600|format-webp|webpquality-80",
    *(
        [
            "width-480|format-avif|avifquality-60",
            "width-960|format-avif|avifquality-60",
            "width-1600|format-avif|avifquality-60",
        ]
        if features.check("avif")
        else []
    ),
]
JPEG_FALLBACK = "width-960|format-jpeg|jpegquality-85"
COVER = [
    "fill-480x270|format-webp|webpquality-80",
    "fill-480x270|format-jpeg|jpegquality-80",
    "fill-1200x630|format-jpeg|jpegquality-85",
]


def make_image(title: str, size=(2400, 1600), color=(40, 120, 200), alt_text="Mô tả ảnh"):
    return save_image(title, Image.new("RGB", size, color), alt_text=alt_text)


def test_renditions_srcset_has_webp_avif_and_fallback_widths():
    image = make_image("anh")

    data = renditions.srcset_renditions(image)

    assert [r["width"] for r in data["srcset"]] == list(renditions.SRCSET_WIDTHS)
    assert all(r["url"].endswith(".webp") for r in data["srcset"])
    if renditions.avif_supported():
        assert [r["width"] for r in data["avif"]] == list(renditions.SRCSET_WIDTHS)
        assert all(r["url"].endswith(".avif") for r in data["avif"])
    assert data["src"].endswith(".jpg") and data["width"] == renditions.FALLBACK_WIDTH


def test_renditions_small_original_is_never_upscaled():
    image = make_image("nho", size=(700, 400))

    data = renditions.srcset_renditions(image)

    assert [r["width"] for r in data["srcset"]] == [480, 700]


def test_renditions_png_original_gets_png_fallback():
    image = save_image("logo", Image.new("RGBA", (1000, 600), (0, 0, 0, 0)), "PNG")

    assert renditions.srcset_renditions(image)["src"].endswith(".png")


def test_renditions_crop_follows_focal_point():
    # Left half red, right half blue; the focal point is on the blue side.
    picture = Image.new("RGB", (2400, 800), (220, 0, 0))
    picture.paste((0, 0, 220), (1200, 0, 2400, 800))
    image = save_image("hai-mau", picture)
    image.set_focal_point(Rect.from_point(2100, 400, 200, 200))
    image.save()

    rendition = image.get_rendition(renditions.OPEN_GRAPH_SPEC)

    with rendition.file.open() as f:
        red, _green, blue = Image.open(f).convert("RGB").resize((1, 1)).getpixel((0, 0))
    assert blue > 150 and red < 60


def test_publishing_article_makes_renditions_in_background(
    section, django_capture_on_commit_callbacks
):
    cover, body_image = make_image("bia"), make_image("than-bai")
    article = ArticlePage(
        title="Hội nghị",
        cover_image=cover,
        body=[("image", {"image": body_image, "caption": "", "credit": ""})],
    )
    section.add_child(instance=article)
    assert not Rendition.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()

    made = sorted(Rendition.objects.values_list("image_id", "filter_spec"))
    assert made == sorted(
        [(cover.id, spec) for spec in [*SRCSET, JPEG_FALLBACK, *COVER]]
        + [(body_image.id, spec) for spec in [*SRCSET, JPEG_FALLBACK]]
    )


def test_publishing_gallery_makes_its_photos_renditions(
    gallery_index, django_capture_on_commit_callbacks
):
    photos = [make_image(f"anh-{n}", size=(1200, 800)) for n in range(3)]
    gallery = GalleryPage(title="Hình ảnh Đại hội")
    gallery.gallery_images = [GalleryImage(image=photo) for photo in photos]
    gallery_index.add_child(instance=gallery)

    assert images_used_by(gallery) == ([p.id for p in photos], [])
    with django_capture_on_commit_callbacks(execute=True):
        gallery.save_revision().publish()

    assert set(Rendition.objects.values_list("image_id", flat=True)) == {p.id for p in photos}


# --- Alt text -----------------------------------------------------------------


def article_with_image(image, action: str | None = None) -> dict:
    body = streamfield([("image", {"image": image.id, "caption": "", "credit": ""})])
    return article_form_data("Tin có ảnh", action=action, body=body)


def gallery_with_photo(image, action: str | None = None) -> dict:
    data = {
        "title": "Hình ảnh hội nghị",
        "slug": "",
        "lead": "",
        "publication_date": "2026-06-15 08:30",
        "gallery_images": inline_formset([{"image": image.id, "caption": "Toàn cảnh"}]),
        "comments": inline_formset([]),
    }
    if action:
        data[action] = "1"
    return nested_form_data(data)


@pytest.fixture
def editor_client(client, board_member):
    client.force_login(board_member)
    return client


def test_alt_text_missing_blocks_publish_but_not_draft(editor_client, section):
    image = make_image("khong-mo-ta", alt_text="")
    add_url = f"/admin/pages/add/home/articlepage/{section.id}/"

    # A draft saves: the editor can keep working
    draft = editor_client.post(add_url, article_with_image(image))
    assert draft.status_code == 302
    article = ArticlePage.objects.get()

    # Publishing is refused, and the editor is told which image and what to do
    edit_url = f"/admin/pages/{article.id}/edit/"
    published = editor_client.post(edit_url, article_with_image(image, "action-publish"))
    assert published.status_code == 200
    assert "khong-mo-ta" in published.content.decode()
    article.refresh_from_db()
    assert not article.live

    # Once the image has alt text, the same article publishes
    image.alt_text = "Toàn cảnh hội nghị"
    image.save()
    published = editor_client.post(edit_url, article_with_image(image, "action-publish"))
    assert published.status_code == 302
    article.refresh_from_db()
    assert article.live


def test_alt_text_missing_on_cover_blocks_publish(editor_client, section):
    cover = make_image("bia-khong-mo-ta", alt_text="  ")
    data = article_form_data("Tin có ảnh bìa", action="action-publish", cover_image=cover.id)

    response = editor_client.post(f"/admin/pages/add/home/articlepage/{section.id}/", data)

    assert response.status_code == 200
    assert "bia-khong-mo-ta" in response.content.decode()
    assert not ArticlePage.objects.exists()


def test_alt_text_missing_on_gallery_photo_blocks_publish(editor_client, gallery_index):
    photo = make_image("anh-khong-mo-ta", alt_text="")
    add_url = f"/admin/pages/add/home/gallerypage/{gallery_index.id}/"

    refused = editor_client.post(add_url, gallery_with_photo(photo, "action-publish"))
    saved = editor_client.post(add_url, gallery_with_photo(photo))

    assert refused.status_code == 200 and "anh-khong-mo-ta" in refused.content.decode()
    assert saved.status_code == 302
    assert not GalleryPage.objects.get().live
