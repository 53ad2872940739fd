"""Give the editorial groups the image and document permissions Wagtail checks.

Wagtail checks image and document permissions on its own models (wagtailimages.add_image,
wagtaildocs.add_document, ...) even with custom models, so the collection permissions that
home/0003 grants on media_library.CustomImage/CustomDocument alone let nobody upload. Each of
them is mirrored onto Wagtail's permission, on the same collection.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

# media_library codename -> (app_label, codename) that Wagtail's permission policies check
MIRRORED = {
    "add_customimage": ("wagtailimages", "add_image"),
    "change_customimage": ("wagtailimages", "change_image"),
    "delete_customimage": ("wagtailimages", "delete_image"),
    "choose_image": ("wagtailimages", "choose_image"),
    "add_customdocument": ("wagtaildocs", "add_document"),
    "change_customdocument": ("wagtaildocs", "change_document"),
    "delete_customdocument": ("wagtaildocs", "delete_document"),
    "choose_document": ("wagtaildocs", "choose_document"),
}


def mirror_permissions(apps, schema_editor):
    for app_label in ("wagtailimages", "wagtaildocs"):
        app_config = apps.get_app_config(app_label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Permission = apps.get_model("auth", "Permission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    for grant in GroupCollectionPermission.objects.filter(
        permission__content_type__app_label="media_library",
        permission__codename__in=MIRRORED,
    ).select_related("permission"):
        app_label, codename = MIRRORED[grant.permission.codename]
        GroupCollectionPermission.objects.get_or_create(
            group_id=grant.group_id,
            collection_id=grant.collection_id,
            permission=Permission.objects.get(
                content_type__app_label=app_label, codename=codename
            ),
        )


class Migration(migrations.Migration):
    dependencies = [
        ("media_library", "0002_storage_keys_video_size"),
        ("home", "0003_editorial_groups"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(mirror_permissions, migrations.RunPython.noop)]
