"""Upload safety: what the admin refuses, what it cleans, and how it tells the editor.

Uploads go through the real admin views as a logged-in contributor, the way the browser
posts them (the multiple uploader, the single form, the chooser's upload tab).
"""

import io
import re
import unicodedata

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.utils import translation
from PIL import Image
from wagtail.images import get_image_model

from media_library.forms import SafeImageField
from media_library.validation import IMAGE_BOMB, IMAGE_BROKEN, SVG_REFUSED
from tests.media_support import (
    SVG_WITH_SCRIPT,
    exif_with_gps,
    jpeg_bytes,
    png_declaring,
    upload,
)

pytestmark = pytest.mark.django_db

CustomImage = get_image_model()


def vi(message) -> str:
    """A message as the Vietnamese admin shows it."""
    with translation.override("vi"):
        return str(message)


def post_multiple(client, name: str, content: bytes, title: str | None = None) -> dict:
    response = client.post(
        "/admin/images/multiple/add/",
        {"files[]": upload(name, content), "title": title or name.rsplit(".", 1)[0]},
    )
    assert response.status_code == 200
    return response.json()


NOT_AN_IMAGE = vi(forms.ImageField.default_error_messages["invalid_image"])
REFUSALS = [
    # (case, file name, content, the message's start)
    ("text renamed .jpg", "anh.jpg", b"Day khong phai la anh, chi la chu.", NOT_AN_IMAGE),
    ("pdf renamed .jpg", "anh.jpg", b"%PDF-1.4\n%%EOF\n", NOT_AN_IMAGE),
    ("zero-byte file", "rong.jpg", b"", vi(forms.FileField.default_error_messages["empty"])),
    ("svg with script", "logo.svg", SVG_WITH_SCRIPT, None),
    ("svg renamed .png", "logo.png", SVG_WITH_SCRIPT, None),
    ("decompression bomb", "bom.png", png_declaring(30_000, 30_000), None),
]


@pytest.mark.parametrize(
    ("name", "content", "message"), [case[1:] for case in REFUSALS], ids=[c[0] for c in REFUSALS]
)
def test_upload_image_refused_with_message_and_nothing_stored(uploader, name, content, message):
    result = post_multiple(uploader, name, content)

    assert result["success"] is False
    if message:
        assert result["error_message"].startswith(message)
    assert not CustomImage.objects.exists()


def test_upload_image_svg_refusal_says_why(uploader):
    result = post_multiple(uploader, "logo.svg", SVG_WITH_SCRIPT)
    assert result["error_message"] == vi(SVG_REFUSED)


def test_upload_image_decompression_bomb_refusal_says_why(uploader, settings):
    result = post_multiple(uploader, "bom.png", png_declaring(30_000, 30_000))
    assert result["error_message"] == vi(IMAGE_BOMB) % {"max_pixels": "50.000.000"}


def test_upload_image_over_pixel_limit_refused(uploader, settings):
    # 56 megapixels: below Pillow's bomb threshold (twice the limit), above the limit.
    result = post_multiple(uploader, "lon.png", png_declaring(8_000, 7_000))

    assert result["success"] is False
    assert "56000000" in result["error_message"] and "50000000" in result["error_message"]


