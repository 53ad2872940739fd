"""No role raises itself or anyone: the site administrator's attacks, replayed through the
real admin as the probe made them (issue 17, finding 1)."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from cms.editorial import roles
from home.models import ArticlePage
from tests.admin_support import is_refused

pytestmark = pytest.mark.django_db

User = get_user_model()


def group(name: str) -> Group:
    return Group.objects.get(name=name)


def new_user_data(username: str, *groups: Group, **fields) -> dict:
    return {
        "username": username,
        "email": f"{username}@example.com",
        "first_name": "Nguyễn",
        "last_name": "Văn An",
        "password1": "mat-khau-dai-2026",
        "password2": "mat-khau-dai-2026",
        "groups": [g.pk for g in groups],
        **fields,
    }


def edit_data(user, *groups: Group, **fields) -> dict:
    return {
        "username": user.username,
        "email": user.email or f"{user.username}@example.com",
        "first_name": "Sửa",
        "last_name": "Tên",
        "is_active": "on",
        "groups": [g.pk for g in groups],
        **fields,
    }


def test_site_admin_cannot_create_a_superuser(client, site_admin):
    client.force_login(site_admin)

    response = client.post("/admin/users/new/", new_user_data("sieuquantri", is_superuser="on"))

    # The box is not on the form: the account is made, as an ordinary one.
    assert response.status_code == 302
    assert User.objects.get(username="sieuquantri").is_superuser is False
    assert "is_superuser" not in client.get("/admin/users/new/").content.decode()


def test_site_admin_cannot_create_a_board_member(client, site_admin):
    client.force_login(site_admin)
    board = group(roles.EDITORIAL_BOARD)

    response = client.post("/admin/users/new/", new_user_data("bantrai", board))

    assert response.status_code == 200  # the form again, with the error on the groups
    assert "groups" in response.context["form"].errors
    assert not User.objects.filter(username="bantrai").exists()
    form_html = client.get("/admin/users/new/").content.decode()
    assert f'value="{board.pk}"' not in form_html
    assert f'value="{group(roles.CONTRIBUTORS).pk}"' in form_html


def test_site_admin_cannot_join_the_board_and_then_unpublish(client, site_admin, section):
    article = section.add_child(instance=ArticlePage(title="Tin đã đăng"))
    article.save_revision().publish()
    client.force_login(site_admin)
    admins, board = group(roles.SITE_ADMINISTRATORS), group(roles.EDITORIAL_BOARD)

    response = client.post(
        f"/admin/users/edit/{site_admin.pk}/", edit_data(site_admin, admins, board)
    )

    assert response.status_code == 200 and "groups" in response.context["form"].errors
    assert list(site_admin.groups.values_list("name", flat=True)) == [roles.SITE_ADMINISTRATORS]
    response = client.post(f"/admin/pages/{article.id}/unpublish/")
    article.refresh_from_db()
    assert is_refused(client, response) and article.live


def test_site_admin_edits_itself_and_keeps_its_groups(client, site_admin):
    client.force_login(site_admin)
    admins = group(roles.SITE_ADMINISTRATORS)

    response = client.post(f"/admin/users/edit/{site_admin.pk}/", edit_data(site_admin, admins))

    assert response.status_code == 302
    site_admin.refresh_from_db()
    assert site_admin.first_name == "Sửa" and not site_admin.is_superuser
    assert list(site_admin.groups.all()) == [admins]


@pytest.mark.parametrize("target", ["board_member", "superuser"])
def test_site_admin_cannot_take_over_a_higher_account(client, site_admin, target, request):
    user = (
        User.objects.create_superuser("sieu", "sieu@example.com", "pw")
        if target == "superuser"
        else request.getfixturevalue(target)
    )
    client.force_login(site_admin)

    assert is_refused(client, client.get(f"/admin/users/edit/{user.pk}/"))
    response = client.post(
        f"/admin/users/edit/{user.pk}/",
        edit_data(user, password1="chiem-quyen-2026", password2="chiem-quyen-2026"),
    )
    assert is_refused(client, response)
    assert is_refused(client, client.post(f"/admin/users/delete/{user.pk}/"))
    user.refresh_from_db()
    assert user.check_password("pw") and user.is_active


def test_site_admin_cannot_assign_the_board_through_bulk_actions(client, site_admin, contributor):
    client.force_login(site_admin)
    board = group(roles.EDITORIAL_BOARD)
    url = "/admin/bulk/auth/user/assign_role/"

    response = client.post(f"{url}?id={site_admin.pk}&id={contributor.pk}", {"role": board.pk})

    assert is_refused(client, response)
    assert not board.user_set.exists()


def test_site_admin_cannot_bulk_deactivate_or_delete_the_board(client, site_admin, board_member):
    client.force_login(site_admin)

    for action in ("set_active_state", "delete"):
        response = client.post(
            f"/admin/bulk/auth/user/{action}/?id={board_member.pk}", {"mark_as_active": "False"}
        )
        assert is_refused(client, response), action
    board_member.refresh_from_db()
    assert board_member.is_active


def test_site_admin_cannot_change_what_a_group_may_do(client, site_admin):
    client.force_login(site_admin)
    contributors = group(roles.CONTRIBUTORS)
    before = set(contributors.permissions.values_list("pk", flat=True))

    assert is_refused(client, client.get("/admin/groups/new/"))
    assert is_refused(client, client.post("/admin/groups/new/", {"name": "Nhóm riêng"}))
    assert is_refused(client, client.post(f"/admin/groups/edit/{contributors.pk}/", {"name": "x"}))
    assert not Group.objects.filter(name="Nhóm riêng").exists()
    contributors.refresh_from_db()
    assert contributors.name == roles.CONTRIBUTORS
    assert set(contributors.permissions.values_list("pk", flat=True)) == before


def test_site_admin_manages_contributors_and_section_editors(client, site_admin, section_editor):
    client.force_login(site_admin)
    contributors, editors = group(roles.CONTRIBUTORS), group(roles.SECTION_EDITORS)

    response = client.post("/admin/users/new/", new_user_data("phongvien2", contributors))
    assert response.status_code == 302
    assert list(User.objects.get(username="phongvien2").groups.all()) == [contributors]

    response = client.post(
        f"/admin/users/edit/{section_editor.pk}/", edit_data(section_editor, contributors)
    )
    assert response.status_code == 302
    assert list(section_editor.groups.all()) == [contributors]
    assert editors.user_set.count() == 0


def test_superuser_grants_the_board_and_superuser_status(client, contributor):
    client.force_login(User.objects.create_superuser("sieu", "sieu@example.com", "pw"))
    board = group(roles.EDITORIAL_BOARD)

    response = client.post(
        f"/admin/users/edit/{contributor.pk}/", edit_data(contributor, board, is_superuser="on")
    )

    assert response.status_code == 302
    contributor.refresh_from_db()
    assert contributor.is_superuser and list(contributor.groups.all()) == [board]
