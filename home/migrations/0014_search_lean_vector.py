"""PostgreSQL search reads less per matching row: ``vector`` loses its positions and
weights (``strip``: about 650 bytes instead of 1,500) and, with ``rank_vector``, is kept in
the row (storage MAIN: PostgreSQL moved them to TOAST, so every match read and decoded
them from there; a search on a common word got 4-5 times slower); the folded lead and body
(used by SQLite only) are emptied; titles are matched on ``rank_vector`` (title A, lead
B), which gets its own GIN index for autocomplete.
"""

from django.db import migrations

FORWARD = """
ALTER TABLE home_searchdocument
    ALTER COLUMN vector SET STORAGE MAIN,
    ALTER COLUMN rank_vector SET STORAGE MAIN;
UPDATE home_searchdocument SET vector = strip(vector), folded_lead = '', folded_body = '';
CREATE INDEX IF NOT EXISTS home_searchdocument_rank_vector_gin
    ON home_searchdocument USING gin (rank_vector);
"""
BACKWARD = """
DROP INDEX IF EXISTS home_searchdocument_rank_vector_gin;
ALTER TABLE home_searchdocument
    ALTER COLUMN vector SET STORAGE EXTENDED,
    ALTER COLUMN rank_vector SET STORAGE EXTENDED;
UPDATE home_searchdocument SET vector =
    setweight(to_tsvector('vietnamese_unaccent', title), 'A')
    || setweight(to_tsvector('vietnamese_unaccent', lead), 'B')
    || setweight(to_tsvector('vietnamese_unaccent', body), 'C');
"""


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    from cms.search.text import fold

    schema_editor.execute(BACKWARD)
    SearchDocument = apps.get_model("home", "SearchDocument")
    for document in SearchDocument.objects.only("page_id", "lead", "body").iterator():
        SearchDocument.objects.filter(page_id=document.page_id).update(
            folded_lead=f" {fold(document.lead)} ", folded_body=f" {fold(document.body)} "
        )


class Migration(migrations.Migration):
    dependencies = [("home", "0013_translatable_snippets_constraints")]

    operations = [migrations.RunPython(forward, backward, elidable=False)]