def test_upload_image_pixel_limit_is_configurable(uploader, settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 100_000
    result = post_multiple(uploader, "anh.jpg", jpeg_bytes((400, 300)))
    assert result["success"] is False


def test_upload_image_size_limit_is_configurable(uploader, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1000
    result = post_multiple(uploader, "anh.jpg", jpeg_bytes((400, 300)))
    assert result["success"] is False


def test_upload_image_truncated_file_refused(uploader):
    content = jpeg_bytes((800, 600))
    result = post_multiple(uploader, "hong.jpg", content[: len(content) // 2])

    assert result["success"] is False
    assert result["error_message"] == vi(IMAGE_BROKEN)


def test_upload_image_exif_gps_stripped_and_orientation_applied(uploader):
    # Given a phone photo, 640x480 as stored, to be shown rotated (orientation 6), with GPS
    content = jpeg_bytes((640, 480), exif=exif_with_gps(orientation=6))
    assert Image.open(io.BytesIO(content)).getexif().get_ifd(0x8825)

    result = post_multiple(uploader, "dien-thoai.jpg", content)

    # Then the stored original carries no EXIF at all, and stands upright
    assert result["success"] is True
    image = CustomImage.objects.get()
    with image.open_file() as stored_file:
        stored = stored_file.read()
    stored_image = Image.open(io.BytesIO(stored))
    assert stored_image.size == (480, 640) == (image.width, image.height)
    assert not stored_image.getexif()
    assert b"Exif" not in stored and b"PhoneMaker" not in stored
    assert image.file_size == len(stored)


def test_upload_image_vietnamese_file_name_becomes_ascii_key_title_kept(uploader):
    name = "Ảnh Đại hội Đảng bộ Khối lần thứ XV.jpg"
    # macOS sends file names decomposed (NFD); the title is stored composed (NFC).
    result = post_multiple(uploader, name, jpeg_bytes(), unicodedata.normalize("NFD", name[:-4]))

    assert result["success"] is True
    image = CustomImage.objects.get()
    assert image.title == "Ảnh Đại hội Đảng bộ Khối lần thứ XV"
    # In a folder of its own, random: the original's key cannot be guessed from its name.
    assert re.fullmatch(
        r"original_images/[0-9a-f]{20}/anh-dai-hoi-dang-bo-khoi-lan-thu-xv\.jpg", image.file.name
    )
    assert image.file.name.isascii()


def test_upload_image_same_file_twice_offers_existing_image(uploader):
    content = jpeg_bytes((640, 480), exif=exif_with_gps())
    first = post_multiple(uploader, "hoi-nghi.jpg", content, "Hội nghị lần thứ nhất")

    second = post_multiple(uploader, "hoi-nghi (1).jpg", content, "Bản sao")

    # Wagtail's uploader shows the existing image and offers to keep it, deleting the new one.
    existing = CustomImage.objects.get(id=first["image_id"])
    assert second["success"] is True and second["duplicate"] is True
    assert "<figcaption>Hội nghị lần thứ nhất</figcaption>" in second["confirm_duplicate_upload"]
    assert (
        f"/admin/images/multiple/{second['image_id']}/delete/"
        in (second["confirm_duplicate_upload"])
    )
    assert CustomImage.objects.get(id=second["image_id"]).file_hash == existing.file_hash


def test_upload_image_single_form_shows_refusal_in_form(uploader):
    response = uploader.post(
        "/admin/images/add/",
        {"title": "Logo", "file": upload("logo.svg", SVG_WITH_SCRIPT), "collection": 1},
    )

    assert response.status_code == 200
    assert vi(SVG_REFUSED) in response.content.decode()
    assert not CustomImage.objects.exists()


def test_upload_image_chooser_upload_refuses_too(uploader):
    response = uploader.post(
        "/admin/images/chooser/create/",
        {
            "image-chooser-upload-title": "Bom",
            "image-chooser-upload-file": upload("bom.png", png_declaring(30_000, 30_000)),
            "image-chooser-upload-collection": 1,
        },
    )

    assert response.status_code == 200
    assert not CustomImage.objects.exists()


def test_safe_image_field_validator_refuses_svg_and_bomb_directly():
    field = SafeImageField()
    with pytest.raises(ValidationError) as svg:
        field.clean(upload("a.svg", SVG_WITH_SCRIPT))
    with pytest.raises(ValidationError) as bomb:
        field.clean(upload("a.png", png_declaring(30_000, 30_000)))
    assert svg.value.code == "svg_refused" and bomb.value.code == "image_bomb"


def test_safe_image_field_keeps_png_transparency():
    buffer = io.BytesIO()
    Image.new("RGBA", (20, 10), (0, 0, 0, 0)).save(buffer, "PNG")

    cleaned = SafeImageField().clean(upload("trong-suot.png", buffer.getvalue()))

    assert Image.open(cleaned).getpixel((0, 0))[3] == 0
