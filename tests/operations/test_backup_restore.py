"""Backup and restore (``manage.py backup_site`` / ``restore_site``): the content deleted
after the backup is served again after the restore, with its files; content made after the
backup is gone, and not served from the API's cache either (issue 18).

On the test database (SQLite in memory, or PostgreSQL with DATABASE_URL), with media on
disk and on the loopback S3 server.
"""

import io
import json
import tarfile

import pytest
from django.core.files.storage import storages
from django.core.management import CommandError, call_command
from wagtail.images import get_image_model

from tests.api_support import image_block, make_article
from tests.media_support import jpeg_bytes, upload

# serialized_rollback: the flush after each test must not take what migrations made.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def every_file() -> dict[str, bytes]:
    found = {}
    for alias in ("default", "originals", "documents"):
        storage = storages[alias]

        def walk(folder: str = "", storage=storage, alias=alias) -> None:
            try:
                folders, files = storage.listdir(folder)
            except FileNotFoundError:
                return
            for name in files:
                with storage.open(f"{folder}{name}", "rb") as f:
                    found[f"{alias}:{folder}{name}"] = f.read()
            for name in folders:
                walk(f"{folder}{name}/")

        walk()
    return found


def snapshot(api, article_id: int) -> dict:
    return {
        url: (response.status_code, response.content)
        for url in (
            "/api/v2/pages/?type=article",
            f"/api/v2/pages/{article_id}/",
            "/feeds/rss/",
            "/feeds/atom/",
        )
        for response in [api.get(url)]
    }


def round_trip(api, section, tmp_path) -> None:
    image = get_image_model().objects.create(
        title="Hội nghị", file=upload("hoi-nghi.jpg", jpeg_bytes((1600, 900)), "image/jpeg")
    )
    article = make_article(section, "Bài trước khi sao lưu", body=[image_block(image)])
    before = snapshot(api, article.id)
    assert before[f"/api/v2/pages/{article.id}/"][0] == 200
    files = every_file()
    assert any(key.startswith("originals:") for key in files)
    assert sum(".webp" in key for key in files) >= 3  # the body image's renditions

    archive = tmp_path / "site.tar.gz"
    out = io.StringIO()
    call_command("backup_site", str(archive), stdout=out)
    with tarfile.open(archive) as tar:
        manifest = json.loads(tar.extractfile("manifest.json").read())
    assert set(manifest["files"]) >= {f"storage/{k.replace(':', '/', 1)}" for k in files} - {
        f"storage/documents/{k.split(':', 1)[1]}" for k in files if k.startswith("documents:")
    }
    assert "SECRET_KEY" not in json.dumps(manifest)

    # After the backup: the article and its image are deleted, files lost, and a new
    # article is published and cached by the API
    article.delete()
    image.delete()
    for key in every_file():
        alias, name = key.split(":", 1)
        storages[alias].delete(name)
    later = make_article(section, "Bài sau khi sao lưu")
    listing = api.get("/api/v2/pages/?type=article").json()
    assert [i["id"] for i in listing["items"]] == [later.id]

    call_command("restore_site", str(archive), stdout=io.StringIO())

    # Every response and file is as it was; the later article is served nowhere
    assert snapshot(api, article.id) == before
    assert every_file() == files
    assert api.get(f"/api/v2/pages/{later.id}/").status_code == 404


def test_backup_and_restore_with_media_on_disk(api, section, disk_storage, tmp_path):
    round_trip(api, section, tmp_path)


def test_backup_and_restore_with_media_on_s3(api, section, s3, tmp_path):
    round_trip(api, section, tmp_path)
    assert any(key.startswith("private/original_images/") for key in s3.keys(""))


def test_a_damaged_archive_is_refused_before_anything_changes(api, section, disk_storage, tmp_path):
    make_article(section, "Bài còn nguyên")
    archive = tmp_path / "site.tar.gz"
    call_command("backup_site", str(archive), stdout=io.StringIO())
    damaged = tmp_path / "damaged.tar.gz"
    with tarfile.open(archive) as source, tarfile.open(damaged, "w:gz") as target:
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name.startswith("database."):
                data = data[:-1] + bytes([data[-1] ^ 1])
            target.addfile(member, io.BytesIO(data))
    kept = make_article(section, "Bài sau")

    with pytest.raises(CommandError, match="checksum"):
        call_command("restore_site", str(damaged), stdout=io.StringIO())
    assert api.get(f"/api/v2/pages/{kept.id}/").status_code == 200
