"""Compare the page counts the trigger keeps with a recount, and repair them.

    manage.py page_counts            # exit 1 and list the differences if they differ
    manage.py page_counts --repair   # recount, under a lock that holds off page writers

The trigger keeps them in every transaction that changes a page, so they only differ if pages
were written with triggers off (``session_replication_role = replica``, a data-only restore
with ``--disable-triggers``). ``--repair`` also makes every API response and total change.
"""

import importlib

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from cms.api.cache import bump_api_cache

# The counts as the migration that made them defines them.
_migration = importlib.import_module("cms.api.migrations.0002_featured_counts")
KEY = "prefix, depth, content_type_id, locale_id, alias, featured"
COLUMNS = f"{KEY}, n"


def differences() -> list[tuple]:
    """(prefix, depth, content type, locale, alias, featured, kept, recounted) where they
    differ."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            WITH recounted ({COLUMNS}) AS ({_migration.COUNT_ALL})
            SELECT {KEY}, coalesce(kept.n, 0), coalesce(recounted.n, 0)
            FROM (SELECT * FROM reader_api_pagecount WHERE n <> 0) AS kept
            FULL JOIN recounted USING ({KEY})
            WHERE kept.n IS DISTINCT FROM recounted.n
            ORDER BY {KEY}
            """
        )
        return cursor.fetchall()


class Command(BaseCommand):
    help = "Compare the page counts behind the API's listing totals with a recount; --repair."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--repair", action="store_true", help="recount them")

    def handle(self, *args, repair: bool = False, **options) -> None:
        if connection.vendor != "postgresql":
            self.stdout.write("No page counts on this database: listings are counted.")
            return
        if repair:
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute(
                    "LOCK TABLE wagtailcore_page, home_articlepage IN SHARE ROW EXCLUSIVE MODE"
                )
                cursor.execute("DELETE FROM reader_api_pagecount")
                cursor.execute(
                    f"INSERT INTO reader_api_pagecount ({COLUMNS}) {_migration.COUNT_ALL}"
                )
                bump_api_cache()
            self.stdout.write("Page counts recounted.")
            return
        found = differences()
        if found:
            for *key, kept, recounted in found[:20]:
                self.stderr.write(f"{key}: kept {kept}, recounted {recounted}")
            raise CommandError(
                f"{len(found)} page counts differ from a recount; run page_counts --repair."
            )
        self.stdout.write("Page counts match a recount.")
