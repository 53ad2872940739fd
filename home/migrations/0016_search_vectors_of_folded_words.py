"""The PostgreSQL search vectors are made again from the texts folded as queries are
(home.search.index.update_vectors): made from the raw text, "42/2022/NĐ-CP", "TP.HCM" and
"COVID-19" were single tokens that "nghị định 42", "tp hcm" or "covid 19" did not find.
SQLite's folded columns already held those words. Going back keeps the new vectors: the
queries of the earlier code find at least as much in them.
"""

from django.db import migrations

BATCH = 500


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    from home.search.index import update_vectors

    texts = apps.get_model("home", "SearchText").objects.order_by("page_id")
    last = 0
    while batch := list(texts.filter(page_id__gt=last)[:BATCH]):
        update_vectors(batch)
        last = batch[-1].page_id


class Migration(migrations.Migration):
    dependencies = [("home", "0015_search_text_apart")]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop, elidable=True)]
