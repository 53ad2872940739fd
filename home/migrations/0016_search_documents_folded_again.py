"""The search documents are made again from the published texts, folded as queries now are
(cms.search.text.fold):

- PostgreSQL's vectors were made from the raw text, where the parser reads "42/2022/NĐ-CP"
  as a file path and "TP.HCM" as a host name, one token each: "nghị định 42", "tp hcm" or
  "covid 19" did not find them. They are now made from the folded words
  (cms.search.index.update_vectors).
- A lone "y" after a consonant folds to "i" ("lý"/"lí", "kỹ"/"kĩ", "quy"/"qui"), numbers
  lose their leading zeros, and Roman numerals in capitals are followed by their value
  ("XIII 13"), in the vectors and in the folded columns (SQLite matches those).

Going back keeps the new documents: run ``manage.py update_index`` after it.
"""

from django.db import migrations

BATCH = 500


def forward(apps, schema_editor):
    from cms.search.index import folded_columns, update_vectors

    documents = apps.get_model("home", "SearchDocument").objects
    texts = apps.get_model("home", "SearchText").objects.order_by("page_id")
    last = 0
    while batch := list(texts.filter(page_id__gt=last)[:BATCH]):
        update_vectors(batch)
        by_page = {text.page_id: text for text in batch}
        changed = list(documents.filter(page_id__in=by_page))
        for document in changed:
            text = by_page[document.page_id]
            for name, value in folded_columns(text.title, text.lead, text.body).items():
                setattr(document, name, value)
        documents.bulk_update(changed, ["folded_title", "folded_lead", "folded_body"])
        last = batch[-1].page_id


class Migration(migrations.Migration):
    dependencies = [("home", "0015_search_text_apart")]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop, elidable=True)]
