"""The published texts that search snippets quote move from ``SearchDocument`` to
``SearchText``: a search on a common word reads most ``SearchDocument`` rows, and with the
texts in them the rows were three times as wide (30 MB for 10,000 articles instead of 12);
only the page of results shown needs the texts.
"""

import django.db.models.deletion
from django.db import migrations, models


def copy_texts(apps, schema_editor):
    SearchDocument = apps.get_model("home", "SearchDocument")
    SearchText = apps.get_model("home", "SearchText")
    rows = SearchDocument.objects.values_list("page_id", "title", "lead", "body")
    batch = []
    for page_id, title, lead, body in rows.iterator(chunk_size=1000):
        batch.append(SearchText(page_id=page_id, title=title, lead=lead, body=body))
        if len(batch) == 1000:
            SearchText.objects.bulk_create(batch)
            batch = []
    SearchText.objects.bulk_create(batch)


def copy_texts_back(apps, schema_editor):
    SearchDocument = apps.get_model("home", "SearchDocument")
    SearchText = apps.get_model("home", "SearchText")
    for text in SearchText.objects.iterator(chunk_size=1000):
        SearchDocument.objects.filter(page_id=text.page_id).update(
            title=text.title, lead=text.lead, body=text.body
        )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0014_search_lean_vector"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchText",
            fields=[
                (
                    "page",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="search_text",
                        serialize=False,
                        to="wagtailcore.page",
                    ),
                ),
                ("title", models.TextField()),
                ("lead", models.TextField(blank=True)),
                ("body", models.TextField(blank=True)),
            ],
        ),
        migrations.RunPython(copy_texts, copy_texts_back, elidable=False),
        # Backwards, the title column comes back with a default (the rows exist already).
        migrations.AlterField("searchdocument", "title", models.TextField(default="")),
        migrations.RemoveField(model_name="searchdocument", name="body"),
        migrations.RemoveField(model_name="searchdocument", name="lead"),
        migrations.RemoveField(model_name="searchdocument", name="title"),
    ]
