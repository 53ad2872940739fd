"""Media on S3-compatible storage: a real S3 HTTP endpoint on loopback (moto server mode),
reached through django-storages and boto3 as in production."""

import io
import re
import urllib.error
import urllib.request

import pytest
from django.core.management import call_command
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from tests.media_support import PDF_BYTES, jpeg_bytes, upload

pytestmark = pytest.mark.django_db

CustomImage = get_image_model()


def http_get(url: str) -> tuple[int, bytes, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read(), response.headers.get("Content-Type", "")
    except urllib.error.HTTPError as error:
        return error.code, b"", ""


def upload_image(client, name: str, content: bytes):
    return client.post(
        "/admin/images/multiple/add/",
        {"files[]": upload(name, content, "image/jpeg"), "title": name.rsplit(".", 1)[0]},
    )


def test_s3_image_roundtrip_upload_renditions_http_and_delete(
    client, board_member, s3, django_capture_on_commit_callbacks
):
    client.force_login(board_member)

    # Given an editor uploads a photo through the admin
    response = upload_image(client, "Hội nghị Đảng ủy.jpg", jpeg_bytes((2000, 1200)))

    # Then the original lies in the bucket under a private, ASCII key with a random folder
    assert response.json()["success"] is True
    image = CustomImage.objects.get()
    assert image.title == "Hội nghị Đảng ủy"
    assert re.fullmatch(r"original_images/[0-9a-f]{20}/hoi-nghi-dang-uy\.jpg", image.file.name)
    assert s3.keys() == [f"private/{image.file.name}"]

    # When its renditions are made (what publishing makes for a body image), each is an
    # object of its own in the bucket, named for the original and the spec
    specs = [
        "width-480|format-webp|webpquality-80",
        "width-960|format-webp|webpquality-80",
        "width-1600|format-webp|webpquality-80",
        "width-960|format-jpeg|jpegquality-85",
    ]
    renditions = image.get_renditions(*specs)
    keys = s3.keys("media/images/")
    assert len(keys) == len(specs) == len(set(keys))
    assert all(key.startswith("media/images/hoi-nghi-dang-uy.") for key in keys)
    assert sorted(k.rsplit(".", 1)[1] for k in keys) == ["jpg", "webp", "webp", "webp"]

    # And readers get them over plain HTTP, at URLs without an expiring signature
    webp = renditions["width-960|format-webp|webpquality-80"]
    assert webp.url.startswith(f"{s3.endpoint_url}/{s3.bucket}/media/images/")
    assert "Signature" not in webp.url and "X-Amz" not in webp.url
    status, body, content_type = http_get(webp.url)
    assert status == 200 and body[8:12] == b"WEBP" and content_type == "image/webp"
    # While the original is not public: neither at its key, nor at the old guessable one
    assert http_get(f"{s3.endpoint_url}/{s3.bucket}/private/{image.file.name}")[0] == 403
    guessed = f"{s3.endpoint_url}/{s3.bucket}/media/original_images/hoi-nghi-dang-uy.jpg"
    assert http_get(guessed)[0] in (403, 404)
    # (the app reads it with its keys; its storage URL, for staff only, is signed)
    assert "X-Amz-Signature" in image.file.url
    status, body, _ = http_get(image.file.url)
    assert status == 200 and body[:2] == b"\xff\xd8"

    # When the image is deleted, its original and renditions leave the bucket
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/images/{image.id}/delete/")
    assert response.status_code == 302
    assert s3.keys() == []
    assert http_get(webp.url)[0] == 404


def test_s3_same_file_name_never_overwrites(client, board_member, s3):
    client.force_login(board_member)

    upload_image(client, "anh.jpg", jpeg_bytes(color=(10, 10, 10)))
    upload_image(client, "anh.jpg", jpeg_bytes(color=(250, 250, 250)))

    keys = s3.keys("private/original_images/")
    assert len(keys) == 2 and all(key.endswith("/anh.jpg") for key in keys)
    assert s3.keys("media/original_images/") == []


def test_s3_down_editor_gets_clear_error_and_no_row(client, board_member, s3):
    client.force_login(board_member)
    assert upload_image(client, "truoc.jpg", jpeg_bytes()).json()["success"] is True

    # Given the storage goes down mid-session
    s3.stop()

    # When an editor uploads a photo, through either upload view
    multiple = upload_image(client, "sau.jpg", jpeg_bytes())
    single = client.post(
        "/admin/images/add/",
        {"title": "Sau", "file": upload("sau.jpg", jpeg_bytes(), "image/jpeg"), "collection": 1},
    )

    # Then they read why, and no image row points at a file that is not there
    assert multiple.status_code == 200 and multiple.json()["success"] is False
    assert (
        "storage" in multiple.json()["error_message"] or "lưu" in (multiple.json()["error_message"])
    )
    assert single.status_code == 200
    assert multiple.json()["error_message"] in single.content.decode()
    assert list(CustomImage.objects.values_list("title", flat=True)) == ["truoc"]


def test_s3_down_document_upload_is_a_form_error_and_leaves_no_row(client, board_member, s3):
    client.force_login(board_member)
    s3.stop()

    response = client.post(
        "/admin/documents/multiple/add/",
        {"files[]": upload("nghi-quyet.pdf", PDF_BYTES, "application/pdf"), "title": "Nghị quyết"},
    )

    assert response.status_code == 200 and response.json()["success"] is False
    message = response.json()["error_message"]
    assert "storage" in message or "lưu" in message, message
    assert not get_document_model().objects.exists()


def test_s3_down_pages_already_rendered_keep_their_image_urls(section, s3, api):
    # Given a published article whose body image's renditions were made while S3 was up
    from tests.api_support import image_block, make_article

    image = CustomImage.objects.create(
        title="Hội nghị", file=upload("hoi-nghi.jpg", jpeg_bytes((1600, 900)), "image/jpeg")
    )
    article = make_article(section, "Bài có ảnh", body=[image_block(image)])
    before = api.get(f"/api/v2/pages/{article.id}/").json()["body"][0]["value"]
    assert before["src"].startswith(f"{s3.endpoint_url}/{s3.bucket}/media/images/")

    # When the storage goes down and the API's response cache is empty
    s3.stop()
    from django.core.cache import cache

    cache.clear()

    # Then the page is still served, with the same image URLs (made from the rendition
    # rows, no call to the storage)
    response = api.get(f"/api/v2/pages/{article.id}/")
    assert response.status_code == 200
    after = response.json()["body"][0]["value"]
    assert (after["src"], after["srcset"]) == (before["src"], before["srcset"])


def test_s3_refusing_bucket_is_a_form_error_too(client, board_member, s3):
    # The storage answers but refuses the upload (the bucket is gone: 404 NoSuchBucket).
    client.force_login(board_member)
    s3.client.delete_bucket(Bucket=s3.bucket)

    response = upload_image(client, "anh.jpg", jpeg_bytes())

    assert response.json()["success"] is False
    assert not CustomImage.objects.exists()


def test_s3_documents_are_private_and_served_by_the_app(client, board_member, s3):
    client.force_login(board_member)

    response = client.post(
        "/admin/documents/multiple/add/",
        {"files[]": upload("Kế hoạch 81-KH.pdf", PDF_BYTES, "application/pdf"), "title": "KH"},
    )

    assert response.json()["success"] is True
    assert s3.keys() == ["private/documents/ke-hoach-81-kh.pdf"]
    document = get_document_model().objects.get()
    # Guessing its bucket address leads nowhere: private/ is not public, unlike media/.
    guessed = f"{s3.endpoint_url}/{s3.bucket}/private/documents/ke-hoach-81-kh.pdf"
    assert http_get(guessed)[0] == 403
    # Links go to the app, which streams the file after its checks.
    assert document.url == f"/documents/{document.id}/ke-hoach-81-kh.pdf"
    served = client.get(document.url)
    assert served.status_code == 200
    assert b"".join(served.streaming_content) == PDF_BYTES


def test_s3_move_original_images_takes_old_originals_out_of_public_prefix(s3):
    # Given an original stored before originals became private: public, under its file name
    s3.client.put_object(
        Bucket=s3.bucket, Key="media/original_images/cu.jpg", Body=jpeg_bytes((800, 600))
    )
    old_url = f"{s3.endpoint_url}/{s3.bucket}/media/original_images/cu.jpg"
    image = CustomImage.objects.create(
        title="Cũ", file="original_images/cu.jpg", width=800, height=600
    )
    assert http_get(old_url)[0] == 200

    # When it is moved
    call_command("move_original_images", stdout=io.StringIO())

    # Then it is private under a random key, and renditions are still made from it
    image = CustomImage.objects.get(id=image.id)
    assert re.fullmatch(r"original_images/[0-9a-f]{20}/cu\.jpg", image.file.name)
    assert s3.keys("private/") == [f"private/{image.file.name}"]
    assert s3.keys("media/original_images/") == []
    assert http_get(old_url)[0] in (403, 404)
    assert http_get(f"{s3.endpoint_url}/{s3.bucket}/private/{image.file.name}")[0] == 403
    rendition = image.get_rendition("width-480|format-webp|webpquality-80")
    assert http_get(rendition.url)[0] == 200
