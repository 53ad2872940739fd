"""Benchmark of the media library: renditions, a large image upload, a 500 MB video upload.

    .venv/bin/python bench/media.py              # media on local disk (the embedded default)
    .venv/bin/python bench/media.py --s3         # media in a bucket of a local S3 server (moto)
    .venv/bin/python bench/media.py --video-mb 100 --images 1

Runs the production settings (DEBUG off) on a fresh SQLite database in a temporary VAR_DIR
and drives the real admin views through Django's WSGI handler in this process, logged in as
a superuser, the request body streamed from disk as a server would hand it over:

- rendition generation per 12 MP JPEG for the full publish set (media_library.renditions:
  the srcset widths in WebP and AVIF, the fallback, and a cover image's crops), median of N;
- the upload of a 20 MB JPEG through the multiple uploader (sniffing, pixel checks, EXIF
  stripping, storage, hashing), median of N;
- peak resident memory of this process while a 500 MB MP4 is uploaded through the video
  form, above the idle process (RSS sampled every 2 ms; VmHWM reset before the upload).
  The target is under 150 MB above idle: the upload must be streamed, not buffered.
"""

import argparse
import contextlib
import io
import os
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.common import ROOT, environment, free_port, start_server, stop  # noqa: E402

BOUNDARY = "----tttd-bench-boundary"
MB = 1024 * 1024


def start_s3() -> subprocess.Popen:
    """moto's S3 server in its own process, so that its in-memory objects are not ours."""
    port = free_port()
    server = start_server(
        [str(ROOT / ".venv" / "bin" / "moto_server"), "-H", "127.0.0.1", "-p", str(port)],
        f"http://127.0.0.1:{port}/",
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.environ.update(
        AWS_STORAGE_BUCKET_NAME=f"bench-{uuid.uuid4().hex[:8]}",
        AWS_S3_ENDPOINT_URL=f"http://127.0.0.1:{port}",
        AWS_S3_REGION_NAME="us-east-1",
        AWS_ACCESS_KEY_ID="bench",
        AWS_SECRET_ACCESS_KEY="bench",
    )
    return server


def setup_django(var_dir: str) -> None:
    os.environ.update(environment(None, var_dir))  # a fresh SQLite file in var_dir
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test.utils import override_settings

    # Admin pages link static files; the bench has not run collectstatic.
    override_settings(
        STORAGES={
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        }
    ).enable()
    call_command("migrate", verbosity=0)
    if "AWS_STORAGE_BUCKET_NAME" in os.environ:
        call_command("setup_media_bucket", stdout=io.StringIO())


# --- Memory -------------------------------------------------------------------


def rss_bytes() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def vm_hwm_bytes() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    return 0


class PeakSampler:
    """The highest RSS seen while running, sampled every 2 ms (and the kernel's VmHWM)."""

    def __enter__(self):
        with contextlib.suppress(OSError):
            Path("/proc/self/clear_refs").write_text("5")  # reset VmHWM to the current RSS
        self.peak = rss_bytes()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def _run(self) -> None:
        while not self._stop.wait(0.002):
            self.peak = max(self.peak, rss_bytes())

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, rss_bytes(), vm_hwm_bytes())


# --- Requests -----------------------------------------------------------------


class ChainedReader:
    """A request body made of byte strings and files, read in chunks like a socket."""

    def __init__(self, parts: list) -> None:
        self.parts = [io.BytesIO(p) if isinstance(p, bytes) else p for p in parts]

    def read(self, size: int = -1) -> bytes:
        chunks = []
        while self.parts and (size < 0 or size > 0):
            chunk = self.parts[0].read(size)
            if not chunk:
                self.parts.pop(0)
                continue
            chunks.append(chunk)
            if size > 0:
                size -= len(chunk)
        return b"".join(chunks)

    def readline(self, size: int = -1) -> bytes:
        raise NotImplementedError


def multipart(fields: dict, file_field: str, file_name: str, file_path: Path, mime: str):
    head = b"".join(
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        for name, value in fields.items()
    )
    head += (
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{file_field}"; '
        f'filename="{file_name}"\r\nContent-Type: {mime}\r\n\r\n'
    ).encode()
    tail = f"\r\n--{BOUNDARY}--\r\n".encode()
    length = len(head) + file_path.stat().st_size + len(tail)
    return ChainedReader([head, file_path.open("rb"), tail]), length


