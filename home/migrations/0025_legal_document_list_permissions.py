"""Section editors and the board extend the document library's lists (types, issuing bodies,
fields); the board may also delete from them."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODELS = ("documenttype", "issuingbody", "documentfield")
GRANTS = {
    "Biên tập viên": ("add", "change"),
    "Ban biên tập": ("add", "change", "delete"),
}


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, actions in GRANTS.items():
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        for model in MODELS:
            for action in actions:
                group.permissions.add(
                    Permission.objects.get(
                        content_type__app_label="home", codename=f"{action}_{model}"
                    )
                )


class Migration(migrations.Migration):
    dependencies = [("home", "0024_legal_documents")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
