"""Site administrators (Quản trị) manage API keys, webhook subscribers and deliveries.

They create and revoke keys (revoking is an edit: the key is unticked, never deleted, so its
record stays), register and edit subscribers, read the delivery log and redeliver. Editors
get none of these.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

SITE_ADMINISTRATORS = "Quản trị"

PERMISSIONS = [
    "add_apikey",
    "change_apikey",
    "view_apikey",
    "add_webhooksubscription",
    "change_webhooksubscription",
    "view_webhooksubscription",
    "view_webhookdelivery",
    "change_webhookdelivery",
]


def _permissions(apps):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.filter(
        content_type__app_label="syndication", codename__in=PERMISSIONS
    )


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations ran; make sure they exist now.
    app_config = apps.get_app_config("syndication")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    group, _created = Group.objects.get_or_create(name=SITE_ADMINISTRATORS)
    permissions = list(_permissions(apps))
    assert len(permissions) == len(PERMISSIONS), permissions
    group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name=SITE_ADMINISTRATORS).first()
    if group is not None:
        group.permissions.remove(*_permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("syndication", "0002_subscriber_url_check"),
        ("home", "0003_editorial_groups"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
