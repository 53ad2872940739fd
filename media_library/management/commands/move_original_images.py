"""Move image originals uploaded before they became private into the private storage.

    $ manage.py move_original_images --dry-run     # list what would move
    $ manage.py move_original_images

Older originals sit under their file name in the public ``default`` storage
(``original_images/photo.jpg``: ``/media/original_images/photo.jpg`` on disk, the public
``media/`` prefix of the bucket). Each is copied to the ``originals`` storage under an
unguessable key (``original_images/<random>/photo.jpg``), the copy is read back and compared
with the original, the image row is pointed at the copy, and only then is the public file
deleted: an interrupted run loses nothing and leaves every row pointing at a file. Renditions
are untouched (neither their rows nor their files depend on the original's key).

Idempotent: originals already under a random key are skipped without touching storage, so
``make migrate`` runs it at every deploy.
"""

import posixpath

from django.conf import settings
from django.core.files.storage import Storage, storages
from django.core.management.base import BaseCommand, CommandError
from wagtail.images import get_image_model
from wagtail.images.models import AbstractImage
from wagtail.utils.file import hash_filelike

from media_library.storage import is_unguessable_original_path, random_original_folder


class Command(BaseCommand):
    help = "Move image originals from the public media storage into the private originals one."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="List what would move and change nothing."
        )

    def handle(self, *args, dry_run: bool = False, verbosity: int = 1, **options) -> None:
        if "originals" not in settings.STORAGES:
            self.stdout.write("No separate originals storage is configured: nothing to move.")
            return
        image_model = get_image_model()
        public, private = storages["default"], image_model._meta.get_field("file").storage
        rows = list(image_model.objects.order_by("id").values_list("id", "file"))
        legacy = [(i, name) for i, name in rows if name and not is_unguessable_original_path(name)]
        moved = missing = 0
        already_private = len(rows) - len(legacy)
        for image_id, name in legacy:
            if not public.exists(name):
                if private.exists(name):
                    already_private += 1  # moved by hand under the same key
                else:
                    # Nothing to move, and nothing readers could get either; say so.
                    self.stderr.write(f"Image {image_id}: {name} is in neither storage.")
                    missing += 1
                continue
            if dry_run:
                self.stdout.write(f"Would move image {image_id}: {name}")
                moved += 1
                continue
            new_name = self.move(image_model, image_id, name, public, private)
            if new_name is None:
                self.stderr.write(f"Image {image_id} changed while it was moved; run again.")
                continue
            moved += 1
            if verbosity > 1:
                self.stdout.write(f"Moved image {image_id}: {name} -> {new_name}")
        self.stdout.write(
            f"{'Would move' if dry_run else 'Moved'} {moved} original(s) into private storage; "
            f"{already_private} already private; {missing} missing."
        )

    def move(
        self,
        image_model: type[AbstractImage],
        image_id: int,
        name: str,
        public: Storage,
        private: Storage,
    ) -> str | None:
        """Copy, check, repoint, then delete; the new key, or None if the image changed."""
        with public.open(name, "rb") as source:
            digest = hash_filelike(source)
            source.seek(0)
            new_name = private.save(
                posixpath.join(random_original_folder(), posixpath.basename(name)), source
            )
        with private.open(new_name, "rb") as copy:
            copied = hash_filelike(copy)
        if copied != digest:
            private.delete(new_name)
            raise CommandError(f"Image {image_id}: the copy of {name} differs; nothing changed.")
        # Only if the row still names the old file (an editor may have replaced it meanwhile).
        if not image_model.objects.filter(id=image_id, file=name).update(file=new_name):
            private.delete(new_name)
            return None
        public.delete(name)
        return new_name
