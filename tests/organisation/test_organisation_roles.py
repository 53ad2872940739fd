"""Who keeps the organisation chart, through the admin's HTTP views: section editors add
and change units and leaders as drafts; the editorial board also publishes and deletes;
contributors and site administrators get nothing. The screens are in Vietnamese."""

import pytest
from django.core.cache import cache

from home.models import Leader, OrganisationUnit
from tests.organisation_support import leader, unit

pytestmark = pytest.mark.django_db

ADD_LEADER = "/admin/snippets/home/leader/add/"
ADD_UNIT = "/admin/snippets/home/organisationunit/add/"


def leader_form(office: OrganisationUnit, action: str | None = None, **fields) -> dict:
    data = {
        "name": "Ngô Thị Thanh Tâm",
        "position": "Phó Chánh Văn phòng Đảng ủy Khối",
        "unit": str(office.pk),
        "term": "Nhiệm kỳ 2025–2030",
        "photo": "",
        "phone": "0226 3 856 219",
        "email": "nttam@example.vn",
        **fields,
    }
    if action:
        data[action] = "1"
    return data


@pytest.fixture
def office(db) -> OrganisationUnit:
    return unit("Văn phòng Đảng ủy Khối")


def public_names(client) -> list[str]:
    cache.clear()
    return [i["name"] for i in client.get("/api/v2/organisation/leaders/").json()["items"]]


@pytest.mark.parametrize("role", ["contributor", "site_admin"])
def test_contributors_and_site_administrators_cannot_touch_the_chart(client, request, office, role):
    existing = leader("Hoàng Văn Thịnh", "Bí thư", office)
    client.force_login(request.getfixturevalue(role))
    for url in (ADD_LEADER, ADD_UNIT, f"/admin/snippets/home/leader/edit/{existing.pk}/"):
        assert client.get(url).status_code in (302, 403), url
    response = client.post(ADD_LEADER, leader_form(office, "action-publish"))
    assert response.status_code in (302, 403)
    assert not Leader.objects.filter(name="Ngô Thị Thanh Tâm").exists()
    response = client.post(f"/admin/snippets/home/leader/delete/{existing.pk}/")
    assert Leader.objects.filter(pk=existing.pk).exists()


def test_a_section_editor_adds_a_draft_and_cannot_publish_it(client, section_editor, office):
    client.force_login(section_editor)
    page = client.get(ADD_LEADER)
    assert page.status_code == 200
    html = page.content.decode()
    for label in ("Họ và tên", "Chức vụ", "Đơn vị", "Nhiệm kỳ", "Điện thoại", "E-mail"):
        assert label in html, label
    for english in (">Full name<", ">Position<", ">Term<", ">Save draft<", ">Publish<"):
        assert english not in html, english
    response = client.post(ADD_LEADER, leader_form(office))
    assert response.status_code == 302
    added = Leader.objects.get(name="Ngô Thị Thanh Tâm")
    assert not added.live
    # A forged "publish" is refused: still a draft, nothing public.
    response = client.post(
        f"/admin/snippets/home/leader/edit/{added.pk}/", leader_form(office, "action-publish")
    )
    added.refresh_from_db()
    assert not added.live
    assert "Ngô Thị Thanh Tâm" not in public_names(client)


def test_the_board_publishes_reorders_and_deletes(client, board_member, office):
    first = leader("Hoàng Văn Thịnh", "Bí thư", office)
    client.force_login(board_member)
    response = client.post(ADD_LEADER, leader_form(office, "action-publish"))
    assert response.status_code == 302
    added = Leader.objects.get(name="Ngô Thị Thanh Tâm")
    assert added.live
    assert public_names(client) == ["Hoàng Văn Thịnh", "Ngô Thị Thanh Tâm"]
    # Drag and drop in the listing posts the new position.
    response = client.post(f"/admin/snippets/home/leader/reorder/{added.pk}/?position=0")
    assert response.status_code == 200
    assert public_names(client) == ["Ngô Thị Thanh Tâm", "Hoàng Văn Thịnh"]
    response = client.post(f"/admin/snippets/home/leader/delete/{first.pk}/")
    assert response.status_code == 302
    assert public_names(client) == ["Ngô Thị Thanh Tâm"]


def test_a_unit_cannot_belong_to_its_own_subunit(client, board_member, office):
    team = unit("Tổ tổng hợp", parent=office)
    client.force_login(board_member)
    response = client.post(
        f"/admin/snippets/home/organisationunit/edit/{office.pk}/",
        {"name": office.name, "kind": "department", "parent": str(team.pk), "description": "",
         "address": "", "phone": "", "email": "", "action-publish": "1"},
    )  # fmt: skip
    assert response.status_code == 200
    assert "Đơn vị không thể trực thuộc chính nó" in response.content.decode()
    office.refresh_from_db()
    assert office.parent_id is None


def test_bad_input_gets_vietnamese_messages(client, board_member, office):
    client.force_login(board_member)
    response = client.post(ADD_LEADER, leader_form(office, "action-publish", name="", email="x"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Trường này là bắt buộc." in html
    assert "Nhập địa chỉ email hợp lệ." in html or "email hợp lệ" in html
    assert not Leader.objects.exists() or not Leader.objects.filter(email="x").exists()
