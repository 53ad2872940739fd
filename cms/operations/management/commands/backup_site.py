from pathlib import Path

from django.core.management.base import BaseCommand

from cms.operations.backup import backup


class Command(BaseCommand):
    help = "Back up the database and every media file into one archive with a manifest."

    def add_arguments(self, parser) -> None:
        parser.add_argument("archive", type=Path, help="the .tar.gz file to write")

    def handle(self, archive: Path, **options) -> None:
        manifest = backup(archive)
        size = sum(f["size"] for f in manifest["files"].values())
        self.stdout.write(f"{archive}: {len(manifest['files'])} files, {size} bytes")
