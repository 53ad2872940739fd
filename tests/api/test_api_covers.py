"""What listings and details show for videos and galleries without a cover (issue 16,
defect 11), the site's share image and logo, and a page's last change (defect 16)."""

import os
import stat
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from wagtail.models import Site

from home.models import (
    GalleryImage,
    GalleryPage,
    SiteSettings,
    VideoIndexPage,
    VideoPage,
)
from media_library import posters
from media_library.models import Video
from tests.api.test_api_queries import LISTING_QUERY_BOUND
from tests.api_support import make_image, publish


@pytest.fixture
def video_index(home_page) -> VideoIndexPage:
    return home_page.add_child(instance=VideoIndexPage(title="Video hoạt động"))


def make_gallery(index, title: str, photos: list, days_ago: int = 0, **fields) -> GalleryPage:
    gallery = GalleryPage(
        title=title,
        publication_date=timezone.now() - timedelta(days=days_ago),
        **fields,
    )
    # Stored out of order: the first photo is the one with the lowest sort order.
    gallery.gallery_images = [
        GalleryImage(image=image, sort_order=len(photos) - i) for i, image in enumerate(photos)
    ]
    index.add_child(instance=gallery)
    return publish(gallery)


def make_video_file(title: str, poster=None) -> Video:
    return Video.objects.create(
        title=title, file=SimpleUploadedFile("clip.mp4", b"\x00\x00\x00\x18ftypmp42"), poster=poster
    )


def make_video(index, title: str, days_ago: int = 0, **fields) -> VideoPage:
    video = VideoPage(
        title=title, publication_date=timezone.now() - timedelta(days=days_ago), **fields
    )
    index.add_child(instance=video)
    return publish(video)


def item_titled(api, url: str, title: str) -> dict:
    return next(item for item in api.get(url).json()["items"] if item["title"] == title)


def test_gallery_without_cover_shows_its_first_photo(api, gallery_index):
    first, second = make_image("Khai mạc"), make_image("Bế mạc")
    gallery = make_gallery(gallery_index, "Đại hội", [second, first])

    item = item_titled(api, "/api/v2/pages/?type=gallery", "Đại hội")
    detail = api.get(f"/api/v2/pages/{gallery.id}/").json()

    assert item["thumbnail"]["alt"] == first.default_alt_text == "Mô tả Khai mạc"
    assert item["thumbnail"]["width"] == 480
    assert detail["thumbnail"] == item["thumbnail"]
    assert detail["seo"]["og_image"]["width"] == 1200
    # The latest-galleries block every page shows gets it too.
    latest = api.get("/api/v2/galleries/latest/").json()["items"]
    assert latest[0]["thumbnail"] == item["thumbnail"]


def test_gallery_cover_wins_over_its_first_photo(api, gallery_index):
    cover, photo = make_image("Bìa", size=(900, 600)), make_image("Ảnh 1", size=(600, 900))
    make_gallery(gallery_index, "Có bìa", [photo], cover_image=cover)

    item = item_titled(api, "/api/v2/pages/?type=gallery", "Có bìa")

    assert item["thumbnail"]["alt"] == cover.default_alt_text


def test_gallery_first_photo_is_the_lowest_sort_order(api, gallery_index):
    # alt texts tell the photos apart
    first, other = make_image("Ảnh đầu"), make_image("Ảnh sau")
    first.alt_text, other.alt_text = "Ảnh đầu tiên", "Ảnh thứ hai"
    first.save()
    other.save()
    make_gallery(gallery_index, "Thứ tự", [other, first])

    item = item_titled(api, "/api/v2/pages/?type=gallery", "Thứ tự")

    assert item["thumbnail"]["alt"] == "Ảnh đầu tiên"


def test_video_without_cover_shows_its_file_poster(api, video_index):
    poster = make_image("Khung hình")
    poster.alt_text = "Khung hình video"
    poster.save()
    video = make_video(video_index, "Video tải lên", video=make_video_file("Clip", poster))

    item = item_titled(api, "/api/v2/pages/?type=video", "Video tải lên")
    detail = api.get(f"/api/v2/pages/{video.id}/").json()

    assert item["thumbnail"]["alt"] == "Khung hình video"
    assert detail["thumbnail"] == item["thumbnail"]
    assert detail["seo"]["og_image"]["width"] == 1200


def test_video_page_poster_wins_over_the_file_poster(api, video_index):
    page_poster, file_poster = make_image("Ảnh trang"), make_image("Ảnh tệp")
    page_poster.alt_text = "Ảnh của trang"
    page_poster.save()
    make_video(
        video_index,
        "Có ảnh",
        video=make_video_file("Clip", file_poster),
        cover_image=page_poster,
    )

    item = item_titled(api, "/api/v2/pages/?type=video", "Có ảnh")

    assert item["thumbnail"]["alt"] == "Ảnh của trang"


def test_youtube_video_without_cover_shows_youtubes_still(api, video_index):
    video = make_video(video_index, "Video YouTube", embed_url="https://youtu.be/Hq7vK2xLm0A")
    make_video(
        video_index, "Video Facebook", embed_url="https://www.facebook.com/abc/videos/123456/"
    )

    item = item_titled(api, "/api/v2/pages/?type=video", "Video YouTube")
    facebook = item_titled(api, "/api/v2/pages/?type=video", "Video Facebook")
    detail = api.get(f"/api/v2/pages/{video.id}/").json()

    still = "https://i.ytimg.com/vi/Hq7vK2xLm0A/hqdefault.jpg"
    assert item["thumbnail"] == {
        "url": still,
        "fallback_url": still,
        "width": 480,
        "height": 360,
        "alt": "",
    }
    assert detail["seo"]["og_image"] == {"url": still, "width": 480, "height": 360}
    assert facebook["thumbnail"] is None


