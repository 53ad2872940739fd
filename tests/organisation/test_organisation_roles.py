"""Who keeps the organisation chart, through the admin's HTTP views: section editors add
and change units and leaders as drafts; the editorial board also publishes and deletes;
contributors and site administrators get nothing. The screens are in Vietnamese."""

import json
from urllib.parse import urlencode

import pytest
from django.core.cache import cache
from wagtail.models import Locale, ModelLogEntry
from wagtail_localize.models import StringSegment, Translation

from home.models import Leader, OrganisationUnit
from tests.organisation_support import leader, translate, unit

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


# --- Through "Quy trình duyệt tin" ----------------------------------------------------


def workflow_action(leader_or_unit, action: str) -> str:
    task_state = leader_or_unit.current_workflow_state.current_task_state
    model, pk = leader_or_unit._meta.model_name, leader_or_unit.pk
    return f"/admin/snippets/home/{model}/workflow/action/{pk}/{action}/{task_state.id}/"


def published(row) -> None:
    """Published as the board's approval or "Xuất bản" leaves it: row and live revision."""
    row.save_revision().publish()


def leaders_etag(client, etag: str | None = None):
    """The public leaders (names and positions) and the ETag; ``etag`` asks conditionally
    (a 304 means the API cache was not bumped)."""
    headers = {"HTTP_IF_NONE_MATCH": etag} if etag else {}
    response = client.get("/api/v2/organisation/leaders/", **headers)
    if response.status_code == 304:
        return None, response["ETag"]
    items = response.json()["items"]
    return [(i["name"], i["position"]) for i in items], response["ETag"]


def test_a_section_editor_submits_a_leader_and_the_board_approval_publishes_it(
    client, section_editor, board_member, office
):
    client.force_login(section_editor)
    response = client.post(ADD_LEADER, leader_form(office, "action-submit"), follow=True)
    assert response.status_code == 200
    added = Leader.objects.get(name="Ngô Thị Thanh Tâm")
    assert not added.live
    assert added.current_workflow_task.name == "Biên tập viên duyệt"
    assert "Ngô Thị Thanh Tâm" not in public_names(client)

    # The section editors' step: approved, still off the site.
    response = client.post(workflow_action(added, "approve"), follow=True)
    assert response.status_code == 200
    added.refresh_from_db()
    assert added.current_workflow_task.name == "Ban biên tập phê duyệt"
    assert not added.live
    # The board's step is not theirs.
    task_state = added.current_workflow_state.current_task_state
    response = client.post(workflow_action(added, "approve"))
    assert response.status_code in (302, 403)
    task_state.refresh_from_db()
    assert task_state.status == "in_progress"
    assert "Ngô Thị Thanh Tâm" not in public_names(client)
    # Nor may they change what waits for the board: it is locked for them.
    revision = added.latest_revision_id
    response = client.post(
        f"/admin/snippets/home/leader/edit/{added.pk}/", leader_form(office, position="Đổi")
    )
    assert response.status_code == 200
    added.refresh_from_db()
    assert added.latest_revision_id == revision and added.position != "Đổi"

    # The board's approval publishes.
    client.force_login(board_member)
    response = client.post(workflow_action(added, "approve"), {"comment": "Đồng ý."}, follow=True)
    assert response.status_code == 200
    added.refresh_from_db()
    assert added.live
    assert added.current_workflow_state is None
    assert "Ngô Thị Thanh Tâm" in public_names(client)
    actions = list(
        ModelLogEntry.objects.filter(content_type__model="leader", object_id=str(added.pk))
        .order_by("timestamp", "id")
        .values_list("action", "user__username")
    )
    assert ("wagtail.workflow.start", "bientapvien") in actions
    assert ("wagtail.workflow.approve", "bientapvien") in actions
    assert ("wagtail.workflow.approve", "truongban") in actions
    assert ("wagtail.publish", "truongban") in actions


def test_a_submitted_unit_is_published_by_the_board(client, section_editor, board_member, office):
    client.force_login(section_editor)
    data = {"name": "Ban Tuyên giáo", "kind": "department", "parent": "", "description": "",
            "address": "", "phone": "", "email": "", "action-submit": "1"}  # fmt: skip
    assert client.post(ADD_UNIT, data).status_code == 302
    added = OrganisationUnit.objects.get(name="Ban Tuyên giáo")
    client.post(workflow_action(added, "approve"))
    cache.clear()
    assert "Ban Tuyên giáo" not in client.get("/api/v2/organisation/units/").content.decode()
    client.force_login(board_member)
    added.refresh_from_db()
    client.post(workflow_action(added, "approve"))
    added.refresh_from_db()
    assert added.live
    assert "Ban Tuyên giáo" in client.get("/api/v2/organisation/units/").content.decode()


