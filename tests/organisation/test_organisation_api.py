"""``/api/v2/organisation/units/`` and ``/leaders/``: the published chart, in the requested
language, in the editors' order, in a constant number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.api_support import make_image
from tests.organisation_support import draft_change, leader, translate, unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def chart(db):
    board = unit("Ban Thường vụ Đảng ủy Khối", kind="leadership")
    office = unit("Văn phòng Đảng ủy Khối", parent=board, phone="0226 3 856 218")
    organising = unit("Ban Tổ chức Đảng ủy Khối", parent=board)
    members = unit("Các tổ chức cơ sở đảng", kind="party_organisation")
    secretary = leader(
        "Hoàng Văn Thịnh",
        "Tỉnh ủy viên, Bí thư Đảng ủy Khối",
        board,
        term="Nhiệm kỳ 2025–2030",
        phone="0913 456 789",
        email="thinh@example.vn",
        photo=make_image("Chân dung đồng chí Thịnh", size=(600, 800)),
    )
    chief = leader("Phạm Thị Lan", "Chánh Văn phòng", office)
    return {
        "board": board,
        "office": office,
        "organising": organising,
        "members": members,
        "secretary": secretary,
        "chief": chief,
    }


def names(items: list[dict]) -> list:
    return [(item["name"], names(item["children"])) for item in items]


def test_units_are_a_tree_in_the_editors_order(api, chart):
    data = api.get("/api/v2/organisation/units/").json()
    assert data["locale"] == "vi"
    assert names(data["items"]) == [
        (
            "Ban Thường vụ Đảng ủy Khối",
            [("Văn phòng Đảng ủy Khối", []), ("Ban Tổ chức Đảng ủy Khối", [])],
        ),
        ("Các tổ chức cơ sở đảng", []),
    ]
    office = data["items"][0]["children"][0]
    assert office["phone"] == "0226 3 856 218" and office["kind"] == "department"
    # Dragging the organising department above the office changes the order at once.
    chart["organising"].sort_order = -1
    chart["organising"].save()  # what the listing's drag saves; it drops cached responses
    data = api.get("/api/v2/organisation/units/").json()
    assert [c["name"] for c in data["items"][0]["children"]][0] == "Ban Tổ chức Đảng ủy Khối"


def test_leaders_with_unit_photo_and_contacts(api, chart):
    items = api.get("/api/v2/organisation/leaders/").json()["items"]
    assert [i["name"] for i in items] == ["Hoàng Văn Thịnh", "Phạm Thị Lan"]
    first = items[0]
    assert first["position"] == "Tỉnh ủy viên, Bí thư Đảng ủy Khối"
    assert first["term"] == "Nhiệm kỳ 2025–2030"
    assert first["unit"] == {"id": chart["board"].id, "name": "Ban Thường vụ Đảng ủy Khối"}
    assert (first["phone"], first["email"]) == ("0913 456 789", "thinh@example.vn")
    photo = first["photo"]
    assert (photo["width"], photo["height"]) == (240, 300)
    assert photo["url"].startswith("http") and photo["url"].endswith(".webp")
    assert photo["fallback_url"].endswith(".jpg")
    assert photo["alt"] == "Mô tả Chân dung đồng chí Thịnh"
    assert items[1]["photo"] is None
    office = api.get(f"/api/v2/organisation/leaders/?unit={chart['office'].id}").json()
    assert [i["name"] for i in office["items"]] == ["Phạm Thị Lan"]
    nobody = api.get("/api/v2/organisation/leaders/?unit=999999").json()
    assert nobody["items"] == []


def test_drafts_never_show(api, chart):
    hidden = unit("Ban Dân vận (nháp)", live=False)
    leader("Người Nháp", "Chức vụ nháp", hidden)
    leader("Nguyễn Văn Nháp", "Phó Bí thư", chart["board"], live=False)
    draft_change(chart["secretary"], position="NHÁP chức vụ mới")
    draft_change(chart["office"], name="NHÁP Văn phòng")
    # A published unit under an unpublished one shows nowhere, nor its name on its leaders.
    unit("Tổ công tác", parent=hidden)
    units = api.get("/api/v2/organisation/units/").content.decode()
    leaders = api.get("/api/v2/organisation/leaders/").json()["items"]
    assert "NHÁP" not in units and "nháp" not in units and "Tổ công tác" not in units
    assert [i["name"] for i in leaders] == ["Hoàng Văn Thịnh", "Phạm Thị Lan", "Người Nháp"]
    assert leaders[0]["position"] == "Tỉnh ủy viên, Bí thư Đảng ủy Khối"
    assert leaders[2]["unit"] is None
    assert all("NHÁP" not in (i["position"] + i["name"]) for i in leaders)
    # Unpublished in the admin: gone at once.
    chart["secretary"].unpublish()
    leaders = api.get("/api/v2/organisation/leaders/").json()["items"]
    assert "Hoàng Văn Thịnh" not in [i["name"] for i in leaders]


def test_english_lists_the_same_people_with_english_positions(api, chart):
    en_board = translate(chart["board"], name="Standing Board of the Party Committee")
    translate(chart["office"], name="Office of the Party Committee")
    translate(chart["organising"], publish=False)  # still being translated
    translate(chart["secretary"], position="Secretary of the Party Committee", term="2025–2030")
    translate(chart["chief"], position="Chief of Office")
    units = api.get("/api/v2/organisation/units/?locale=en").json()
    assert units["locale"] == "en"
    assert names(units["items"]) == [
        ("Standing Board of the Party Committee", [("Office of the Party Committee", [])])
    ]
    leaders = api.get("/api/v2/organisation/leaders/?locale=en").json()["items"]
    assert [(i["name"], i["position"]) for i in leaders] == [
        ("Hoàng Văn Thịnh", "Secretary of the Party Committee"),
        ("Phạm Thị Lan", "Chief of Office"),
    ]
    assert leaders[0]["unit"] == {
        "id": en_board.id,
        "name": "Standing Board of the Party Committee",
    }
    assert leaders[0]["phone"] == "0913 456 789" and leaders[0]["photo"] is not None
    board_en = api.get(f"/api/v2/organisation/leaders/?locale=en&unit={en_board.id}").json()
    assert [i["name"] for i in board_en["items"]] == ["Hoàng Văn Thịnh"]
    # The Vietnamese unit's id is not an English unit.
    vi_id = api.get(f"/api/v2/organisation/leaders/?locale=en&unit={chart['board'].id}").json()
    assert vi_id["items"] == []
    # Nothing Vietnamese leaks into English.
    body = api.get("/api/v2/organisation/units/?locale=en").content.decode()
    assert "Ban Tổ chức" not in body and "Ban Thường vụ" not in body


def test_the_vietnamese_row_withdrawn_withdraws_the_english_one(api, chart):
    translate(chart["secretary"], position="Secretary")
    chart["secretary"].unpublish()
    leaders = api.get("/api/v2/organisation/leaders/?locale=en").json()["items"]
    assert leaders == []


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/api/v2/organisation/units/?locale=xx", "locale"),
        ("/api/v2/organisation/leaders/?locale=", "locale"),
        ("/api/v2/organisation/leaders/?unit=abc", "unit"),
        ("/api/v2/organisation/leaders/?unit=-1", "unit"),
        ("/api/v2/organisation/units/?unit=1", "unit"),
        ("/api/v2/organisation/leaders/?limit=5", "limit"),
    ],
)
def test_bad_input_is_a_400_naming_the_parameter(api, url, parameter):
    response = api.get(url)
    assert response.status_code == 400
    assert response.json()["parameter"] == parameter


def _grow(n: int, photo) -> None:
    parent = unit(f"Khối {n}")
    for i in range(n):
        child = unit(f"Đơn vị {n}-{i}", parent=parent)
        member = leader(f"Cán bộ {n}-{i}", "Trưởng ban", child, photo=photo)
        translate(child, name=f"Unit {n}-{i}")
        translate(member, position="Head")
    translate(parent, name=f"Block {n}")


def _count_queries(api, locale: str) -> tuple[int, dict, dict]:
    api.get(f"/api/v2/organisation/leaders/?locale={locale}")  # renditions made once
    with CaptureQueriesContext(connection) as queries:
        units = api.get(f"/api/v2/organisation/units/?locale={locale}").json()
        leaders = api.get(f"/api/v2/organisation/leaders/?locale={locale}").json()
    return len(queries.captured_queries), units, leaders


@pytest.mark.parametrize(("locale", "bound"), [("vi", 6), ("en", 11)])
def test_queries_do_not_grow_with_the_chart(api, settings, locale, bound):
    settings.API_RESPONSE_CACHE = False
    photo = make_image("Chân dung", size=(300, 400))
    _grow(2, photo)
    few, _units, leaders = _count_queries(api, locale)
    assert len(leaders["items"]) == 2 and few <= bound
    _grow(12, photo)
    many, units, leaders = _count_queries(api, locale)
    assert len(units["items"]) == 2 and len(leaders["items"]) == 14
    assert all(item["photo"] is not None for item in leaders["items"])
    assert many == few
