"""Migration home/0031: units and leaders are assigned "Quy trình duyệt tin" (linked websites
keep publishing directly), and the ones already live stay live, each with a live revision
holding what readers see, so the first edit is a draft over it."""

import importlib

import pytest
from django.apps import apps
from django.core.cache import cache

from home.models import Leader, LinkedWebsite, OrganisationUnit
from tests.organisation_support import leader, unit

pytestmark = pytest.mark.django_db

migration = importlib.import_module("home.migrations.0032_organisation_workflow")


def test_units_and_leaders_go_through_the_articles_workflow():
    assert OrganisationUnit.get_default_workflow().name == "Quy trình duyệt tin"
    assert Leader.get_default_workflow().name == "Quy trình duyệt tin"
    assert LinkedWebsite.get_default_workflow() is None


def test_live_rows_stay_live_with_a_revision_and_drafts_are_left_alone(client, section_editor):
    office = unit("Văn phòng Đảng ủy Khối")
    secretary = leader("Hoàng Văn Thịnh", "Bí thư", office)
    draft = leader("Ngô Thị Thanh Tâm", "Phó Chánh Văn phòng", office, live=False)
    assert secretary.live_revision is None

    migration.revise_live_rows(apps, None)
    migration.revise_live_rows(apps, None)  # run again: nothing more

    for row in (office, secretary):
        row.refresh_from_db()
        assert row.live and not row.has_unpublished_changes
        assert row.live_revision is not None and row.latest_revision == row.live_revision
        assert row.revisions.count() == 1
        assert row.first_published_at is not None
    assert secretary.live_revision.as_object().position == "Bí thư"
    draft.refresh_from_db()
    assert draft.live_revision is None and draft.revisions.count() == 0

    # The first edit is a draft over the published version.
    client.force_login(section_editor)
    response = client.post(
        f"/admin/snippets/home/leader/edit/{secretary.pk}/",
        {"name": "Hoàng Văn Thịnh", "position": "Nguyên Bí thư", "unit": str(office.pk),
         "term": "", "photo": "", "phone": "", "email": "", "action-submit": "1"},
    )  # fmt: skip
    assert response.status_code == 302
    secretary.refresh_from_db()
    assert secretary.live and secretary.has_unpublished_changes
    assert secretary.revisions.count() == 2
    cache.clear()
    items = client.get("/api/v2/organisation/leaders/").json()["items"]
    assert [(i["name"], i["position"]) for i in items] == [("Hoàng Văn Thịnh", "Bí thư")]