def test_sending_back_needs_a_comment_and_keeps_it_off_the_site(
    client, section_editor, board_member, office
):
    client.force_login(section_editor)
    client.post(ADD_LEADER, leader_form(office, "action-submit"))
    added = Leader.objects.get(name="Ngô Thị Thanh Tâm")
    client.post(workflow_action(added, "approve"))
    client.force_login(board_member)
    client.post(workflow_action(added, "reject"), {"comment": " "})
    assert added.current_workflow_state.status == "in_progress"
    client.post(workflow_action(added, "reject"), {"comment": "Ghi rõ chức vụ đầy đủ."})
    assert added.current_workflow_state.status == "needs_changes"
    added.refresh_from_db()
    assert not added.live
    assert "Ngô Thị Thanh Tâm" not in public_names(client)


def test_a_draft_edit_of_a_published_leader_shows_only_once_approved(
    client, section_editor, board_member, office
):
    """The row keeps the published text; saving or submitting a change leaves the API's
    responses (and their ETags: the cache is not bumped) as they were until the board's
    approval publishes it."""
    existing = leader("Hoàng Văn Thịnh", "Phó Bí thư", office)
    published(existing)
    cache.clear()
    before, etag = leaders_etag(client)
    assert before == [("Hoàng Văn Thịnh", "Phó Bí thư")]

    client.force_login(section_editor)
    edit = f"/admin/snippets/home/leader/edit/{existing.pk}/"
    new_fields = {"name": "Hoàng Văn Thịnh", "position": "Bí thư"}
    assert client.post(edit, leader_form(office, **new_fields)).status_code == 302
    assert leaders_etag(client, etag) == (None, etag)  # a draft: not even a new ETag
    assert client.post(edit, leader_form(office, "action-submit", **new_fields)).status_code == 302
    existing.refresh_from_db()
    client.post(workflow_action(existing, "approve"))
    assert leaders_etag(client, etag) == (None, etag)
    assert leaders_etag(client)[0] == before

    client.force_login(board_member)
    existing.refresh_from_db()
    client.post(workflow_action(existing, "approve"))
    after, new_etag = leaders_etag(client, etag)
    assert after == [("Hoàng Văn Thịnh", "Bí thư")]
    assert new_etag != etag


def test_an_unpublished_leader_disappears_at_once(client, board_member, office):
    existing = leader("Hoàng Văn Thịnh", "Bí thư", office)
    published(existing)
    cache.clear()
    names, etag = leaders_etag(client)
    assert names == [("Hoàng Văn Thịnh", "Bí thư")]
    client.force_login(board_member)
    response = client.post(f"/admin/snippets/home/leader/unpublish/{existing.pk}/")
    assert response.status_code == 302
    assert leaders_etag(client, etag)[0] == []


@pytest.mark.parametrize("role", ["contributor", "site_admin"])
def test_contributors_and_site_administrators_cannot_approve(
    client, request, section_editor, office, role
):
    client.force_login(section_editor)
    client.post(ADD_LEADER, leader_form(office, "action-submit"))
    added = Leader.objects.get(name="Ngô Thị Thanh Tâm")
    task_state = added.current_workflow_state.current_task_state
    client.force_login(request.getfixturevalue(role))
    for action in ("approve", "reject"):
        response = client.post(workflow_action(added, action), {"comment": "x"})
        assert response.status_code in (302, 403)
    task_state.refresh_from_db()
    assert task_state.status == "in_progress"
    assert "Ngô Thị Thanh Tâm" not in public_names(client)


def test_a_section_editor_locks_a_leader_the_board_unlocks_it(
    client, section_editor, board_member, office
):
    existing = leader("Hoàng Văn Thịnh", "Bí thư", office)
    client.force_login(section_editor)
    assert client.post(f"/admin/snippets/home/leader/lock/{existing.pk}/").status_code == 302
    existing.refresh_from_db()
    assert existing.locked and existing.locked_by == section_editor
    client.force_login(board_member)
    assert client.post(f"/admin/snippets/home/leader/unlock/{existing.pk}/").status_code == 302
    existing.refresh_from_db()
    assert not existing.locked


