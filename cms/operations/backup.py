"""One archive holds everything needed to rebuild the site:

    site-backup.tar
      manifest.json          format, time, database engine, the settings that are not
                             secrets, and every member's size and SHA-256
      database.dump          pg_dump --format=custom (PostgreSQL), or
      database.sqlite3       a copy made with SQLite's online backup API
      storage/<alias>/<key>  every file of the media storages (default: renditions, videos;
                             originals; documents), on disk or in the S3 bucket alike

Restoring checks every checksum first, then loads the database (pg_restore --clean, or
SQLite's backup API into the live connection), writes the files back through the same
storages, and drops the reader API's cache generation, so nothing cached before the restore
(deleted content included) is served after it.
"""

import datetime
import hashlib
import io
import json
import os
import sqlite3
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import Storage, storages
from django.db import connection

FORMAT = 1
MEDIA_STORAGES = ("default", "originals", "documents")
# Settings an operator needs to rebuild the site the same way; never keys or passwords.
PUBLIC_SETTINGS = (
    "ALLOWED_HOSTS",
    "CMS_BASE_URL",
    "FRONTEND_URL",
    "MEDIA_URL",
    "AWS_STORAGE_BUCKET_NAME",
    "AWS_S3_ENDPOINT_URL",
    "AWS_S3_REGION_NAME",
    "AWS_S3_CUSTOM_DOMAIN",
    "LANGUAGE_CODE",
    "TIME_ZONE",
    "WAGTAIL_SITE_NAME",
)


class BackupError(Exception):
    pass


def _distinct_storages() -> dict[str, Storage]:
    """The media storages, each once: on disk, originals and documents share a folder."""
    seen: dict[tuple, str] = {}
    result = {}
    for alias in MEDIA_STORAGES:
        if alias not in settings.STORAGES:
            continue
        storage = storages[alias]
        identity = (
            type(storage).__name__,
            str(getattr(storage, "location", "")),
            getattr(storage, "bucket_name", ""),
        )
        if identity not in seen:
            seen[identity] = alias
            result[alias] = storage
    return result


def _walk(storage: Storage, folder: str = "") -> Iterator[str]:
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in files:
        yield f"{folder}{name}"
    for name in folders:
        yield from _walk(storage, f"{folder}{name}/")


def _postgres_env() -> tuple[list[str], dict[str, str]]:
    database = connection.settings_dict
    env = {**os.environ, "PGPASSWORD": database["PASSWORD"] or ""}
    args = ["--host", database["HOST"] or "127.0.0.1", "--port", str(database["PORT"] or 5432)]
    args += ["--username", database["USER"] or "postgres", "--dbname", database["NAME"]]
    return args, env


def _dump_database(target: Path) -> str:
    if connection.vendor == "postgresql":
        args, env = _postgres_env()
        command = ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--file"]
        subprocess.run([*command, str(target), *args], env=env, check=True)
        return "database.dump"
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(target) as copy:
            connection.connection.backup(copy)
        copy.close()
        return "database.sqlite3"
    raise BackupError(f"no backup for the {connection.vendor} database")


def _load_database(name: str, source: Path) -> None:
    if name == "database.dump" and connection.vendor == "postgresql":
        connection.close()
        args, env = _postgres_env()
        command = ["pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges"]
        command += ["--single-transaction", "--exit-on-error"]
        subprocess.run([*command, *args, str(source)], env=env, check=True)
    elif name == "database.sqlite3" and connection.vendor == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(source) as backup:
            backup.backup(connection.connection)
        backup.close()
    else:
        raise BackupError(f"{name} cannot be restored into a {connection.vendor} database")


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _add(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(datetime.datetime.now().timestamp())
    archive.addfile(info, io.BytesIO(data))


def backup(path: Path) -> dict:
    """Write the archive to path; returns its manifest."""
    files: dict[str, dict] = {}
    with tarfile.open(path, "w:gz") as archive, tempfile.TemporaryDirectory() as tmp:
        dump = Path(tmp) / "database"
        database_member = _dump_database(dump)
        data = dump.read_bytes()
        _add(archive, database_member, data)
        files[database_member] = {"size": len(data), "sha256": _sha256(data)}
        for alias, storage in _distinct_storages().items():
            for key in _walk(storage):
                with storage.open(key, "rb") as f:
                    data = f.read()
                member = f"storage/{alias}/{key}"
                _add(archive, member, data)
                files[member] = {"size": len(data), "sha256": _sha256(data)}
        manifest = {
            "format": FORMAT,
            "created": datetime.datetime.now(datetime.UTC).isoformat(),
            "database": connection.vendor,
            "settings": {name: getattr(settings, name, None) for name in PUBLIC_SETTINGS},
            "files": files,
        }
        _add(archive, "manifest.json", json.dumps(manifest, indent=1, default=str).encode())
    return manifest


def restore(path: Path) -> dict:
    """Check the archive's checksums, then load the database and the files; returns the
    manifest. Files are written under their own keys, replacing what is there."""
    with tarfile.open(path, "r:gz") as archive:
        manifest = json.loads(archive.extractfile("manifest.json").read())
        if manifest.get("format") != FORMAT:
            raise BackupError(f"unknown backup format {manifest.get('format')!r}")
        contents: dict[str, bytes] = {}
        for member, expected in manifest["files"].items():
            data = archive.extractfile(member).read()
            if _sha256(data) != expected["sha256"]:
                raise BackupError(f"{member}: checksum does not match the manifest")
            contents[member] = data
    database_member = next(m for m in contents if m.startswith("database."))
    with tempfile.TemporaryDirectory() as tmp:
        dump = Path(tmp) / database_member
        dump.write_bytes(contents.pop(database_member))
        _load_database(database_member, dump)
    targets = _distinct_storages()
    for member, data in contents.items():
        _, alias, key = member.split("/", 2)
        storage = targets.get(alias) or storages[alias]
        if storage.exists(key):
            storage.delete(key)
        storage.save(key, ContentFile(data))
    drop_caches()
    return manifest


def drop_caches() -> None:
    """Nothing cached before the restore may be served after it."""
    from wagtail.models import Site

    from cms.api.cache import bump_api_cache

    bump_api_cache()
    Site.clear_site_root_paths_cache()
