"""Create the editorial groups with their permissions.

Contributors draft and submit; section editors edit and review; the editorial board
publishes; site administrators manage users, settings and linked websites.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

# (group, page permissions on the root page, collection permissions, model permissions)
ROLES = [
    (
        "Cộng tác viên",
        ["add_page"],
        ["add_customimage", "choose_image", "add_customdocument", "choose_document"],
        ["media_library.add_video", "media_library.change_video"],
    ),
    (
        "Biên tập viên",
        ["add_page", "change_page", "lock_page", "unlock_page"],
        [
            "add_customimage", "change_customimage", "choose_image",
            "add_customdocument", "change_customdocument", "choose_document",
        ],
        [
            "media_library.add_video", "media_library.change_video",
            "home.add_author", "home.change_author",
        ],
    ),
    (
        "Ban biên tập",
        ["add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page"],
        [
            "add_customimage", "change_customimage", "delete_customimage", "choose_image",
            "add_customdocument", "change_customdocument", "delete_customdocument",
            "choose_document",
        ],
        [
            "media_library.add_video", "media_library.change_video", "media_library.delete_video",
            "home.add_author", "home.change_author", "home.delete_author",
        ],
    ),
    (
        # Administrators manage users, groups, settings and linked websites, not content.
        "Quản trị",
        [],
        ["add_customimage", "choose_image"],
        [
            "home.add_linkedwebsite", "home.change_linkedwebsite", "home.delete_linkedwebsite",
            "home.change_sitesettings",
            "auth.add_user", "auth.change_user", "auth.delete_user",
            "auth.add_group", "auth.change_group",
        ],
    ),
]


def create_groups(apps, schema_editor):
    # Permissions are normally created after all migrations ran; make sure they exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )

    for name, page_perms, collection_perms, model_perms in ROLES:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(access_admin)
        for codename in page_perms:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=root_page,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                ),
            )
        for codename in collection_perms:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=root_collection,
                permission=Permission.objects.get(
                    content_type__app_label="media_library", codename=codename
                ),
            )
        for dotted in model_perms:
            app_label, codename = dotted.split(".")
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )


def remove_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=[role[0] for role in ROLES]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_initial"),
        ("media_library", "0001_initial"),
        ("wagtailadmin", "0005_editingsession_is_editing"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
