import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm
from wagtail.models import Page, Site

from cms.plone_import.export import Export, ExportError
from cms.plone_import.importer import Importer, Options


class Command(BaseCommand):
    help = (
        "Import a Plone site exported with collective.exportimport (a content .json file or "
        "the folder holding it and its export_*.json files). Running it again updates what "
        "changed and duplicates nothing."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("export", help="the content .json file, or the export folder")
        parser.add_argument(
            "--under",
            default="",
            help="URL path of the page to import under (default: the site's home)",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="report what would be done, write nothing"
        )
        parser.add_argument(
            "--with-users",
            action="store_true",
            help="also create Plone members as inactive accounts",
        )
        parser.add_argument(
            "--blob-home",
            default=None,
            help="where relative blob paths start (default: the export folder)",
        )

    def handle(
        self,
        export: str,
        under: str,
        dry_run: bool,
        with_users: bool,
        blob_home: str | None,
        **options,
    ) -> None:
        try:
            plone_export = Export.open(export, blob_home=blob_home)
        except ExportError as error:
            raise CommandError(str(error)) from error
        root = self.root(under)
        show_progress = options.get("verbosity", 1) >= 1
        progress = (
            (lambda items, total=None: tqdm(items, total=total, unit="item", file=sys.stderr))
            if show_progress
            else None
        )
        importer = Importer(
            plone_export,
            Options(root=root, dry_run=dry_run, with_users=with_users, progress=progress),
        )
        report = importer.run()
        for line in report.lines():
            self.stdout.write(line)
        verb = "would be imported" if dry_run else "imported"
        self.stdout.write(
            f"{report.created} created, {report.updated} updated, {report.unchanged} unchanged, "
            f"{report.skipped_count} skipped ({verb})."
        )
        if not dry_run:
            self.stdout.write(f"Skipped and lossy items: {report.write_csv(plone_export.folder)}")

    def root(self, under: str) -> Page:
        site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
        if site is None:
            raise CommandError("No site: create the site's home page first.")
        if not under.strip("/"):
            return site.root_page.specific
        page = site.root_page.specific
        for slug in under.strip("/").split("/"):
            page = page.get_children().filter(slug=slug).first()
            if page is None:
                raise CommandError(f"--under {under}: no such page")
        return page.specific
