"""Create "Quy trình duyệt tin": section editor review, then editorial board approval.

It is assigned to the root page, so articles, videos and galleries of every site go
through it. Wagtail's default "Moderators approval" workflow and its unused default groups
("Moderators", "Editors") are replaced by ours.
"""

from django.db import migrations

WORKFLOW_NAME = "Quy trình duyệt tin"
# (task name, groups allowed to approve it); the board may also take the first step.
STEPS = [
    ("Biên tập viên duyệt", ["Biên tập viên", "Ban biên tập"]),
    ("Ban biên tập phê duyệt", ["Ban biên tập"]),
]


def create_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    EditorialReviewTask = apps.get_model("home", "EditorialReviewTask")

    root = Page.objects.get(depth=1)
    task_type, _ = ContentType.objects.get_or_create(app_label="home", model="editorialreviewtask")

    WorkflowPage.objects.filter(page=root).delete()
    Workflow.objects.filter(name="Moderators approval").update(active=False)
    Group.objects.filter(name__in=["Moderators", "Editors"], user__isnull=True).delete()

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    for order, (task_name, group_names) in enumerate(STEPS):
        task, _ = EditorialReviewTask.objects.get_or_create(
            name=task_name, defaults={"content_type": task_type}
        )
        task.groups.set(Group.objects.filter(name__in=group_names))
        WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": order})
    WorkflowPage.objects.create(page=root, workflow=workflow)


def remove_workflow(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Workflow.objects.filter(name=WORKFLOW_NAME).update(active=False)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_editorial_workflow"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(create_workflow, remove_workflow)]
