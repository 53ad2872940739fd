"""Whether a page without children may be deleted: answered from the page itself, as Wagtail
answers it from the database (home.models.base.LeafPagePermissionTester)."""

import itertools

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import GroupPagePermission, PagePermissionTester

from home.models import ArticlePage
from home.models.base import LeafPagePermissionTester
from tests.api_support import make_article

PERMISSION_SETS = [
    (),
    ("add_page",),
    ("add_page", "publish_page"),
    ("change_page",),
    ("change_page", "publish_page"),
    ("add_page", "change_page"),
]


@pytest.mark.django_db
@pytest.mark.parametrize("codenames", PERMISSION_SETS)
def test_leaf_answer_is_wagtails_without_a_query(section, codenames):
    group = Group.objects.create(name="Nhóm thử")
    for codename in codenames:
        GroupPagePermission.objects.create(
            group=group, page=section, permission=Permission.objects.get(codename=codename)
        )
    users = get_user_model().objects
    user = users.create_user("bien_tap", "bt@example.com", "pw")
    user.groups.add(group)
    someone_else = users.create_user("khac", "khac@example.com", "pw")
    combinations = itertools.product((True, False), (user, someone_else, None))
    for number, (live, owner) in enumerate(combinations):
        article = make_article(section, f"Tin {number}")
        ArticlePage.objects.filter(id=article.id).update(live=live, owner=owner)
        article = ArticlePage.objects.get(id=article.id)
        user = users.get(id=user.id)  # permissions read afresh
        expected = PagePermissionTester(user, article).can_delete()
        tester = article.permissions_for_user(user)
        assert isinstance(tester, LeafPagePermissionTester)
        with CaptureQueriesContext(connection) as queries:
            answer = tester.can_delete()
        assert answer == expected, (codenames, live, owner)
        assert len(queries) == 0


@pytest.mark.django_db
def test_a_section_with_children_is_still_asked_of_the_database(section):
    make_article(section, "Tin con")
    group = Group.objects.create(name="Nhóm thử")
    GroupPagePermission.objects.create(
        group=group, page=section, permission=Permission.objects.get(codename="change_page")
    )
    user = get_user_model().objects.create_user("bien_tap", "bt@example.com", "pw")
    user.groups.add(group)
    section.refresh_from_db()
    # A live child: whoever may not publish may not delete the branch.
    assert section.permissions_for_user(user).can_delete() is False
    assert PagePermissionTester(user, section).can_delete() is False
