"""The organisation chart's units and leaders go through "Quy trình duyệt tin", as articles do:
a section editor submits, the section editors' step and the board's approve, the board's
approval publishes.

Units and leaders already on the site stay published: each live row without a live revision
(made before, or by code that published the row without one) gets one holding its current
content, so the first edit is a draft over a known published version and the history starts
there. Section editors and the board may lock and unlock units and leaders, as they may pages;
site administrators their linked websites.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations
from django.utils import timezone
from modelcluster.models import get_serializable_data_for_fields

WORKFLOW_NAME = "Quy trình duyệt tin"
MODELS = ("organisationunit", "leader")
LOCK_GRANTS = {
    "Biên tập viên": MODELS,
    "Ban biên tập": MODELS,
    "Quản trị": ("linkedwebsite",),
}


def _content_type(apps, model: str):
    ContentType = apps.get_model("contenttypes", "ContentType")
    return ContentType.objects.get_for_model(apps.get_model("home", model))


def assign_workflow(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME, active=True).first()
    if workflow is None:
        return
    for model in MODELS:
        WorkflowContentType.objects.update_or_create(
            content_type=_content_type(apps, model), defaults={"workflow": workflow}
        )


def unassign_workflow(apps, schema_editor):
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    for model in MODELS:
        WorkflowContentType.objects.filter(content_type=_content_type(apps, model)).delete()


def revise_live_rows(apps, schema_editor):
    Revision = apps.get_model("wagtailcore", "Revision")
    now = timezone.now()
    for model in MODELS:
        content_type = _content_type(apps, model)
        rows = apps.get_model("home", model).objects.filter(live=True, live_revision__isnull=True)
        for row in rows:
            revision = Revision.objects.create(
                content_type=content_type,
                base_content_type=content_type,
                object_id=str(row.pk),
                created_at=row.last_published_at or now,
                content=get_serializable_data_for_fields(row),
                object_str=row.name,
            )
            row.live_revision = revision
            if row.latest_revision_id is None:
                row.latest_revision = revision
            row.first_published_at = row.first_published_at or revision.created_at
            row.last_published_at = row.last_published_at or revision.created_at
            row.save(
                update_fields=[
                    "live_revision",
                    "latest_revision",
                    "first_published_at",
                    "last_published_at",
                ]
            )


def grant_locking(apps, schema_editor):
    app_config = apps.get_app_config("home")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, models in LOCK_GRANTS.items():
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        for model in models:
            # Wagtail adds "lock" and "unlock" to lockable snippets only after migrating.
            for action in ("lock", "unlock"):
                permission, _ = Permission.objects.get_or_create(
                    content_type=_content_type(apps, model),
                    codename=f"{action}_{model}",
                    defaults={"name": f"Can {action} {model}"},
                )
                group.permissions.add(permission)


def take_back_locking(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, models in LOCK_GRANTS.items():
        codenames = [f"{a}_{m}" for a in ("lock", "unlock") for m in models]
        for group in Group.objects.filter(name=name):
            group.permissions.remove(
                *Permission.objects.filter(content_type__app_label="home", codename__in=codenames)
            )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0031_translatable_draft_snippets_lock"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(assign_workflow, unassign_workflow),
        # Going back, the revisions stay: they are history, and harmless without a workflow.
        migrations.RunPython(revise_live_rows, migrations.RunPython.noop),
        migrations.RunPython(grant_locking, take_back_locking),
    ]
