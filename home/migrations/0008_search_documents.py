import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models

# PostgreSQL only: an unaccent + simple text-search configuration (no Vietnamese stemmer
# exists; unaccent folds diacritics, đ included, and the two tone placements "hoà"/"hòa"),
# an IMMUTABLE wrapper of unaccent (unaccent() itself is only STABLE, so it cannot appear in
# an index expression) and the GIN index that serves searches.
POSTGRESQL_SETUP = """
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE OR REPLACE FUNCTION immutable_unaccent(text) RETURNS text
    AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT;
DROP TEXT SEARCH CONFIGURATION IF EXISTS vietnamese_unaccent;
CREATE TEXT SEARCH CONFIGURATION vietnamese_unaccent (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION vietnamese_unaccent
    ALTER MAPPING FOR word, hword, hword_part, numword, numhword, hword_numpart
    WITH unaccent, simple;
CREATE INDEX home_searchdocument_vector_gin ON home_searchdocument USING gin (vector);
"""
POSTGRESQL_TEARDOWN = """
DROP INDEX IF EXISTS home_searchdocument_vector_gin;
DROP TEXT SEARCH CONFIGURATION IF EXISTS vietnamese_unaccent;
DROP FUNCTION IF EXISTS immutable_unaccent(text);
"""


def setup_postgresql(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRESQL_SETUP)


def teardown_postgresql(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRESQL_TEARDOWN)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0007_vietnamese_root_names"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchDocument",
            fields=[
                (
                    "page",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="search_document",
                        serialize=False,
                        to="wagtailcore.page",
                    ),
                ),
                ("title", models.TextField()),
                ("lead", models.TextField(blank=True)),
                ("body", models.TextField(blank=True)),
                ("folded_title", models.TextField()),
                ("folded_lead", models.TextField(blank=True)),
                ("folded_body", models.TextField(blank=True)),
                ("publication_date", models.DateTimeField(null=True)),
                ("vector", django.contrib.postgres.search.SearchVectorField(null=True)),
            ],
        ),
        migrations.RunPython(setup_postgresql, teardown_postgresql, elidable=False),
    ]
