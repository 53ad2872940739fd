"""Poster frames of uploaded videos, taken with ffmpeg where the server has it.

ffmpeg is optional: it is looked up on PATH each time (``shutil.which``), and without it a
video simply keeps no poster (readers then see the page's own poster image, if any). A
frame one second in is taken (the first frame is often black), else the first one::

    ffmpeg -nostdin -loglevel error -ss 1 -i <video> -frames:v 1 -q:v 3 <poster>.jpg

The frame becomes an image of the library (so it gets renditions like any cover) and the
video's ``poster``. An editor's own poster is never replaced.
"""

import logging
import shutil
import subprocess
import tempfile
from pathlib import Path

from django.core.files import File
from django.db import transaction
from django_tasks import task
from wagtail.images import get_image_model

from media_library.models import Video

logger = logging.getLogger(__name__)

FRAME_AT_SECONDS = ("1", "0")
FFMPEG_TIMEOUT_SECONDS = 120


def ffmpeg_path() -> str | None:
    return shutil.which("ffmpeg")


def _source(video: Video) -> str:
    """A local path of the video file, or its URL (object storage), which ffmpeg reads too."""
    try:
        return video.file.path
    except NotImplementedError:
        return video.file.url


def extract_frame(ffmpeg: str, source: str, target: Path) -> bool:
    """Write a JPEG frame of ``source`` to ``target``; False when ffmpeg could not."""
    for seconds in FRAME_AT_SECONDS:
        command = [
            ffmpeg,
            "-nostdin",
            "-loglevel",
            "error",
            "-y",
            "-ss",
            seconds,
            "-i",
            source,
            "-frames:v",
            "1",
            "-q:v",
            "3",
            str(target),
        ]
        try:
            subprocess.run(command, check=True, timeout=FFMPEG_TIMEOUT_SECONDS, capture_output=True)
        except (OSError, subprocess.SubprocessError) as error:
            logger.warning("ffmpeg could not take a frame of %s: %s", source, error)
            continue
        if target.exists() and target.stat().st_size > 0:
            return True
    return False


def make_poster(video: Video) -> bool:
    """Give ``video`` a poster frame, if it has none, has a file and ffmpeg is installed."""
    ffmpeg = ffmpeg_path()
    if ffmpeg is None or video.poster_id or not video.file:
        return False
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / f"{Path(video.file.name).stem}-poster.jpg"
        if not extract_frame(ffmpeg, _source(video), target):
            return False
        image_model = get_image_model()
        with target.open("rb") as handle:
            image = image_model(
                title=video.title, collection_id=video.collection_id, file=File(handle, target.name)
            )
            image._set_file_hash()
            image.file_size = target.stat().st_size
            image.save()
    # Only where still empty: an editor may have chosen a poster meanwhile.
    updated = Video.objects.filter(pk=video.pk, poster__isnull=True).update(poster=image)
    if not updated:
        image.delete()
    return bool(updated)


@task()
def make_video_poster(video_id: int) -> None:
    video = Video.objects.filter(pk=video_id).first()
    if video is not None:
        make_poster(video)


def enqueue_video_poster(sender, instance: Video, **kwargs) -> None:
    """post_save of a video: take a poster frame once the upload is committed."""
    if instance.poster_id or not instance.file or ffmpeg_path() is None:
        return
    transaction.on_commit(lambda: make_video_poster.enqueue(instance.pk))
