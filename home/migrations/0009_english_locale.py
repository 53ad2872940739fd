"""English, the second content language (Decree 42/2022: the organisation and officials'
contacts in English). Vietnamese stays the default locale, created by Wagtail itself."""

from django.db import migrations


def add_english(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    Locale.objects.get_or_create(language_code="en")


def remove_english(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    Page = apps.get_model("wagtailcore", "Page")
    if not Page.objects.filter(locale__language_code="en").exists():
        Locale.objects.filter(language_code="en").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0008_search_documents"),
        ("wagtailcore", "0094_alter_page_locale"),
    ]

    operations = [migrations.RunPython(add_english, remove_english)]
