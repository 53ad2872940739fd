"""Contributors add authors (name, position, unit) from the page editor's author chooser; they
do not change or delete them, which stays with section editors and the board (issue 16,
defect 4)."""

from django.db import migrations

GROUP = "Cộng tác viên"


def give(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=GROUP).first()
    permission = Permission.objects.filter(
        content_type__app_label="home", codename="add_author"
    ).first()
    if group is not None and permission is not None:
        group.permissions.add(permission)


def take_back(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=GROUP).first()
    if group is not None:
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="home", codename="add_author")
        )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0020_site_share_image_and_logo"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(give, take_back)]
