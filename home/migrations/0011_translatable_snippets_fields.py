"""Translatable snippets, step 1 of Wagtail's three (BootstrapTranslatableMixin): ``locale``
and ``translation_key`` added nullable to authors and linked websites, which also become
drafts-and-revisions models; the translatable owner details (``SiteIdentity``) the site
settings now point to.
"""

import uuid

import django.db.models.deletion
from django.db import migrations, models


def draft_state_field(name: str, field) -> migrations.AddField:
    return migrations.AddField(model_name="linkedwebsite", name=name, field=field)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0010_search_rank_vector"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [
        *(
            migrations.AddField(
                model_name=model,
                name="locale",
                field=models.ForeignKey(
                    editable=False,
                    null=True,
                    on_delete=django.db.models.deletion.PROTECT,
                    related_name="+",
                    to="wagtailcore.locale",
                    verbose_name="locale",
                ),
            )
            for model in ("author", "linkedwebsite")
        ),
        *(
            migrations.AddField(
                model_name=model,
                name="translation_key",
                field=models.UUIDField(editable=False, null=True),
            )
            for model in ("author", "linkedwebsite")
        ),
        draft_state_field(
            "live", models.BooleanField(default=True, editable=False, verbose_name="live")
        ),
        draft_state_field(
            "has_unpublished_changes",
            models.BooleanField(
                default=False, editable=False, verbose_name="has unpublished changes"
            ),
        ),
        draft_state_field(
            "first_published_at",
            models.DateTimeField(
                blank=True, db_index=True, null=True, verbose_name="first published at"
            ),
        ),
        draft_state_field(
            "last_published_at",
            models.DateTimeField(editable=False, null=True, verbose_name="last published at"),
        ),
        draft_state_field(
            "go_live_at",
            models.DateTimeField(blank=True, null=True, verbose_name="go live date/time"),
        ),
        draft_state_field(
            "expire_at",
            models.DateTimeField(blank=True, null=True, verbose_name="expiry date/time"),
        ),
        draft_state_field(
            "expired", models.BooleanField(default=False, editable=False, verbose_name="expired")
        ),
        draft_state_field(
            "latest_revision",
            models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="wagtailcore.revision",
                verbose_name="latest revision",
            ),
        ),
        draft_state_field(
            "live_revision",
            models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="wagtailcore.revision",
                verbose_name="live revision",
            ),
        ),
        migrations.CreateModel(
            name="SiteIdentity",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("translation_key", models.UUIDField(default=uuid.uuid4, editable=False)),
                ("live", models.BooleanField(default=True, editable=False, verbose_name="live")),
                (
                    "has_unpublished_changes",
                    models.BooleanField(
                        default=False, editable=False, verbose_name="has unpublished changes"
                    ),
                ),
                (
                    "first_published_at",
                    models.DateTimeField(
                        blank=True, db_index=True, null=True, verbose_name="first published at"
                    ),
                ),
                (
                    "last_published_at",
                    models.DateTimeField(
                        editable=False, null=True, verbose_name="last published at"
                    ),
                ),
                (
                    "go_live_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="go live date/time"),
                ),
                (
                    "expire_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="expiry date/time"),
                ),
                (
                    "expired",
                    models.BooleanField(default=False, editable=False, verbose_name="expired"),
                ),
                (
                    "organisation_name",
                    models.CharField(
                        help_text="E.g. 'Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh'.",
                        max_length=255,
                        verbose_name="organisation name",
                    ),
                ),
                (
                    "owning_body",
                    models.CharField(blank=True, max_length=255, verbose_name="owning body"),
                ),
                (
                    "person_responsible",
                    models.CharField(blank=True, max_length=255, verbose_name="person responsible"),
                ),
                ("address", models.CharField(blank=True, max_length=500, verbose_name="address")),
                (
                    "licence",
                    models.CharField(
                        blank=True,
                        help_text="Optional, e.g. the licence number and the date it was issued.",
                        max_length=500,
                        verbose_name="licence line",
                    ),
                ),
                (
                    "latest_revision",
                    models.ForeignKey(
                        blank=True,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="wagtailcore.revision",
                        verbose_name="latest revision",
                    ),
                ),
                (
                    "live_revision",
                    models.ForeignKey(
                        blank=True,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="wagtailcore.revision",
                        verbose_name="live revision",
                    ),
                ),
                (
                    "locale",
                    models.ForeignKey(
                        editable=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="wagtailcore.locale",
                        verbose_name="locale",
                    ),
                ),
            ],
            options={
                "verbose_name": "site owner details",
                "verbose_name_plural": "site owner details",
                "abstract": False,
                "unique_together": {("translation_key", "locale")},
            },
        ),
        migrations.AddField(
            model_name="sitesettings",
            name="identity",
            field=models.ForeignKey(
                blank=True,
                help_text=(
                    "The organisation name and footer lines. To show them in English, "
                    "translate them under Settings, Site owner details."
                ),
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="home.siteidentity",
                verbose_name="site owner details",
            ),
        ),
    ]
