"""Take a poster frame of every uploaded video that has none, with ffmpeg.

    $ manage.py make_video_posters

New uploads get theirs by themselves (``media_library.posters``); this is for videos uploaded
before, or before ffmpeg was installed. Without ffmpeg on PATH it says so and does nothing.
"""

from django.core.management.base import BaseCommand, CommandError

from media_library.models import Video
from media_library.posters import ffmpeg_path, make_poster


class Command(BaseCommand):
    help = "Take a poster frame of every uploaded video without a poster (needs ffmpeg)."

    def handle(self, *args, verbosity: int = 1, **options) -> None:
        if ffmpeg_path() is None:
            raise CommandError(
                "ffmpeg is not installed (not found on PATH): no frame can be taken."
            )
        made = failed = 0
        for video in Video.objects.filter(poster__isnull=True).exclude(file="").iterator():
            if make_poster(video):
                made += 1
            else:
                failed += 1
                self.stderr.write(
                    f"No frame could be taken of video {video.pk} ({video.file.name})."
                )
        if verbosity:
            self.stdout.write(f"{made} poster(s) made, {failed} video(s) without a frame.")
