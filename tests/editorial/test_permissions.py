"""Who may do what, checked through the real admin views as each role."""

import pytest
from wagtail.models import Page, Site

from home.models import ArticlePage, SiteSettings
from tests.admin_forms import article_form_data

pytestmark = pytest.mark.django_db

ROLES = ["contributor", "section_editor", "board_member", "site_admin"]

# action -> the roles allowed to do it; everyone else is refused with 403 and nothing changes.
ALLOWED = {
    "create": {"contributor", "section_editor", "board_member"},
    "edit": {"section_editor", "board_member"},
    "submit": {"contributor", "section_editor", "board_member"},
    "approve_step_1": {"section_editor", "board_member"},
    "approve_step_2": {"board_member"},
    "publish": {"board_member"},
    "unpublish": {"board_member"},
    "retract": {"board_member"},
    "delete": {"board_member"},
    "edit_settings": {"site_admin"},
    # Accounts: site administrators make accounts, but no one below a superuser grants the
    # board's group or superuser status, or changes what a group may do.
    "create_user": {"site_admin"},
    "grant_board": set(),
    "grant_superuser": set(),
    "edit_group": set(),
}
# Refused to site administrators by the form itself (the field or the choice is not there),
# so their answer is the form again (200) or an ordinary account (302), never the grant.
REFUSED_BY_THE_FORM = {"grant_board", "grant_superuser"}


def new_account(username: str, group_name: str, **fields) -> dict:
    from django.contrib.auth.models import Group

    return {
        "username": username,
        "email": f"{username}@example.com",
        "first_name": "Trần",
        "last_name": "Thị Bình",
        "password1": "mat-khau-dai-2026",
        "password2": "mat-khau-dai-2026",
        "groups": [Group.objects.get(name=group_name).pk],
        **fields,
    }


@pytest.fixture
def author_of_drafts(db):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_user("tacgia", "tacgia@example.com", "pw")


def live_article(section, owner=None) -> ArticlePage:
    article = section.add_child(instance=ArticlePage(title="Tin đã đăng", owner=owner))
    article.save_revision(user=owner).publish()
    return article


def draft_article(section, owner) -> ArticlePage:
    article = section.add_child(instance=ArticlePage(title="Bản nháp", live=False, owner=owner))
    article.save_revision(user=owner)
    return article


def in_review(section, owner, step: int, section_editor=None) -> ArticlePage:
    article = draft_article(section, owner)
    article.get_workflow().start(article, owner)
    if step == 2:
        state = article.current_workflow_state.current_task_state
        state.task.specific.on_action(state, section_editor, "approve")
    article.refresh_from_db()
    return article


def action_url(article, action):
    task_state = article.current_workflow_state.current_task_state
    return f"/admin/pages/workflow/action/{article.id}/{action}/{task_state.id}/"


