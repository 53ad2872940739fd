"""Videos: uploaded files checked by content and streamed to storage; embeds built offline."""

import socket

import pytest
from django.core.files.uploadedfile import TemporaryUploadedFile
from wagtail.embeds.embeds import get_embed

from media_library.embeds import parse_video_url
from media_library.models import Video
from tests.media_support import WEBM_HEAD, jpeg_bytes, mp4_bytes, upload

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("disk_storage")]

ADD_URL = "/admin/snippets/media_library/video/add/"


def post_video(client, name: str, content: bytes, captions=None):
    data = {"title": "Hội nghị tổng kết", "file": upload(name, content), "collection": 1}
    if captions is not None:
        data["captions"] = upload("phu-de.vtt", captions, "text/vtt")
    return client.post(ADD_URL, data)


@pytest.mark.parametrize(
    ("name", "content"),
    [("Hội nghị tổng kết.mp4", mp4_bytes()), ("hoi-nghi.webm", WEBM_HEAD + b"\x00" * 512)],
    ids=["mp4", "webm"],
)
def test_video_upload_accepts_mp4_and_webm(uploader, name, content):
    response = post_video(
        uploader, name, content, captions=b"WEBVTT\n\n00:00.000 --> 00:01.000\nXin chao\n"
    )

    assert response.status_code == 302
    video = Video.objects.get()
    assert video.file.name.isascii() and video.file.name.startswith("videos/")
    assert video.file_size == len(content)
    assert video.captions.name == "videos/captions/phu-de.vtt"


@pytest.mark.parametrize(
    ("name", "content", "captions"),
    [
        ("gia.mp4", b"this is a text file, not a video" * 10, None),
        ("anh.mp4", jpeg_bytes(), None),
        ("heic.mp4", b"\x00\x00\x00\x18ftypheic" + b"\x00" * 100, None),
        ("webm-gia.webm", mp4_bytes(), None),
        ("rong.mp4", b"", None),
        ("phim.avi", b"RIFF\x00\x00\x00\x00AVI LIST", None),
        ("dung.mp4", mp4_bytes(), b"<html>not captions</html>"),
        ("dung.mp4", mp4_bytes(), b"WEBVTT\n\nkh\xf4ng ph\xe3i UTF-8"),
    ],
    ids=["text", "jpeg", "heic", "mp4-as-webm", "empty", "avi", "html-captions", "not-utf8"],
)
def test_video_upload_refuses_wrong_content(uploader, name, content, captions):
    response = post_video(uploader, name, content, captions)

    assert response.status_code == 200
    assert "error-message" in response.content.decode()
    assert not Video.objects.exists()


def test_video_size_limit_is_configurable(uploader, settings):
    settings.VIDEO_MAX_UPLOAD_SIZE = 1000

    response = post_video(uploader, "lon.mp4", mp4_bytes(2000))

    assert response.status_code == 200
    assert not Video.objects.exists()


def test_video_large_upload_is_spooled_to_disk_not_memory(uploader, settings, monkeypatch):
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 1024
    seen = []
    original = TemporaryUploadedFile.__init__

    def record(self, *args, **kwargs):
        seen.append(args[0] if args else kwargs.get("name"))
        original(self, *args, **kwargs)

    monkeypatch.setattr(TemporaryUploadedFile, "__init__", record)

    response = post_video(uploader, "dai.mp4", mp4_bytes(64 * 1024))

    assert response.status_code == 302
    assert seen == ["dai.mp4"]


def test_video_files_leave_storage_when_deleted(
    uploader, board_member, client, django_capture_on_commit_callbacks
):
    post_video(uploader, "xoa.mp4", mp4_bytes(), captions=b"WEBVTT\n")
    video = Video.objects.get()
    storage = video.file.storage
    names = [video.file.name, video.captions.name]

    with django_capture_on_commit_callbacks(execute=True):
        video.delete()

    assert not any(storage.exists(name) for name in names)


# --- Embeds -------------------------------------------------------------------


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("an embed tried to reach the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.mark.parametrize(
    ("url", "player"),
    [
        ("https://www.youtube.com/watch?v=Hq7vK2xLm0A", "youtube-nocookie.com/embed/Hq7vK2xLm0A"),
        ("https://youtu.be/Hq7vK2xLm0A?t=42", "youtube-nocookie.com/embed/Hq7vK2xLm0A"),
        ("https://www.youtube.com/shorts/Hq7vK2xLm0A", "youtube-nocookie.com/embed/Hq7vK2xLm0A"),
        (
            "https://www.facebook.com/dangbokhoi/videos/1234567890/",
            "facebook.com/plugins/video.php?href=https%3A%2F%2Fwww.facebook.com%2Fdangbokhoi",
        ),
    ],
)
def test_embed_youtube_and_facebook_without_network(no_network, url, player):
    embed = get_embed(url)

    assert player in embed.html and embed.type == "video"


@pytest.mark.parametrize(
    "url",
    [
        "https://vimeo.com/123",
        "https://www.youtube.com/",
        "javascript:alert(1)",
        "https://evil.example/watch?v=abc",
    ],
)
def test_embed_other_addresses_are_refused(url):
    assert parse_video_url(url) is None


def test_video_page_refuses_non_video_embed_address(home_page):
    from django.core.exceptions import ValidationError

    from home.models import VideoIndexPage, VideoPage

    index = home_page.add_child(instance=VideoIndexPage(title="Video hoạt động"))
    with pytest.raises(ValidationError) as error:
        index.add_child(instance=VideoPage(title="Video", embed_url="https://vimeo.com/123"))
    assert "embed_url" in error.value.message_dict


def test_video_admin_pages_render(uploader):
    post_video(uploader, "hoi-nghi.mp4", mp4_bytes())
    video = Video.objects.get()

    add = uploader.get(ADD_URL)
    edit = uploader.get(f"/admin/snippets/media_library/video/edit/{video.id}/")
    listing = uploader.get("/admin/snippets/media_library/video/")

    assert add.status_code == edit.status_code == listing.status_code == 200
    assert 'type="file"' in add.content.decode() and video.title in listing.content.decode()
