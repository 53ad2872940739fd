"""Where media files live: local disk by default, S3-compatible object storage when configured.

Three storages:

- ``default``: renditions and videos. Public: with S3 its objects sit under the ``media/``
  prefix, which the bucket policy makes world-readable, and its URLs carry no expiring
  signature (signed URLs in API responses would expire and break caches).
- ``originals``: the images as uploaded. Never public: readers get renditions only, made from
  the original by the app. On disk it lives outside ``MEDIA_ROOT``; with S3 under ``private/``.
  Keys carry a random folder (``original_images/<random>/photo.jpg``), so that one known
  rendition name (``images/photo.width-960.jpg``) does not give the original's away either.
- ``documents``: attached documents. Never public: on disk outside ``MEDIA_ROOT``; with S3
  under ``private/``, which the bucket policy does not open. Documents are streamed by the app
  (``/documents/<id>/<name>``) after the permission checks in ``media_library.documents``.

Neither private storage sends an ACL: objects are private unless a policy opens them, and
buckets with ACLs disabled (the AWS default) refuse uploads that carry one.
"""

import os
import secrets
import string
from typing import Any

from boto3.s3.transfer import TransferConfig
from botocore.config import Config
from django.conf import settings
from django.core.files.storage import Storage, storages
from django.core.signals import setting_changed
from django.utils.functional import LazyObject, empty

from cms.vietnamese import slugify_vi

PUBLIC_PREFIX = "media"
PRIVATE_PREFIX = "private"
STEM_MAX_LENGTH = 60
ORIGINALS_FOLDER = "original_images"
# 80 random bits in hex: a folder per original that nobody can guess from its file name.
ORIGINAL_KEY_RANDOM_BYTES = 10


def s3_client_config(endpoint_url: str | None) -> Config:
    """Botocore settings for every S3 client of the app.

    Path-style addressing when an endpoint is given (MinIO and most S3-compatible services
    do not resolve ``bucket.host`` names). Short timeouts and few retries, so that an editor
    whose upload cannot be stored gets an answer in seconds, not minutes.
    """
    return Config(
        s3={"addressing_style": "path" if endpoint_url else "auto"},
        signature_version="s3v4",
        connect_timeout=5,
        read_timeout=60,
        retries={"mode": "standard", "max_attempts": 3},
    )


def s3_transfer_config() -> TransferConfig:
    """Multipart uploads with a bounded memory: boto3 holds up to ten 8 MB parts of a file in
    memory at once by default; four parts, sent four at a time, keep a 1 GB video upload
    within a few tens of megabytes."""
    config = TransferConfig(max_concurrency=4, multipart_chunksize=8 * 1024 * 1024)
    config.max_in_memory_upload_chunks = 4
    return config


def s3_storages(
    bucket: str,
    *,
    endpoint_url: str | None = None,
    region: str | None = None,
    custom_domain: str | None = None,
    access_key: str | None = None,
    secret_key: str | None = None,
) -> dict[str, dict[str, Any]]:
    """The ``default``, ``originals`` and ``documents`` entries of ``STORAGES`` for one bucket.

    Only JSON-friendly options go here: Wagtail hands ``storage.deconstruct()`` to a background
    task when it deletes files, so the botocore and transfer settings belong in
    ``AWS_S3_CLIENT_CONFIG`` and ``AWS_S3_TRANSFER_CONFIG``.
    Keys are best left unset: boto3 then reads ``AWS_ACCESS_KEY_ID`` / ``AWS_SECRET_ACCESS_KEY``
    (or an instance role) itself and they never travel with task arguments.
    """
    common = {
        "bucket_name": bucket,
        "endpoint_url": endpoint_url or None,
        "region_name": region or None,
        "file_overwrite": False,
        "default_acl": None,
    }
    if access_key:
        common.update(access_key=access_key, secret_key=secret_key)
    backend = "storages.backends.s3.S3Storage"
    # Under private/, like documents; its (signed) URLs are for the app and staff only.
    private = {**common, "location": PRIVATE_PREFIX, "querystring_auth": True}
    return {
        "default": {
            "BACKEND": backend,
            "OPTIONS": {
                **common,
                "location": PUBLIC_PREFIX,
                "querystring_auth": False,
                "custom_domain": custom_domain or None,
                # Keys never change content (file_overwrite=False), so caches may keep them.
                "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
            },
        },
        "originals": {"BACKEND": backend, "OPTIONS": dict(private)},
        "documents": {"BACKEND": backend, "OPTIONS": dict(private)},
    }


def public_read_policy(bucket: str) -> dict:
    """The bucket policy that publishes ``media/`` and nothing else (originals and documents,
    under ``private/``, stay private).

    Applied by ``manage.py setup_media_bucket``; the README shows it for manual setups.
    """
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "PublicReadMedia",
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": f"arn:aws:s3:::{bucket}/{PUBLIC_PREFIX}/*",
            }
        ],
    }


class _AliasStorage(LazyObject):
    """``storages[alias]``, or the default storage where no such alias is configured (the
    test settings keep every file in one in-memory storage)."""

    alias = "default"

    def _setup(self) -> None:
        self._wrapped = storages[self.alias if self.alias in settings.STORAGES else "default"]


class _DocumentStorage(_AliasStorage):
    alias = "documents"


class _OriginalImageStorage(_AliasStorage):
    alias = "originals"


document_storage = _DocumentStorage()
original_image_storage = _OriginalImageStorage()


def get_document_storage() -> Storage:
    """The documents' storage, as a callable so that migrations do not pin a backend."""
    return document_storage


def get_original_image_storage() -> Storage:
    """The image originals' storage (private), as a callable for the same reason."""
    return original_image_storage


def _reset_storages(*, setting: str, **kwargs: Any) -> None:
    if setting == "STORAGES":
        document_storage._wrapped = empty
        original_image_storage._wrapped = empty


setting_changed.connect(_reset_storages)


def ascii_file_name(filename: str, default_stem: str = "file") -> str:
    """A storage-safe ASCII file name that keeps the words of the original.

    >>> ascii_file_name("Ảnh Đại hội Đảng bộ (1).JPG")
    'anh-dai-hoi-dang-bo-1.jpg'
    """
    stem, extension = os.path.splitext(os.path.basename(filename))
    extension = slugify_vi(extension.lstrip("."), max_length=10)
    stem = slugify_vi(stem, max_length=STEM_MAX_LENGTH) or default_stem
    return f"{stem}.{extension}" if extension else stem


def upload_path(folder: str, filename: str) -> str:
    return f"{folder}/{ascii_file_name(filename)}"


def original_image_path(filename: str) -> str:
    """Where an uploaded original goes: a random folder, then the ASCII file name.

    >>> original_image_path("Ảnh hội nghị.JPG")  # a new random folder each time
    'original_images/3f9c0a1b2d4e5f607182/anh-hoi-nghi.jpg'
    """
    return upload_path(random_original_folder(), filename)


def random_original_folder() -> str:
    return f"{ORIGINALS_FOLDER}/{secrets.token_hex(ORIGINAL_KEY_RANDOM_BYTES)}"


def is_unguessable_original_path(name: str) -> bool:
    """Whether ``name`` has the random folder of ``original_image_path`` (older uploads were
    stored as ``original_images/photo.jpg``, in the public storage)."""
    parts = name.split("/")
    return (
        len(parts) == 3
        and parts[0] == ORIGINALS_FOLDER
        and len(parts[1]) == 2 * ORIGINAL_KEY_RANDOM_BYTES
        and all(c in string.hexdigits for c in parts[1])
    )