def perform(action, client, user, section, request):
    """Do the action as user; return a function telling whether it took effect."""
    contributor = request.getfixturevalue("contributor")
    if action == "create":
        response = client.post(
            f"/admin/pages/add/home/articlepage/{section.id}/", article_form_data("Tin mới")
        )
        return response, lambda: ArticlePage.objects.filter(title="Tin mới").exists()
    if action == "edit":
        article = live_article(section, owner=request.getfixturevalue("author_of_drafts"))
        before = article.revisions.count()
        response = client.post(
            f"/admin/pages/{article.id}/edit/", article_form_data("Sửa tiêu đề", slug=article.slug)
        )
        return response, lambda: article.revisions.count() == before + 1
    if action == "submit":
        article = draft_article(section, owner=user)
        response = client.post(
            f"/admin/pages/{article.id}/edit/",
            article_form_data(article.title, "action-submit", slug=article.slug),
        )
        return response, lambda: ArticlePage.objects.get(id=article.id).workflow_in_progress
    if action in ("approve_step_1", "approve_step_2"):
        step = 1 if action == "approve_step_1" else 2
        section_editor = request.getfixturevalue("section_editor")
        article = in_review(section, contributor, step, section_editor)
        task_before = article.current_workflow_task.id
        response = client.post(action_url(article, "approve"))

        def moved_on() -> bool:
            fresh = ArticlePage.objects.get(id=article.id)
            return fresh.live or fresh.current_workflow_task.id != task_before

        return response, moved_on
    if action == "publish":
        article = draft_article(section, owner=user)
        response = client.post(
            f"/admin/pages/{article.id}/edit/",
            article_form_data(article.title, "action-publish", slug=article.slug),
        )
        return response, lambda: ArticlePage.objects.get(id=article.id).live
    if action == "unpublish":
        article = live_article(section)
        response = client.post(f"/admin/pages/{article.id}/unpublish/")
        return response, lambda: not ArticlePage.objects.get(id=article.id).live
    if action == "retract":
        article = live_article(section)
        response = client.post(f"/admin/pages/{article.id}/retract/", {"reason": "Sai số liệu"})
        return response, lambda: not ArticlePage.objects.get(id=article.id).live
    if action == "delete":
        article = live_article(section, owner=user)
        response = client.post(f"/admin/pages/{article.id}/delete/")
        return response, lambda: not Page.objects.filter(id=article.id).exists()
    if action == "edit_settings":
        site = Site.objects.get(is_default_site=True)
        response = client.post(
            f"/admin/settings/home/sitesettings/{site.id}/",
            {"identity": "", "phone": "0226 3 856 219", "email": ""},
        )
        return response, lambda: SiteSettings.for_site(site).phone == "0226 3 856 219"
    if action in ("create_user", "grant_board", "grant_superuser"):
        from django.contrib.auth import get_user_model

        from cms.editorial import roles

        User = get_user_model()
        if action == "grant_board":
            data = new_account("moi", roles.EDITORIAL_BOARD)
        else:
            extra = {"is_superuser": "on"} if action == "grant_superuser" else {}
            data = new_account("moi", roles.CONTRIBUTORS, **extra)
        response = client.post("/admin/users/new/", data)
        found = User.objects.filter(username="moi")
        if action == "grant_board":
            return response, found.filter(groups__name=roles.EDITORIAL_BOARD).exists
        if action == "grant_superuser":
            return response, found.filter(is_superuser=True).exists
        return response, found.filter(groups__name=roles.CONTRIBUTORS).exists
    if action == "edit_group":
        from django.contrib.auth.models import Group

        from cms.editorial import roles

        contributors = Group.objects.get(name=roles.CONTRIBUTORS)
        response = client.post(f"/admin/groups/edit/{contributors.pk}/", {"name": "Đổi tên"})
        return response, Group.objects.filter(name="Đổi tên").exists
    raise AssertionError(action)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", list(ALLOWED))
def test_permission_matrix(client, request, section, role, action):
    user = request.getfixturevalue(role)
    client.force_login(user)

    response, took_effect = perform(action, client, user, section, request)

    if role in ALLOWED[action]:
        assert response.status_code in (200, 302), response.status_code
        assert took_effect(), f"{role} could not {action}"
    else:
        if role == "site_admin" and action in REFUSED_BY_THE_FORM:
            assert response.status_code in (200, 302), response.status_code
        else:
            assert response.status_code == 403, f"{role} {action}: {response.status_code}"
        assert not took_effect(), f"{role} managed to {action}"


def test_section_editor_limited_to_the_sections_they_own(client, home_page, section):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission

    from home.models import SectionPage

    own = section.add_child(instance=SectionPage(title="Xây dựng Đảng"))
    other = home_page.add_child(instance=SectionPage(title="Chuyển đổi số"))
    group = Group.objects.create(name="Biên tập viên – Xây dựng Đảng")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page"):
        GroupPagePermission.objects.create(
            group=group, page=own, permission=Permission.objects.get(codename=codename)
        )
    editor = get_user_model().objects.create_user("btv_xdd", "btv@example.com", "pw")
    editor.groups.add(group)
    mine = live_article(own)
    theirs = live_article(other)
    client.force_login(editor)

    allowed = client.post(
        f"/admin/pages/{mine.id}/edit/", article_form_data("Sửa trong chuyên mục", slug=mine.slug)
    )
    refused = client.post(
        f"/admin/pages/{theirs.id}/edit/", article_form_data("Sửa ngoài", slug=theirs.slug)
    )

    assert allowed.status_code == 302
    assert refused.status_code == 403
    assert ArticlePage.objects.get(id=theirs.id).get_latest_revision_as_object().title == (
        "Tin đã đăng"
    )
