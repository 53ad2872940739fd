"""Translatable snippets, step 3: ``locale`` and ``translation_key`` required and unique
together, as TranslatableMixin has them; the owner details leave the site settings."""

import uuid

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("home", "0012_translatable_snippets_data")]

    operations = [
        *(
            operation
            for model in ("author", "linkedwebsite")
            for operation in (
                migrations.AlterField(
                    model_name=model,
                    name="locale",
                    field=models.ForeignKey(
                        editable=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="wagtailcore.locale",
                        verbose_name="locale",
                    ),
                ),
                migrations.AlterField(
                    model_name=model,
                    name="translation_key",
                    field=models.UUIDField(default=uuid.uuid4, editable=False),
                ),
                migrations.AlterUniqueTogether(
                    name=model, unique_together={("translation_key", "locale")}
                ),
            )
        ),
        # Blank first, so that migrating back can add the column again before the data.
        migrations.AlterField(
            model_name="sitesettings",
            name="organisation_name",
            field=models.CharField(blank=True, max_length=255, verbose_name="organisation name"),
        ),
        *(
            migrations.RemoveField(model_name="sitesettings", name=name)
            for name in (
                "organisation_name",
                "owning_body",
                "person_responsible",
                "address",
                "licence",
            )
        ),
    ]