def test_the_english_position_shows_once_the_board_publishes_the_translation(
    client, section_editor, board_member, office
):
    """ "Dịch" (wagtail-localize) over HTTP: a section editor starts the English copy and types
    the position; only the board may publish it; then the English chart has it."""
    english = Locale.objects.get(language_code="en")
    existing = leader("Hoàng Văn Thịnh", "Bí thư Đảng ủy Khối", office)
    published(existing)
    translate(office, name="Office of the Party Committee")
    client.force_login(section_editor)
    response = client.post(
        f"/admin/localize/submit/snippet/home/leader/{existing.pk}/", {"locales": [english.pk]}
    )
    assert response.status_code == 302
    copy = Leader.objects.get(locale=english, translation_key=existing.translation_key)
    assert not copy.live
    translation = Translation.objects.get(
        source__object_id=existing.translation_key, target_locale=english
    )
    segment = StringSegment.objects.get(
        source=translation.source, string__data="Bí thư Đảng ủy Khối"
    )
    response = client.put(
        f"/admin/localize/translate/{translation.pk}/strings/{segment.pk}/edit/",
        urlencode({"value": "Secretary of the Party Committee"}),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 201
    edit = f"/admin/snippets/home/leader/edit/{copy.pk}/"
    assert client.post(edit, {"action": "publish"}).status_code == 403
    cache.clear()
    assert client.get("/api/v2/organisation/leaders/?locale=en").json()["items"] == []

    client.force_login(board_member)
    assert client.post(edit, {"action": "publish"}).status_code == 302
    items = client.get("/api/v2/organisation/leaders/?locale=en").json()["items"]
    assert [(i["name"], i["position"]) for i in items] == [
        ("Hoàng Văn Thịnh", "Secretary of the Party Committee")
    ]
    assert items[0]["unit"]["name"] == "Office of the Party Committee"


def test_approving_a_change_submitted_before_a_reorder_keeps_the_new_order(
    client, section_editor, board_member, office
):
    first = leader("Hoàng Văn Thịnh", "Bí thư", office)
    second = leader("Ngô Thị Thanh Tâm", "Phó Chánh Văn phòng", office)
    published(first)
    published(second)
    client.force_login(section_editor)
    edit = f"/admin/snippets/home/leader/edit/{second.pk}/"
    client.post(edit, leader_form(office, "action-submit", position="Chánh Văn phòng"))
    second.refresh_from_db()
    client.post(workflow_action(second, "approve"))
    client.force_login(board_member)
    client.post(f"/admin/snippets/home/leader/reorder/{second.pk}/?position=0")
    assert public_names(client) == ["Ngô Thị Thanh Tâm", "Hoàng Văn Thịnh"]
    second.refresh_from_db()
    client.post(workflow_action(second, "approve"))
    cache.clear()
    items = client.get("/api/v2/organisation/leaders/").json()["items"]
    assert [(i["name"], i["position"]) for i in items] == [
        ("Ngô Thị Thanh Tâm", "Chánh Văn phòng"),
        ("Hoàng Văn Thịnh", "Bí thư"),
    ]


def test_approving_or_sending_back_from_the_editor_says_what_happened(
    client, section_editor, board_member, office
):
    client.force_login(section_editor)
    client.post(ADD_LEADER, leader_form(office, "action-submit"))
    added = Leader.objects.get(name="Ngô Thị Thanh Tâm")
    edit = f"/admin/snippets/home/leader/edit/{added.pk}/"

    def act(action: str, comment: str = "") -> str:
        data = leader_form(office, "action-workflow-action")
        data["workflow-action-name"] = action
        data["workflow-action-extra-data"] = json.dumps({"comment": comment} if comment else {})
        response = client.post(edit, data, follow=True)
        assert response.status_code == 200
        # The message's text, without its "Sửa" button.
        return [str(m).split("\n")[0] for m in response.context["messages"]][-1]

    assert act("approve") == (
        "Đã duyệt bước “Biên tập viên duyệt” cho “Ngô Thị Thanh Tâm”; chuyển sang bước tiếp theo."
    )
    client.force_login(board_member)
    assert act("reject", "Ghi rõ chức vụ.") == "Đã trả lại “Ngô Thị Thanh Tâm” kèm ý kiến của bạn."
    client.force_login(section_editor)
    client.post(edit, leader_form(office, "action-submit"))
    act("approve")
    client.force_login(board_member)
    assert act("approve") == (
        "Đã duyệt bước “Ban biên tập phê duyệt”: “Ngô Thị Thanh Tâm” đã được xuất bản."
    )
    assert "Ngô Thị Thanh Tâm" in public_names(client)