class Admin:
    """Posts to the admin through the WSGI handler, as the logged-in superuser."""

    def __init__(self) -> None:
        from django.contrib.auth import get_user_model
        from django.core.handlers.wsgi import WSGIHandler
        from django.test import Client
        from django.utils.crypto import get_random_string

        user = get_user_model().objects.create_superuser("bench", "bench@example.com", "x")
        client = Client()
        client.force_login(user)
        self.session = client.cookies["sessionid"].value
        self.csrf = get_random_string(32)
        self.handler = WSGIHandler()

    def post_file(self, path: str, file_field: str, file_path: Path, name: str, fields: dict):
        body, length = multipart(
            {"csrfmiddlewaretoken": self.csrf, **fields}, file_field, name, file_path, "x/y"
        )
        environ = {
            "REQUEST_METHOD": "POST",
            "PATH_INFO": path,
            "SCRIPT_NAME": "",
            "QUERY_STRING": "",
            "SERVER_NAME": "localhost",
            "SERVER_PORT": "80",
            "HTTP_HOST": "localhost",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "CONTENT_TYPE": f"multipart/form-data; boundary={BOUNDARY}",
            "CONTENT_LENGTH": str(length),
            "HTTP_COOKIE": f"sessionid={self.session}; csrftoken={self.csrf}",
            "HTTP_X_REQUESTED_WITH": "XMLHttpRequest",
            "wsgi.input": body,
            "wsgi.url_scheme": "http",
            "wsgi.errors": sys.stderr,
            "wsgi.multithread": False,
            "wsgi.multiprocess": False,
            "wsgi.run_once": False,
            "wsgi.version": (1, 0),
        }
        status = []
        response = self.handler(environ, lambda s, headers, exc_info=None: status.append(s))
        content = b"".join(response)
        response.close()
        return status[0], content


# --- Sample files -------------------------------------------------------------


def photo(path: Path, size: tuple[int, int], quality: int) -> Path:
    """A photograph-like JPEG: smooth gradients under fine noise (noise alone is unlike
    any photo, a flat colour compresses to nothing)."""
    from PIL import Image

    width, height = size
    gradient = Image.linear_gradient("L").resize(size)
    noise = Image.effect_noise(size, 40)
    picture = Image.merge("RGB", (gradient, noise, gradient.transpose(Image.Transpose.ROTATE_180)))
    picture.save(path, "JPEG", quality=quality)
    return path


