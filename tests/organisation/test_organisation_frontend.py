"""The organisation page on the reader frontend, fed by the real API over HTTP (a live
server of the CMS; PostgreSQL in CI): the chart as nested
lists with headings, leaders with photo, position and tel:/mailto: links, only what is
published, and the English page with English positions."""

import re

import pytest
from django.core.cache import cache
from starlette.testclient import TestClient
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.operations import TranslationCreator

from frontend.app import create_app
from frontend.cache import MemoryCache
from frontend.config import Config
from home.models import OrganisationPage, StandardPage
from tests.api_support import make_image, publish
from tests.organisation_support import leader, translate, unit

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def reader(live_server):
    """The frontend, reading the CMS's API from a live server over HTTP."""

    def make() -> TestClient:
        cache.clear()
        config = Config(
            cms_api_url=f"{live_server.url}/api/v2", public_url="https://tin.example.vn"
        )
        return TestClient(create_app(config, cache=MemoryCache()), raise_server_exceptions=True)

    return make


@pytest.fixture
def organisation_page(home_page) -> OrganisationPage:
    about = publish(home_page.add_child(instance=StandardPage(title="Giới thiệu")))
    page = OrganisationPage(title="Cơ cấu tổ chức", lead="Tổ chức bộ máy của Đảng ủy Khối.")
    return publish(about.add_child(instance=page))


@pytest.fixture
def chart(db):
    board = unit("Ban Thường vụ Đảng ủy Khối", kind="leadership")
    office = unit("Văn phòng Đảng ủy Khối", parent=board, phone="0226 3 856 218")
    secretary = leader(
        "Hoàng Văn Thịnh",
        "Tỉnh ủy viên, Bí thư Đảng ủy Khối",
        board,
        phone="0913 456 789",
        email="thinh@example.vn",
        photo=make_image("Chân dung", size=(600, 800)),
    )
    chief = leader("Phạm Thị Lan", "Chánh Văn phòng", office, email="lan@example.vn")
    leader("Người Nháp", "Phó Bí thư (nháp)", board, live=False)
    return {"board": board, "office": office, "secretary": secretary, "chief": chief}


def test_the_chart_is_nested_lists_with_headings_and_contacts(reader, organisation_page, chart):
    response = reader().get("/gioi-thieu/co-cau-to-chuc/")
    assert response.status_code == 200
    html = response.text
    assert "<h1>Cơ cấu tổ chức</h1>" in html
    assert '<h2 id="org-chart-title">Sơ đồ tổ chức</h2>' in html
    # Board (h3) > its leaders (h4) and the office (h4) > its leader (h5), nested lists.
    board = html.index('<h3 class="org-unit__name">Ban Thường vụ Đảng ủy Khối</h3>')
    secretary = html.index('<h4 class="person__name">Hoàng Văn Thịnh</h4>')
    office = html.index('<h4 class="org-unit__name">Văn phòng Đảng ủy Khối</h4>')
    chief = html.index('<h5 class="person__name">Phạm Thị Lan</h5>')
    assert board < secretary < office < chief
    nested = html[board:chief]
    assert nested.count('<ul class="org-chart__units">') == 1  # the office's list, inside
    assert "Tỉnh ủy viên, Bí thư Đảng ủy Khối" in html
    assert '<a href="tel:0913456789">0913 456 789</a>' in html
    assert '<a href="mailto:thinh@example.vn">thinh@example.vn</a>' in html
    assert '<a href="tel:02263856218">0226 3 856 218</a>' in html
    img = re.search(r'<img src="([^"]+)" width="240" height="300" alt="Mô tả Chân dung"', html)
    assert img and img.group(1).endswith(".jpg")
    assert "Người Nháp" not in html and "nháp" not in html


def test_unpublishing_a_leader_takes_them_off_the_page(reader, organisation_page, chart):
    chart["chief"].unpublish()
    html = reader().get("/gioi-thieu/co-cau-to-chuc/").text
    assert "Phạm Thị Lan" not in html and "Hoàng Văn Thịnh" in html


def _translate_page(page, user, texts: dict[str, str]) -> None:
    english = Locale.objects.get(language_code="en")
    TranslationCreator(user, [english]).create_translations(page)
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=english
    )
    for segment in StringSegment.objects.filter(source=translation.source).select_related("string"):
        if segment.string.data in texts:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=english,
                context=segment.context,
                defaults={"data": texts[segment.string.data]},
            )
    translation.save_target(user=user, publish=True)


def test_the_english_page_lists_the_same_people_with_english_positions(
    reader, organisation_page, chart, board_member
):
    _translate_page(
        organisation_page,
        board_member,
        {
            "Cơ cấu tổ chức": "Organisation",
            "co-cau-to-chuc": "organisation",
            "Tổ chức bộ máy của Đảng ủy Khối.": "How the Party Committee is organised.",
        },
    )
    translate(chart["board"], name="Standing Board of the Party Committee")
    translate(chart["office"], name="Office of the Party Committee")
    translate(chart["secretary"], position="Secretary of the Party Committee")
    translate(chart["chief"], position="Chief of Office")
    response = reader().get("/en/gioi-thieu/organisation/")
    assert response.status_code == 200
    html = response.text
    assert '<h1 lang="en">Organisation</h1>' in html
    assert '<h2 id="org-chart-title">Organisation chart</h2>' in html
    assert 'lang="en">Standing Board of the Party Committee</h3>' in html
    assert "Secretary of the Party Committee" in html and "Chief of Office" in html
    assert "Hoàng Văn Thịnh" in html and "Phạm Thị Lan" in html
    assert "Bí thư Đảng ủy Khối" not in html and "Văn phòng Đảng ủy Khối" not in html
    assert '<a href="mailto:thinh@example.vn">' in html
