"""Upload safety: what a file must be before it is stored.

Every check looks at the content, never only at the name, and refuses with a message an
editor can act on. Large files (videos) are only ever read at their head, never whole.
"""

import io
import zipfile
from typing import IO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, JpegImagePlugin

SVG_REFUSED = _(
    "SVG images are not accepted: an SVG file can carry scripts. "
    "Export the picture as PNG or JPEG and upload that instead."
)
IMAGE_BOMB = _(
    "This image is too large to open safely (a “decompression bomb”): it declares more "
    "pixels than the %(max_pixels)s allowed."
)
IMAGE_BROKEN = _("This image is damaged or incomplete and cannot be opened.")
VIDEO_NOT_VIDEO = _("This file is not an MP4 or WebM video (its content was checked).")
VIDEO_TOO_LARGE = _("This video is too big (%(size)s). The largest video accepted is %(max)s.")
CAPTIONS_INVALID = _("Captions must be a WebVTT file (.vtt) in UTF-8 whose first line is “WEBVTT”.")
CAPTIONS_TOO_LARGE = _("This captions file is too big (%(size)s). The limit is %(max)s.")
DOCUMENT_MISMATCH = _(
    "The content of this file is not a .%(extension)s document. "
    "Upload the original file, not a renamed one."
)
DOCUMENT_TOO_LARGE = _("This document is too big (%(size)s). The limit is %(max)s.")

CAPTIONS_MAX_SIZE = 2 * 1024 * 1024

# ISO base media brands that are still images, not videos (HEIC, AVIF).
_IMAGE_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"mif1", b"msf1", b"avif", b"avis"}
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def read_head(file: IO[bytes], size: int = 1024) -> bytes:
    """The first bytes of a file, leaving it at its start."""
    file.seek(0)
    head = file.read(size)
    file.seek(0)
    return head


def looks_like_svg(name: str, head: bytes) -> bool:
    if name.lower().endswith((".svg", ".svgz")):
        return True
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return text.startswith((b"<?xml", b"<svg", b"<!doctype svg")) or b"<svg" in text


def refuse_above(file: File, max_size: int, message, code: str) -> None:
    """A size limit; the message has ``%(size)s`` and ``%(max)s``."""
    if file.size > max_size:
        raise ValidationError(
            message,
            code=code,
            params={"size": filesizeformat(file.size), "max": filesizeformat(max_size)},
        )


# --- Images -------------------------------------------------------------------


def clean_image(file: File) -> File:
    """Decode the whole image and store it without metadata, turned the way it is seen.

    EXIF (GPS position, camera serial numbers, …) and XMP are dropped; the EXIF orientation
    is applied to the pixels first, so that the picture still stands upright. The colour
    profile is kept. GIFs are stored as uploaded, after a full decode: they carry no EXIF.
    Raises ValidationError for damaged images.
    """
    file.seek(0)
    try:
        with Image.open(file) as image:
            image_format = image.format
            frames = getattr(image, "n_frames", 1)
            if image_format == "GIF":
                for index in range(frames):
                    image.seek(index)
                    image.load()
                file.seek(0)
                return file
            image.load()
            output = io.BytesIO()
            _save_without_metadata(image, image_format, frames, read_head(file, 64), output)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise image_bomb_error() from error
    except (OSError, ValueError, SyntaxError, EOFError) as error:
        raise ValidationError(IMAGE_BROKEN, code="image_broken") from error
    output.seek(0)
    return File(output, name=file.name)


