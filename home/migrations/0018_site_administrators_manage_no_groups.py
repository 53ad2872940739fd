"""Site administrators no longer change groups: what a group may do (publish, approve) is the
superusers' to decide, or a site administrator could give itself the board's powers through a
group of its own (cms/editorial/accounts.py)."""

from django.db import migrations

GROUP = "Quản trị"
PERMISSIONS = ("add_group", "change_group")


def take(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=GROUP).first()
    if group is not None:
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="auth", codename__in=PERMISSIONS)
        )


def give_back(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=GROUP).first()
    if group is not None:
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="auth", codename__in=PERMISSIONS)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0017_admin_autocomplete_unaccented"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(take, give_back)]
