"""An index for the API cache's horizon: the next expiry of a live page.

``cms.api.cache._next_expiry`` asks for it whenever the cache generation is made again (after
every publish): without an index it read the whole page table (17–21 ms of PostgreSQL at
100,000 articles); with this partial index it reads one entry. Wagtail's page table is not
ours to declare indexes on in a model's Meta, so the index is created here in SQL that
PostgreSQL and SQLite share.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0033_reader_question_folded_text"),
        # The latest: on SQLite a later change to the page table rebuilds it without this index.
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS page_live_expiry ON wagtailcore_page (expire_at) "
            "WHERE live AND expire_at IS NOT NULL",
            "DROP INDEX IF EXISTS page_live_expiry",
        ),
    ]
