"""Featured articles in the page counts: ``?featured=true`` listings summed, not counted.

The home page of the reader frontend asks for the featured articles on every render; their
count (``featured`` is a column of the article's own table) read every article: 47 ms of
PostgreSQL at 100,000. The counts now also say whether the counted pages are featured
articles (false for every other type), kept by two triggers:

- the page table's (0001), which now reads the article's ``featured`` when it counts a page
  in or out;
- one on the article table, which moves a live page's count between featured and not when
  ``featured`` changes, and when an article row is inserted or deleted while its page is
  counted.

Django saves the page row and then the article row (and deletes them in either order): each
trigger counts with the ``featured`` the article row holds at that moment, so a page's count
is always under the value its row holds. The counts are made again from scratch, under a
lock that holds off writers of both tables.
"""

import importlib

from django.db import migrations, models

STEP = 4  # characters per tree level in Wagtail's paths (treebeard's steplen)

COUNT_ROWS = """
    INSERT INTO reader_api_pagecount AS c
        (prefix, depth, content_type_id, locale_id, alias, featured, n)
    SELECT substr({row}.path, 1, {step} * level), {row}.depth, {row}.content_type_id,
           {row}.locale_id, {row}.alias_of_id IS NOT NULL, {featured}, {sign}1
    FROM generate_series(1, length({row}.path) / {step}) AS level
    ON CONFLICT (prefix, depth, content_type_id, locale_id, alias, featured)
    DO UPDATE SET n = c.n + excluded.n;
"""

# The counts of every page, from scratch (tests and `manage.py page_counts` compare them
# with the triggers').
COUNT_ALL = f"""
SELECT substr(page.path, 1, {STEP} * level), page.depth, page.content_type_id, page.locale_id,
       page.alias_of_id IS NOT NULL, coalesce(article.featured, false), count(*)
FROM wagtailcore_page AS page
LEFT JOIN home_articlepage AS article ON article.page_ptr_id = page.id,
generate_series(1, length(page.path) / {STEP}) AS level
WHERE page.live AND NOT page.expired
GROUP BY 1, 2, 3, 4, 5, 6
"""

FEATURED_OF = "coalesce((SELECT featured FROM home_articlepage WHERE page_ptr_id = {id}), false)"

CREATE = f"""
LOCK TABLE wagtailcore_page, home_articlepage IN SHARE ROW EXCLUSIVE MODE;

CREATE OR REPLACE FUNCTION reader_api_count_page() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' AND OLD.live AND NOT OLD.expired THEN
        IF TG_OP = 'UPDATE' AND NEW.live AND NOT NEW.expired
                AND NEW.path = OLD.path AND NEW.depth = OLD.depth
                AND NEW.content_type_id = OLD.content_type_id
                AND NEW.locale_id = OLD.locale_id
                AND (NEW.alias_of_id IS NULL) = (OLD.alias_of_id IS NULL) THEN
            RETURN NULL;
        END IF;
        {COUNT_ROWS.format(row="OLD", step=STEP, sign="-", featured=FEATURED_OF.format(id="OLD.id"))}
    END IF;
    IF TG_OP <> 'DELETE' AND NEW.live AND NOT NEW.expired THEN
        {COUNT_ROWS.format(row="NEW", step=STEP, sign="", featured=FEATURED_OF.format(id="NEW.id"))}
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION reader_api_count_featured() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    page record;
    page_id integer;
    was boolean;
    now_featured boolean;
BEGIN
    IF TG_OP = 'INSERT' THEN
        page_id := NEW.page_ptr_id; was := false; now_featured := NEW.featured;
    ELSIF TG_OP = 'DELETE' THEN
        page_id := OLD.page_ptr_id; was := OLD.featured; now_featured := false;
    ELSE
        page_id := NEW.page_ptr_id; was := OLD.featured; now_featured := NEW.featured;
    END IF;
    IF was = now_featured THEN
        RETURN NULL;
    END IF;
    SELECT * INTO page FROM wagtailcore_page
    WHERE id = page_id AND live AND NOT expired;
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    {COUNT_ROWS.format(row="page", step=STEP, sign="-", featured="was")}
    {COUNT_ROWS.format(row="page", step=STEP, sign="", featured="now_featured")}
    RETURN NULL;
END $$;

CREATE TRIGGER reader_api_count_featured
AFTER INSERT OR UPDATE OF featured OR DELETE ON home_articlepage
FOR EACH ROW EXECUTE FUNCTION reader_api_count_featured();

DELETE FROM reader_api_pagecount;
INSERT INTO reader_api_pagecount (prefix, depth, content_type_id, locale_id, alias, featured, n)
{COUNT_ALL};
"""


def create_triggers(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop_featured_trigger(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "DROP TRIGGER reader_api_count_featured ON home_articlepage;"
            " DROP FUNCTION reader_api_count_featured();"
            " DELETE FROM reader_api_pagecount;"
        )


def restore_page_trigger(apps, schema_editor) -> None:
    """Back to 0001: its page trigger and its counts, made again."""
    if schema_editor.connection.vendor == "postgresql":
        before = importlib.import_module("cms.api.migrations.0001_page_counts")
        schema_editor.execute(before.DROP)
        schema_editor.execute(before.CREATE)


class Migration(migrations.Migration):
    dependencies = [
        ("reader_api", "0001_page_counts"),
        ("home", "0034_page_indexes"),
    ]

    operations = [
        migrations.RunPython(migrations.RunPython.noop, restore_page_trigger),
        migrations.RemoveConstraint(model_name="pagecount", name="page_count_key"),
        migrations.AddField(
            model_name="pagecount",
            name="featured",
            field=models.BooleanField(default=False),
        ),
        migrations.AddConstraint(
            model_name="pagecount",
            constraint=models.UniqueConstraint(
                fields=("prefix", "depth", "content_type_id", "locale_id", "alias", "featured"),
                name="page_count_key",
            ),
        ),
        migrations.RunPython(create_triggers, drop_featured_trigger),
    ]
