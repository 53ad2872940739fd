"""Image originals: private, under unguessable keys; readers get renditions only.

On local disk, as `make run` keeps them: public files in MEDIA_ROOT (served at /media/),
originals in the private folder beside documents. (S3: tests/media/test_media_s3.py.)
"""

import io
import re

import feedparser
import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.management import call_command
from wagtail.images import get_image_model

from tests.api_support import image_block, make_article
from tests.media_support import jpeg_bytes, upload

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("disk_storage")]

CustomImage = get_image_model()
ORIGINAL_KEY = re.compile(r"original_images/[0-9a-f]{20}/hoi-nghi-dang-uy\.jpg")
WEBP_960 = "width-960|format-webp|webpquality-80"


@pytest.fixture(autouse=True)
def empty_rendition_cache():
    # Wagtail caches renditions by image id; ids repeat between tests.
    cache.clear()


def upload_image(client, name: str = "Hội nghị Đảng ủy.jpg", content: bytes | None = None):
    response = client.post(
        "/admin/images/multiple/add/",
        {
            "files[]": upload(name, content or jpeg_bytes((1200, 800)), "image/jpeg"),
            "title": name.rsplit(".", 1)[0],
        },
    )
    assert response.json()["success"] is True
    return CustomImage.objects.get(id=response.json()["image_id"])


def test_original_upload_goes_to_private_folder_under_random_key(uploader, disk_storage):
    image = upload_image(uploader)

    assert ORIGINAL_KEY.fullmatch(image.file.name)
    assert (disk_storage / "private" / image.file.name).read_bytes()[:2] == b"\xff\xd8"
    assert not (disk_storage / "media" / "original_images").exists()
    assert image.title == "Hội nghị Đảng ủy"


def test_original_keys_differ_for_the_same_file_name(uploader):
    first = upload_image(uploader, "anh.jpg", jpeg_bytes(color=(10, 10, 10)))
    second = upload_image(uploader, "anh.jpg", jpeg_bytes(color=(250, 250, 250)))

    assert first.file.name != second.file.name
    assert first.file.name.endswith("/anh.jpg") and second.file.name.endswith("/anh.jpg")


def test_original_not_served_while_its_renditions_are(client, board_member, settings):
    client.force_login(board_member)
    image = upload_image(client)
    client.logout()

    # When renditions are made, from the private original
    rendition = image.get_rendition(WEBP_960)

    # Then readers get the rendition from the public media folder
    response = client.get(rendition.url)
    assert rendition.url.startswith(f"{settings.MEDIA_URL}images/hoi-nghi-dang-uy.")
    assert response.status_code == 200
    assert b"".join(response.streaming_content)[8:12] == b"WEBP"
    # And neither the old guessable address nor the new key's nor the storage URL gives the
    # original
    for url in (
        f"{settings.MEDIA_URL}original_images/hoi-nghi-dang-uy.jpg",
        f"{settings.MEDIA_URL}{image.file.name}",
        image.file.url,
    ):
        assert client.get(url).status_code == 404, url


def test_original_image_editor_shows_image_without_public_full_size_copy(client, board_member):
    client.force_login(board_member)
    image = upload_image(client)

    response = client.get(f"/admin/images/{image.id}/")

    # The editor shows the preview rendition and links the file to the staff-only view;
    # Wagtail's own template would make an "original" rendition, a public full-size copy.
    assert response.status_code == 200
    assert f'href="/admin/images/{image.id}/original/"' in response.content.decode()
    assert "1200x800" in response.content.decode()
    specs = set(image.renditions.values_list("filter_spec", flat=True))
    assert "max-800x600" in specs and "original" not in specs


def test_original_staff_view_streams_file_to_editors_only(client, board_member, django_user_model):
    client.force_login(board_member)
    image = upload_image(client)
    with image.open_file() as stored:
        content = stored.read()
    url = f"/admin/images/{image.id}/original/"

    editor = client.get(url)
    client.logout()
    anonymous = client.get(url)
    client.force_login(django_user_model.objects.create_user("bandoc", password="x"))
    reader = client.get(url)

    assert editor.status_code == 200
    assert b"".join(editor.streaming_content) == content
    assert editor["Content-Type"] == "image/jpeg"
    assert "private" in editor["Cache-Control"]
    assert anonymous.status_code == 302 and "/admin/login/" in anonymous["Location"]
    assert reader.status_code in (302, 403)


