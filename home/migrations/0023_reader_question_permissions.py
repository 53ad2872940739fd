"""Readers' questions: section editors read and answer them; the board also publishes and
deletes them. Contributors and site administrators do not see readers' e-mails and phones."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GRANTS = {
    "Biên tập viên": ["view_readerquestion", "change_readerquestion"],
    "Ban biên tập": [
        "view_readerquestion",
        "change_readerquestion",
        "delete_readerquestion",
        "publish_readerquestion",
    ],
}


def give(apps, schema_editor):
    # The permissions of a model made in this run exist only after post_migrate; make them now.
    app_config = apps.get_app_config("home")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GRANTS.items():
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.add(
                *Permission.objects.filter(content_type__app_label="home", codename__in=codenames)
            )


def take_back(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GRANTS.items():
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.remove(
                *Permission.objects.filter(content_type__app_label="home", codename__in=codenames)
            )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0022_reader_questions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(give, take_back)]
