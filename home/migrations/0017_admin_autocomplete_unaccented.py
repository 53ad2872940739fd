"""The admin's autocomplete vectors (Wagtail's search index) lose their diacritics: made with
``simple`` they held "cải", which the autocomplete queries, now made with
``vietnamese_unaccent`` (cms.search.admin_backend), no longer look for. Each lexeme is
unaccented where it stands, its positions and weights kept, so nothing has to be indexed
again. Going back puts nothing back: run ``manage.py wagtail_update_index`` after it.
"""

from django.db import migrations

FORWARD = r"""
UPDATE wagtailsearch_indexentry AS entry SET autocomplete = folded.vector
FROM (
    SELECT entry.id, string_agg(
        '''' || replace(replace(immutable_unaccent(word.lexeme), '\', '\\'), '''', '''''')
        || '''' || COALESCE(':' || (
            SELECT string_agg(at.position || at.weight, ',')
            FROM unnest(word.positions, word.weights) AS at (position, weight)
        ), ''),
        ' '
    )::tsvector AS vector
    FROM wagtailsearch_indexentry AS entry, unnest(entry.autocomplete) AS word
    GROUP BY entry.id
) AS folded
WHERE folded.id = entry.id
"""


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0016_search_documents_folded_again"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop, elidable=True)]