def test_original_not_in_reader_api_or_feed(api, section, board_member):
    api.force_login(board_member)
    cover = upload_image(api, "Ảnh bìa.jpg")
    body_image = upload_image(api, "Ảnh trong bài.jpg")
    api.logout()
    article = make_article(section, "Bài có ảnh", cover_image=cover, body=[image_block(body_image)])

    outputs = [
        api.get(f"/api/v2/pages/{article.id}/"),
        api.get(f"/api/v2/images/{cover.id}/"),
        api.get(f"/api/v2/images/{body_image.id}/"),
        api.get("/feeds/rss/"),
        api.get("/feeds/atom/"),
    ]

    for response in outputs:
        assert response.status_code == 200
        assert "original_images" not in response.content.decode()
    # The feed's enclosure is the Open Graph rendition, with its size
    [enclosure] = feedparser.parse(outputs[3].content).entries[0].enclosures
    assert enclosure.href.startswith("http://testserver/media/images/anh-bi")
    assert ".fill-1200x630." in enclosure.href and int(enclosure.length) > 0


def test_original_leaves_private_storage_when_image_deleted(
    client, board_member, disk_storage, django_capture_on_commit_callbacks
):
    client.force_login(board_member)
    image = upload_image(client)
    rendition = image.get_rendition(WEBP_960)
    original = disk_storage / "private" / image.file.name
    assert original.exists()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/images/{image.id}/delete/")

    assert response.status_code == 302
    assert not original.exists()
    assert not (disk_storage / "media" / rendition.file.name).exists()


# --- Originals stored before: manage.py move_original_images -------------------------


@pytest.fixture
def legacy_image(db):
    """An image uploaded before originals became private: in the public media storage, under
    its plain file name."""
    content = jpeg_bytes((800, 600))
    name = storages["default"].save("original_images/hoi-nghi-cu.jpg", ContentFile(content))
    return CustomImage.objects.create(title="Hội nghị cũ", file=name, width=800, height=600)


def move(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("move_original_images", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_move_original_images_makes_legacy_original_private(
    client, legacy_image, disk_storage, settings
):
    old_url = f"{settings.MEDIA_URL}original_images/hoi-nghi-cu.jpg"
    content = (disk_storage / "media" / "original_images" / "hoi-nghi-cu.jpg").read_bytes()
    assert client.get(old_url).status_code == 200  # the finding, before the move

    # A dry run says what it would do and changes nothing
    out, _ = move("--dry-run")
    assert "Would move image" in out and "Would move 1 original(s)" in out
    legacy_image = CustomImage.objects.get(id=legacy_image.id)
    assert legacy_image.file.name == "original_images/hoi-nghi-cu.jpg"
    assert client.get(old_url).status_code == 200

    # The move copies the file under a random key, repoints the row, deletes the public file
    out, _ = move()
    assert "Moved 1 original(s) into private storage; 0 already private; 0 missing." in out
    legacy_image = CustomImage.objects.get(id=legacy_image.id)
    assert re.fullmatch(r"original_images/[0-9a-f]{20}/hoi-nghi-cu\.jpg", legacy_image.file.name)
    assert (disk_storage / "private" / legacy_image.file.name).read_bytes() == content
    assert not (disk_storage / "media" / "original_images" / "hoi-nghi-cu.jpg").exists()
    assert client.get(old_url).status_code == 404
    # Renditions are made from the moved original
    assert client.get(legacy_image.get_rendition(WEBP_960).url).status_code == 200

    # Running it again moves nothing
    name = legacy_image.file.name
    out, _ = move()
    assert "Moved 0 original(s) into private storage; 1 already private; 0 missing." in out
    legacy_image = CustomImage.objects.get(id=legacy_image.id)
    assert legacy_image.file.name == name


def test_move_original_images_reports_a_missing_file_and_goes_on(legacy_image, disk_storage):
    lost = CustomImage.objects.create(
        title="Mất tệp", file="original_images/mat.jpg", width=10, height=10
    )

    out, err = move()

    assert f"Image {lost.id}: original_images/mat.jpg is in neither storage." in err
    assert "Moved 1 original(s) into private storage; 0 already private; 1 missing." in out
    lost = CustomImage.objects.get(id=lost.id)
    assert lost.file.name == "original_images/mat.jpg"
