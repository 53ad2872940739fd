"""Translatable snippets, step 2: existing authors and linked websites become Vietnamese
(the default locale) with a translation key each (Wagtail's BootstrapTranslatableModel);
each site's owner details move from its settings into a published Vietnamese
``SiteIdentity``; editors may submit translations ("Dịch") and site administrators publish
the owner details.
"""

import uuid

from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations
from wagtail.models import BootstrapTranslatableModel

TEXT_FIELDS = ("organisation_name", "owning_body", "person_responsible", "address", "licence")
PUBLISHABLE = [("linkedwebsite", "linked website"), ("siteidentity", "site owner details")]
# (group, permissions) added to the groups of 0003_editorial_groups.
PERMISSIONS = [
    ("Biên tập viên", ["wagtail_localize.submit_translation"]),
    ("Ban biên tập", ["wagtail_localize.submit_translation"]),
    (
        "Quản trị",
        [
            "wagtail_localize.submit_translation",
            "home.publish_linkedwebsite",
            "home.add_siteidentity",
            "home.change_siteidentity",
            "home.publish_siteidentity",
        ],
    ),
]


def move_owner_details(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    SiteSettings = apps.get_model("home", "SiteSettings")
    SiteIdentity = apps.get_model("home", "SiteIdentity")
    vietnamese, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    for row in SiteSettings.objects.filter(identity__isnull=True):
        texts = {name: getattr(row, name) for name in TEXT_FIELDS}
        if not any(texts.values()):
            continue
        row.identity = SiteIdentity.objects.create(
            locale=vietnamese, translation_key=uuid.uuid4(), live=True, **texts
        )
        row.save(update_fields=["identity"])


def restore_owner_details(apps, schema_editor):
    SiteSettings = apps.get_model("home", "SiteSettings")
    for row in SiteSettings.objects.filter(identity__isnull=False).select_related("identity"):
        for name in TEXT_FIELDS:
            setattr(row, name, getattr(row.identity, name))
        row.save(update_fields=list(TEXT_FIELDS))


def grant_permissions(apps, schema_editor):
    # Permissions are normally created after all migrations ran; make sure they exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    # Wagtail adds "publish" to draftable snippets after migrating (wagtail.snippets).
    for model_name, verbose_name in PUBLISHABLE:
        Permission.objects.get_or_create(
            content_type=ContentType.objects.get_for_model(apps.get_model("home", model_name)),
            codename=f"publish_{model_name}",
            defaults={"name": f"Can publish {verbose_name}"},
        )
    for name, dotted_names in PERMISSIONS:
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        for dotted in dotted_names:
            app_label, codename = dotted.split(".")
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0011_translatable_snippets_fields"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [
        BootstrapTranslatableModel("home.Author"),
        BootstrapTranslatableModel("home.LinkedWebsite"),
        migrations.RunPython(move_owner_details, restore_owner_details),
        migrations.RunPython(grant_permissions, migrations.RunPython.noop),
    ]