def test_uploaded_video_without_any_poster_has_no_thumbnail(api, video_index):
    make_video(video_index, "Không ảnh", video=make_video_file("Clip"))

    assert item_titled(api, "/api/v2/pages/?type=video", "Không ảnh")["thumbnail"] is None


@pytest.mark.parametrize("limit", [3, 30])
def test_listing_of_coverless_galleries_and_videos_stays_within_the_bound(
    api, gallery_index, video_index, limit, settings, django_assert_max_num_queries
):
    settings.API_SUMMARY_CACHE = False
    photos = [make_image(f"Ảnh {i}", size=(300, 200)) for i in range(3)]
    for i in range(15):
        make_gallery(gallery_index, f"Album {i}", photos[i % 3 :], days_ago=i)
        poster = photos[i % 3]
        make_video(video_index, f"Video {i}", days_ago=i, video=make_video_file(f"C{i}", poster))
    url = f"/api/v2/pages/?type=gallery,video&limit={limit}"
    api.get("/api/v2/pages/?type=gallery,video&limit=30")  # renditions made once

    # Beyond a listing of covered pages: each page type's own fields, the galleries' first
    # photos and the videos' posters, one query each, whatever the page size.
    with django_assert_max_num_queries(LISTING_QUERY_BOUND + 3):
        items = api.get(url + "&_=measured").json()["items"]

    assert len(items) == limit
    assert all(item["thumbnail"] for item in items)


def test_detail_has_the_last_publication_time(api, gallery_index):
    gallery = make_gallery(gallery_index, "Cập nhật", [make_image()])

    detail = api.get(f"/api/v2/pages/{gallery.id}/").json()

    assert detail["updated_at"] is not None
    assert detail["updated_at"][:19] == gallery.last_published_at.isoformat()[:19]


def test_site_settings_give_the_share_image_and_logo(api, home_page):
    settings_row = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings_row.share_image = make_image("Ảnh chia sẻ", size=(1600, 900))
    settings_row.logo = make_image("Biểu trưng", size=(400, 400))
    settings_row.save()

    data = api.get("/api/v2/site-settings/").json()

    assert data["share_image"]["width"] == 1200 and data["share_image"]["height"] == 630
    assert data["share_image"]["url"].startswith("http://testserver/")
    assert data["logo"]["url"].endswith(".png")
    assert data["logo"]["height"] == 240


def test_site_settings_without_images_give_none(api, home_page):
    data = api.get("/api/v2/site-settings/").json()

    assert data["share_image"] is None and data["logo"] is None


# Poster frames with ffmpeg: a stand-in ffmpeg on PATH writes the frame ffmpeg would.

FAKE_FFMPEG = """#!{python}
import sys
from PIL import Image
Image.new("RGB", (640, 360), (10, 120, 40)).save(sys.argv[-1], format="JPEG")
"""


@pytest.fixture
def fake_ffmpeg(tmp_path, monkeypatch):
    import sys

    program = tmp_path / "ffmpeg"
    program.write_text(FAKE_FFMPEG.format(python=sys.executable))
    program.chmod(program.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    return program


def test_uploaded_video_gets_a_frame_as_poster_when_ffmpeg_is_installed(
    db, fake_ffmpeg, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        video = make_video_file("Hội nghị")

    video.refresh_from_db()
    assert video.poster is not None
    assert (video.poster.width, video.poster.height) == (640, 360)
    assert video.poster.title == "Hội nghị"


def test_chosen_poster_is_never_replaced_by_a_frame(
    db, fake_ffmpeg, django_capture_on_commit_callbacks
):
    chosen = make_image("Ảnh chọn")
    with django_capture_on_commit_callbacks(execute=True):
        video = make_video_file("Hội nghị", chosen)

    video.refresh_from_db()
    assert video.poster_id == chosen.id


def test_without_ffmpeg_a_video_simply_has_no_poster(
    db, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(posters.shutil, "which", lambda name: None)
    with django_capture_on_commit_callbacks(execute=True):
        video = make_video_file("Hội nghị")

    video.refresh_from_db()
    assert video.poster is None
    assert posters.make_poster(video) is False


def test_make_video_posters_gives_older_videos_a_frame(db, monkeypatch, fake_ffmpeg):
    from django.core.management import call_command

    monkeypatch.setattr(posters.shutil, "which", lambda name: None)
    older = make_video_file("Video cũ")  # uploaded while ffmpeg was missing
    assert Video.objects.get(pk=older.pk).poster is None
    monkeypatch.undo()
    monkeypatch.setenv("PATH", f"{fake_ffmpeg.parent}{os.pathsep}{os.environ['PATH']}")

    call_command("make_video_posters", verbosity=0)

    assert Video.objects.get(pk=older.pk).poster.width == 640


def test_make_video_posters_without_ffmpeg_is_an_error(db, monkeypatch):
    from django.core.management import CommandError, call_command

    monkeypatch.setattr(posters.shutil, "which", lambda name: None)

    with pytest.raises(CommandError, match="ffmpeg"):
        call_command("make_video_posters")
