"""Name the root page and the root collection in Vietnamese.

Both are rows created by Wagtail's migrations with the title "Root", which the admin shows in
breadcrumbs and collection pickers; no translation catalogue can reach a database value.
"""

from django.db import migrations


def rename(apps, schema_editor):
    apps.get_model("wagtailcore", "Page").objects.filter(depth=1, title="Root").update(
        title="Gốc", draft_title="Gốc"
    )
    apps.get_model("wagtailcore", "Collection").objects.filter(depth=1, name="Root").update(
        name="Gốc"
    )


def rename_back(apps, schema_editor):
    apps.get_model("wagtailcore", "Page").objects.filter(depth=1, title="Gốc").update(
        title="Root", draft_title="Root"
    )
    apps.get_model("wagtailcore", "Collection").objects.filter(depth=1, name="Gốc").update(
        name="Root"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0006_ascii_tags_publication_date_index"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(rename, rename_back)]