def photo_of_size(path: Path, target_bytes: int) -> Path:
    """A JPEG of about target_bytes, found by growing its pixel count."""
    width = 4000
    while True:
        photo(path, (width, width * 3 // 4), 97)
        if path.stat().st_size >= target_bytes or width >= 8000:
            return path
        width = int(width * (target_bytes / path.stat().st_size) ** 0.5) + 16


def video(path: Path, size_mb: int) -> Path:
    """An MP4-shaped file (an ftyp box, then data) of size_mb, written in 8 MB chunks."""
    ftyp = struct.pack(">I", 24) + b"ftypisom" + struct.pack(">I", 512) + b"isomiso2"
    chunk = os.urandom(8 * MB)
    with path.open("wb") as out:
        out.write(ftyp)
        remaining = size_mb * MB - len(ftyp)
        while remaining > 0:
            out.write(chunk[:remaining])
            remaining -= len(chunk)
    return path


# --- Measures -----------------------------------------------------------------


def bench_renditions(work: Path, count: int) -> dict:
    from django.core.files import File
    from wagtail.images import get_image_model

    from media_library.renditions import generate_renditions, image_srcset_specs, publish_specs

    source = photo(work / "12mp.jpg", (4000, 3000), 90)
    srcset_times, publish_times, srcset_cpu, publish_cpu = [], [], [], []
    for n in range(count):
        image = get_image_model()(title=f"12 MP {n}")
        with source.open("rb") as f:
            image.file.save(f"anh-{n}.jpg", File(f), save=False)
        image._set_image_file_metadata()
        image.save()
        started, cpu = time.perf_counter(), time.process_time()
        for spec in image_srcset_specs(image):
            image.get_rendition(spec)
        srcset_times.append(time.perf_counter() - started)
        srcset_cpu.append(time.process_time() - cpu)
        image.renditions.all().delete()
        started, cpu = time.perf_counter(), time.process_time()
        made = generate_renditions(image, cover=True)
        publish_times.append(time.perf_counter() - started)
        publish_cpu.append(time.process_time() - cpu)
    return {
        "source_mb": source.stat().st_size / MB,
        "srcset": statistics.median(srcset_times),
        "srcset_cpu": statistics.median(srcset_cpu),
        "publish_cpu": statistics.median(publish_cpu),
        "srcset_count": len(image_srcset_specs(image)),
        "publish": statistics.median(publish_times),
        "publish_count": made,
        "publish_specs": publish_specs(image, cover=True),
    }


def bench_image_upload(admin: Admin, work: Path, count: int) -> dict:
    source = photo_of_size(work / "20mb.jpg", 20 * MB)
    times = []
    idle = rss_bytes()
    for n in range(count):
        with PeakSampler() as sampler:
            started = time.perf_counter()
            status, content = admin.post_file(
                "/admin/images/multiple/add/",
                "files[]",
                source,
                f"Ảnh lớn {n}.jpg",
                {"title": f"Ảnh lớn {n}"},
            )
            times.append(time.perf_counter() - started)
        assert status.startswith("200") and b'"success": true' in content, (status, content[:300])
    from PIL import Image

    with Image.open(source) as picture:
        megapixels = picture.width * picture.height / 1e6
    return {
        "size_mb": source.stat().st_size / MB,
        "megapixels": megapixels,
        "seconds": statistics.median(times),
        "peak_above_idle_mb": (sampler.peak - idle) / MB,
    }


def bench_video_upload(admin: Admin, work: Path, size_mb: int) -> dict:
    from django.conf import settings

    from media_library.models import Video

    settings.VIDEO_MAX_UPLOAD_SIZE = max(settings.VIDEO_MAX_UPLOAD_SIZE, (size_mb + 1) * MB)
    warm_up = video(work / "warm.mp4", 4)
    admin.post_file(
        "/admin/snippets/media_library/video/add/", "file", warm_up, "warm.mp4", {"title": "warm"}
    )
    source = video(work / "video.mp4", size_mb)
    idle = rss_bytes()
    with PeakSampler() as sampler:
        started = time.perf_counter()
        status, content = admin.post_file(
            "/admin/snippets/media_library/video/add/",
            "file",
            source,
            "Video hội nghị.mp4",
            {"title": "Video hội nghị", "collection": "1"},
        )
        seconds = time.perf_counter() - started
    stored = Video.objects.get(title="Video hội nghị")
    assert status.startswith("302"), (status, content[:500])
    assert stored.file_size == size_mb * MB
    return {
        "size_mb": size_mb,
        "seconds": seconds,
        "idle_mb": idle / MB,
        "peak_mb": sampler.peak / MB,
        "above_idle_mb": (sampler.peak - idle) / MB,
        "stored_as": stored.file.name,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--s3", action="store_true", help="media in a local S3 server (moto)")
    parser.add_argument("--images", type=int, default=3, help="12 MP images to render")
    parser.add_argument("--uploads", type=int, default=3, help="20 MB uploads to time")
    parser.add_argument("--video-mb", type=int, default=500)
    args = parser.parse_args()

    var_dir = tempfile.mkdtemp(prefix="tttd-bench-media-")
    s3_server = start_s3() if args.s3 else None
    try:
        setup_django(var_dir)
        from PIL import features

        work = Path(var_dir) / "work"
        work.mkdir()
        admin = Admin()
        storage = "S3 (moto server, local)" if args.s3 else "local disk"
        print(f"storage: {storage}; Pillow AVIF: {features.check('avif')}; CPUs: {os.cpu_count()}")

        # The video first, while the process is still at its idle size: images decoded
        # later leave freed memory in the process that would hide a buffered upload.
        v = bench_video_upload(admin, work, args.video_mb)
        verdict = "OK" if v["above_idle_mb"] < 150 else "OVER TARGET"
        print(
            f"video upload, {v['size_mb']} MB MP4: {v['seconds']:.1f} s; RSS idle "
            f"{v['idle_mb']:.0f} MB, peak {v['peak_mb']:.0f} MB, "
            f"{v['above_idle_mb']:.0f} MB above idle (target < 150 MB: {verdict})"
        )
        r = bench_renditions(work, args.images)
        print(
            f"renditions, 12 MP JPEG ({r['source_mb']:.1f} MB), median of {args.images}, "
            f"wall (CPU) per image:\n"
            f"  srcset set ({r['srcset_count']} renditions): {r['srcset']:.2f} s "
            f"({r['srcset_cpu']:.2f} s)\n"
            f"  full publish set of a cover ({r['publish_count']}): {r['publish']:.2f} s "
            f"({r['publish_cpu']:.2f} s)\n  specs: {', '.join(r['publish_specs'])}"
        )
        u = bench_image_upload(admin, work, args.uploads)
        print(
            f"image upload, {u['size_mb']:.1f} MB JPEG ({u['megapixels']:.1f} MP), median of "
            f"{args.uploads}: {u['seconds']:.2f} s; peak RSS {u['peak_above_idle_mb']:.0f} MB "
            "above idle (the image is decoded to check and clean it)"
        )
    finally:
        if s3_server:
            stop(s3_server)
        shutil.rmtree(var_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
