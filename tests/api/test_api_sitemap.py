"""sitemap.xml (frontend/seo.py, from /api/v2/pages/ and /api/v2/questions/) lists exactly the
public pages of issue 19's kinds: published documents, published schedule weeks, the
organisation page; "Hỏi đáp" carries the date of its newest published answer. Drafts,
scheduled, retracted and restricted pages, and questions not published, leave no trace."""

import datetime
import re

import pytest
from django.core.cache import cache
from django.utils import timezone
from wagtail.models import PageViewRestriction

from cms.editorial import retraction
from home.models import OrganisationPage, StandardPage, WorkScheduleIndexPage
from tests.api_support import publish
from tests.contact_support import make_question
from tests.documents.support import library, lists, make_document
from tests.reader_support import PUBLIC_URL, reader_get
from tests.work_schedule_support import make_week

pytestmark = pytest.mark.django_db


def locs(sitemap: str) -> set[str]:
    return {loc.removeprefix(PUBLIC_URL) for loc in re.findall(r"<loc>([^<]*)</loc>", sitemap)}


def test_sitemap_lists_public_documents_weeks_organisation_and_questions(home_page, board_member):
    index = library(home_page)
    schedule = publish(
        home_page.add_child(
            instance=WorkScheduleIndexPage(title="Lịch công tác", slug="lich-cong-tac")
        )
    )
    ls = lists()
    document = make_document(index, "81", ls["kh"], ls["duk"], "Kế hoạch công khai")
    hidden = {
        "draft": make_document(index, "82", ls["kh"], ls["duk"], "Nháp", publish_it=False),
        "retracted": make_document(index, "83", ls["kh"], ls["duk"], "Đã gỡ"),
        "restricted": make_document(index, "84", ls["kh"], ls["duk"], "Nội bộ"),
        "scheduled": make_document(index, "85", ls["kh"], ls["duk"], "Hẹn giờ", publish_it=False),
    }
    retraction.retract(hidden["retracted"], board_member, "Sai trích yếu.")
    PageViewRestriction.objects.create(page=hidden["restricted"], restriction_type="login")
    hidden["scheduled"].go_live_at = timezone.now() + datetime.timedelta(days=1)
    hidden["scheduled"].save_revision().publish()
    week = make_week(schedule, 2026, 49)
    hidden["draft week"] = make_week(schedule, 2026, 50, published=False)
    hidden["retracted week"] = make_week(schedule, 2026, 51)
    retraction.retract(hidden["retracted week"], board_member, "Chưa thống nhất.")
    about = publish(
        home_page.add_child(instance=StandardPage(title="Giới thiệu", slug="gioi-thieu"))
    )
    organisation = publish(
        about.add_child(instance=OrganisationPage(title="Cơ cấu tổ chức", slug="co-cau-to-chuc"))
    )
    hidden["organisation draft"] = about.add_child(
        instance=OrganisationPage(title="Cơ cấu cũ", slug="co-cau-cu", live=False)
    )
    answered_at = timezone.now() - datetime.timedelta(days=2)
    answered = make_question(
        status="answered",
        answer="Đồng chí liên hệ Văn phòng.",
        answered_at=answered_at,
        published=True,
        published_at=answered_at,
    )
    # Newer, but not public: answered and not approved, or approved without an answer.
    make_question(status="answered", answer="Nháp", published_at=timezone.now())
    make_question(status="new", published=True, published_at=timezone.now())
    cache.clear()

    response = reader_get("/sitemap.xml")

    assert response.status_code == 200, response.text
    sitemap = response.text
    listed = locs(sitemap)
    for page in (index, document, schedule, week, about, organisation):
        assert f"/{page.url_path.split('/', 2)[2]}" in listed, page.url_path
    assert "/lich-cong-tac/2026-w49/" in listed
    assert "/gioi-thieu/co-cau-to-chuc/" in listed
    for name, page in hidden.items():
        assert f"/{page.slug}/" not in sitemap, name
    answered.refresh_from_db()
    assert (
        f"<url><loc>{PUBLIC_URL}/hoi-dap/</loc>"
        f"<lastmod>{answered.published_at.isoformat()}</lastmod></url>"
    ) in sitemap


def test_sitemap_without_published_answers_lists_hoi_dap_undated(home_page):
    make_question(status="answered", answer="Nháp", published_at=timezone.now())
    cache.clear()
    sitemap = reader_get("/sitemap.xml").text
    assert f"<url><loc>{PUBLIC_URL}/hoi-dap/</loc></url>" in sitemap
    assert f"<url><loc>{PUBLIC_URL}/lien-he/</loc></url>" in sitemap
