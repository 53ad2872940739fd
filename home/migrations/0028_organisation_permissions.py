"""Who keeps the organisation chart: section editors add and change units and leaders
(drafts); the editorial board also publishes and deletes them. Contributors and site
administrators do not touch them."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODELS = ("organisationunit", "leader")
GRANTS = {
    "Biên tập viên": ("add", "change"),
    "Ban biên tập": ("add", "change", "delete", "publish"),
}


def give(apps, schema_editor):
    app_config = apps.get_app_config("home")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    # Wagtail adds "publish" to draftable snippets only after migrating (wagtail.snippets).
    for model in MODELS:
        Permission.objects.get_or_create(
            content_type=ContentType.objects.get_for_model(apps.get_model("home", model)),
            codename=f"publish_{model}",
            defaults={"name": f"Can publish {model}"},
        )
    for name, actions in GRANTS.items():
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        codenames = [f"{action}_{model}" for action in actions for model in MODELS]
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="home", codename__in=codenames)
        )


def take_back(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    codenames = [f"{a}_{m}" for a in ("add", "change", "delete", "publish") for m in MODELS]
    for group in Group.objects.filter(name__in=GRANTS):
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="home", codename__in=codenames)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0027_organisation"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(give, take_back)]
