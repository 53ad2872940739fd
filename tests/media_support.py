"""Media test helpers: a real S3 endpoint on loopback (moto's server mode) and sample files.

The S3 fixtures point the storages at the server through settings only; django-storages
and boto3 run unchanged.
"""

import io
import struct
import uuid
import zlib
from collections.abc import Iterator

import boto3
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from moto.server import ThreadedMotoServer
from PIL import Image

from media_library.storage import s3_client_config, s3_storages

S3_KEYS = {"access_key": "testing", "secret_key": "testing"}
REGION = "us-east-1"


class S3:
    """A running S3 endpoint and the bucket the storages were pointed at."""

    def __init__(self, server: ThreadedMotoServer, bucket: str) -> None:
        host, port = server.get_host_and_port()
        self.server = server
        self.endpoint_url = f"http://{host}:{port}"
        self.bucket = bucket
        self.client = boto3.client(
            "s3",
            endpoint_url=self.endpoint_url,
            region_name=REGION,
            aws_access_key_id=S3_KEYS["access_key"],
            aws_secret_access_key=S3_KEYS["secret_key"],
            config=s3_client_config(self.endpoint_url),
        )

    def keys(self, prefix: str = "") -> list[str]:
        response = self.client.list_objects_v2(Bucket=self.bucket, Prefix=prefix)
        return sorted(item["Key"] for item in response.get("Contents", []))

    def stop(self) -> None:
        self.server.stop()


@pytest.fixture
def s3_server() -> Iterator[ThreadedMotoServer]:
    """moto's S3 HTTP server on a free loopback port; stopped at the end (or by the test)."""
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    yield server
    server.stop()  # a second stop, after a test stopped it, returns at once


@pytest.fixture
def s3(s3_server, settings) -> S3:
    """Media, originals and documents in a fresh bucket of the loopback S3 server, as in
    production."""
    s3 = S3(s3_server, f"tttd-{uuid.uuid4().hex[:12]}")
    storages = s3_storages(s3.bucket, endpoint_url=s3.endpoint_url, region=REGION)
    for entry in storages.values():
        entry["OPTIONS"].update(S3_KEYS)
    settings.AWS_S3_CLIENT_CONFIG = s3_client_config(s3.endpoint_url)
    settings.STORAGES = {**settings.STORAGES, **storages}
    # The bucket set up as the README says: created, media/ public, private/ (originals,
    # documents) not.
    call_command("setup_media_bucket", stdout=io.StringIO())
    return s3


@pytest.fixture
def disk_storage(settings, tmp_path):
    """The embedded default (make run) in a temporary folder: public media under media/
    (MEDIA_ROOT, which the app serves at /media/), image originals and documents under
    private/. (The test settings' in-memory storage keeps files between tests and claims
    local paths it cannot serve.)"""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    private = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(tmp_path / "private")},
    }
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "media")},
        },
        "originals": private,
        "documents": private,
    }
    return tmp_path


@pytest.fixture
def uploader(client, contributor):
    """A client logged in as a contributor (cộng tác viên), who may upload media."""
    client.force_login(contributor)
    return client


# --- Sample files ---------------------------------------------------------------


def jpeg_bytes(size=(640, 480), color=(200, 30, 30), exif: Image.Exif | None = None) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(
        buffer, "JPEG", quality=90, exif=exif.tobytes() if exif else b""
    )
    return buffer.getvalue()


def png_bytes(size=(320, 200), color=(30, 30, 200, 255)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGBA", size, color).save(buffer, "PNG")
    return buffer.getvalue()


def exif_with_gps(orientation: int = 6) -> Image.Exif:
    """EXIF as a phone writes it: an orientation and the GPS position of Hà Nội."""
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F] = "PhoneMaker"
    exif[0x8825] = {1: "N", 2: (21.0, 1.0, 42.0), 3: "E", 4: (105.0, 51.0, 12.0)}
    return exif


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_declaring(width: int, height: int) -> bytes:
    """A small PNG whose header declares width x height pixels (a decompression bomb's
    shape: the pixel data is never decoded before the size is refused)."""
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", zlib.compress(b"\x00" * 4096, 9))
        + _png_chunk(b"IEND", b"")
    )


SVG_WITH_SCRIPT = (
    b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(document.cookie)</script><rect width='10' height='10'/></svg>"
)


def mp4_bytes(size: int = 4096) -> bytes:
    """The head of an MP4 file (an ftyp box) padded to size."""
    ftyp = struct.pack(">I", 24) + b"ftypisom" + struct.pack(">I", 512) + b"isomiso2"
    return ftyp + b"\x00" * (size - len(ftyp))


WEBM_HEAD = bytes.fromhex("1a45dfa3") + b"\x9f\x42\x86\x81\x01\x42\xf7\x81\x01\x42\x82\x84webm"


def upload(name: str, content: bytes, content_type: str = "application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def docx_bytes() -> bytes:
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