def _save_without_metadata(
    image: Image.Image, image_format: str, frames: int, head: bytes, output: IO[bytes]
) -> None:
    params: dict = {}
    if icc_profile := image.info.get("icc_profile"):
        params["icc_profile"] = icc_profile
    if image_format == "JPEG":
        # Re-encode with the original quantisation tables and subsampling: no visible loss.
        params["qtables"] = image.quantization
        subsampling = JpegImagePlugin.get_sampling(image)
        if subsampling != -1:
            params["subsampling"] = subsampling
    elif image_format == "PNG":
        if "transparency" in image.info:
            params["transparency"] = image.info["transparency"]
    elif image_format == "WEBP":
        # A VP8L chunk means the original was lossless; keep it so.
        if head[12:16] == b"VP8L":
            params["lossless"] = True
        else:
            params["quality"] = 90
    elif image_format == "AVIF":
        params["quality"] = 90
    if frames > 1:
        # Animations keep their frames; their EXIF is dropped but not applied (rare, and
        # rotating every frame is not worth the risk of breaking the animation).
        image.seek(0)
        image.save(output, image_format, save_all=True, **params)
    else:
        ImageOps.exif_transpose(image, in_place=True)  # no copy of the pixels
        image.save(output, image_format, **params)


def image_bomb_error() -> ValidationError:
    max_pixels = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
    return ValidationError(
        IMAGE_BOMB, code="image_bomb", params={"max_pixels": f"{max_pixels:,}".replace(",", ".")}
    )


# --- Videos -------------------------------------------------------------------


def validate_video_file(file: File) -> None:
    """MP4 (ISO base media, not a still image) or WebM (EBML with a webm doctype), by content."""
    refuse_above(file, settings.VIDEO_MAX_UPLOAD_SIZE, VIDEO_TOO_LARGE, "video_too_large")
    head = read_head(file, 64)
    extension = file.name.rsplit(".", 1)[-1].lower()
    is_mp4 = head[4:8] == b"ftyp" and head[8:12] not in _IMAGE_BRANDS
    is_webm = head[:4] == b"\x1a\x45\xdf\xa3" and b"webm" in head
    if not ((extension == "mp4" and is_mp4) or (extension == "webm" and is_webm)):
        raise ValidationError(VIDEO_NOT_VIDEO, code="not_video")


def validate_captions_file(file: File) -> None:
    refuse_above(file, CAPTIONS_MAX_SIZE, CAPTIONS_TOO_LARGE, "captions_too_large")
    file.seek(0)
    content = file.read()
    file.seek(0)
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValidationError(CAPTIONS_INVALID, code="captions_invalid") from error
    first_line = text.split("\n", 1)[0].rstrip("\r")
    if not (first_line == "WEBVTT" or first_line.startswith(("WEBVTT ", "WEBVTT\t"))):
        raise ValidationError(CAPTIONS_INVALID, code="captions_invalid")


# --- Documents ----------------------------------------------------------------


def _zip_names(file: File) -> set[str]:
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as archive:
            return set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return set()
    finally:
        file.seek(0)


def _opendocument_type(file: File) -> bytes:
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as archive:
            return archive.read("mimetype").strip()
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        return b""
    finally:
        file.seek(0)


def document_matches_extension(file: File, extension: str) -> bool:
    head = read_head(file)
    if extension == "pdf":
        return b"%PDF-" in head
    if extension in {"doc", "xls"}:
        return head.startswith(_OLE2_MAGIC)
    if not head.startswith(b"PK\x03\x04"):
        return False
    if extension in {"docx", "xlsx"}:
        folder = "word/" if extension == "docx" else "xl/"
        names = _zip_names(file)
        return "[Content_Types].xml" in names and any(n.startswith(folder) for n in names)
    if extension in {"odt", "ods"}:
        kind = b"text" if extension == "odt" else b"spreadsheet"
        return _opendocument_type(file) == b"application/vnd.oasis.opendocument." + kind
    return False


def validate_document_file(file: File) -> None:
    refuse_above(file, settings.DOCUMENT_MAX_UPLOAD_SIZE, DOCUMENT_TOO_LARGE, "document_too_large")
    extension = file.name.rsplit(".", 1)[-1].lower() if "." in file.name else ""
    # An extension outside WAGTAILDOCS_EXTENSIONS is refused by Wagtail's own check.
    if extension in settings.WAGTAILDOCS_EXTENSIONS and not document_matches_extension(
        file, extension
    ):
        raise ValidationError(
            DOCUMENT_MISMATCH, code="document_mismatch", params={"extension": extension}
        )
