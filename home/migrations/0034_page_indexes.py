"""Two indexes on Wagtail's page table, for questions asked on every publish and every
explorer listing. Wagtail's page table is not ours to declare indexes on in a model's Meta,
so they are created here in SQL that PostgreSQL and SQLite share.

- The API cache's horizon, the next expiry of a live page (``cms.api.cache._next_expiry``),
  is asked whenever the cache generation is made again, after every publish: without an
  index it read the whole page table (17–21 ms of PostgreSQL at 100,000 articles); with this
  partial index it reads one entry.
- The admin's explorer lists a page's children newest revision first: at 50,000 children
  PostgreSQL read and sorted all of them (65 ms); by (depth, latest revision) it walks them
  in order and stops after the 50 it shows (1.3 ms). PostgreSQL only (see below).
"""

from django.db import migrations


def create_children_index(apps, schema_editor) -> None:
    # Wagtail orders by "-latest_revision_created_at" with NULLS LAST, which SQLite's index
    # syntax cannot say; SQLite sites are small.
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS page_children_by_revision ON wagtailcore_page "
            "(depth, latest_revision_created_at DESC NULLS LAST)"
        )


def drop_children_index(apps, schema_editor) -> None:
    schema_editor.execute("DROP INDEX IF EXISTS page_children_by_revision")


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0033_reader_question_folded_text"),
        # The latest: on SQLite a later change to the page table rebuilds it without these.
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS page_live_expiry ON wagtailcore_page (expire_at) "
            "WHERE live AND expire_at IS NOT NULL",
            "DROP INDEX IF EXISTS page_live_expiry",
        ),
        migrations.RunPython(create_children_index, drop_children_index),
    ]
