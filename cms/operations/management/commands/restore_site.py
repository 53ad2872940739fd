from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cms.operations.backup import BackupError, restore


class Command(BaseCommand):
    help = "Restore a backup_site archive: database, media files; drops the API cache."

    def add_arguments(self, parser) -> None:
        parser.add_argument("archive", type=Path, help="the .tar.gz file backup_site wrote")

    def handle(self, archive: Path, **options) -> None:
        try:
            manifest = restore(archive)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"{archive}: restored {len(manifest['files'])} files")
