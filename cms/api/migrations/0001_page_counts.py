"""The page counts (``PageCount``) and, on PostgreSQL, the trigger that keeps them.

The trigger runs after every insert, update and delete of a row of Wagtail's page table, in
the same transaction. A page is counted while it is live and not marked expired, under the
key (tree path of itself and of each ancestor, its depth, content type, locale, whether it
is an alias). An update that changes none of those returns at once: saving a draft costs the
trigger one comparison. A move updates the paths of the whole branch, one row at a time, and
each row moves its count. The counts of the pages already there are added under a lock
that holds off writers of the page table while the migration runs.
"""

from django.db import migrations, models

STEP = 4  # characters per tree level in Wagtail's paths (treebeard's steplen)

COUNT_ROWS = """
    INSERT INTO reader_api_pagecount AS c (prefix, depth, content_type_id, locale_id, alias, n)
    SELECT substr({row}.path, 1, {step} * level), {row}.depth, {row}.content_type_id,
           {row}.locale_id, {row}.alias_of_id IS NOT NULL, {sign}1
    FROM generate_series(1, length({row}.path) / {step}) AS level
    ON CONFLICT (prefix, depth, content_type_id, locale_id, alias)
    DO UPDATE SET n = c.n + excluded.n;
"""

# The counts of every page, from scratch (tests compare them with the trigger's).
COUNT_ALL = f"""
SELECT substr(page.path, 1, {STEP} * level), page.depth, page.content_type_id, page.locale_id,
       page.alias_of_id IS NOT NULL, count(*)
FROM wagtailcore_page AS page, generate_series(1, length(page.path) / {STEP}) AS level
WHERE page.live AND NOT page.expired
GROUP BY 1, 2, 3, 4, 5
"""

CREATE = f"""
CREATE FUNCTION reader_api_count_page() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' AND OLD.live AND NOT OLD.expired THEN
        IF TG_OP = 'UPDATE' AND NEW.live AND NOT NEW.expired
                AND NEW.path = OLD.path AND NEW.depth = OLD.depth
                AND NEW.content_type_id = OLD.content_type_id
                AND NEW.locale_id = OLD.locale_id
                AND (NEW.alias_of_id IS NULL) = (OLD.alias_of_id IS NULL) THEN
            RETURN NULL;
        END IF;
        {COUNT_ROWS.format(row="OLD", step=STEP, sign="-")}
    END IF;
    IF TG_OP <> 'DELETE' AND NEW.live AND NOT NEW.expired THEN
        {COUNT_ROWS.format(row="NEW", step=STEP, sign="")}
    END IF;
    RETURN NULL;
END $$;

LOCK TABLE wagtailcore_page IN SHARE ROW EXCLUSIVE MODE;

CREATE TRIGGER reader_api_count_page
AFTER INSERT OR UPDATE OR DELETE ON wagtailcore_page
FOR EACH ROW EXECUTE FUNCTION reader_api_count_page();

INSERT INTO reader_api_pagecount (prefix, depth, content_type_id, locale_id, alias, n)
{COUNT_ALL};
"""

DROP = """
DROP TRIGGER IF EXISTS reader_api_count_page ON wagtailcore_page;
DROP FUNCTION IF EXISTS reader_api_count_page();
"""


def create_trigger(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop_trigger(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [
        migrations.CreateModel(
            name="PageCount",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("prefix", models.CharField(max_length=255)),
                ("depth", models.PositiveIntegerField()),
                ("content_type_id", models.IntegerField()),
                ("locale_id", models.IntegerField()),
                ("alias", models.BooleanField()),
                ("n", models.BigIntegerField()),
            ],
            options={
                "verbose_name": "page count",
                "verbose_name_plural": "page counts",
                "constraints": [
                    models.UniqueConstraint(
                        fields=("prefix", "depth", "content_type_id", "locale_id", "alias"),
                        name="page_count_key",
                    )
                ],
            },
        ),
        migrations.RunPython(create_trigger, drop_trigger),
    ]
