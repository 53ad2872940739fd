"""A retracted article is the office's record: only the board deletes it, and its retraction
(who, when, why, the revision) outlives the page (issue 17, finding 2)."""

import pytest
from wagtail.models import Page

from cms.editorial import retraction
from home.models import ArticlePage, Retraction
from tests.admin_support import is_refused

pytestmark = pytest.mark.django_db


@pytest.fixture
def retracted(section, contributor, board_member) -> ArticlePage:
    article = section.add_child(
        instance=ArticlePage(title="Số liệu quý III sai", lead="Sapo", owner=contributor)
    )
    article.save_revision(user=contributor).publish()
    retraction.retract(article, board_member, "Sai số liệu tổng hợp")
    return ArticlePage.objects.get(id=article.id)


@pytest.mark.parametrize("role", ["contributor", "section_editor"])
def test_retracted_page_cannot_be_deleted_below_the_board(client, retracted, role, request):
    client.force_login(request.getfixturevalue(role))

    assert is_refused(client, client.get(f"/admin/pages/{retracted.id}/delete/"))
    assert is_refused(client, client.post(f"/admin/pages/{retracted.id}/delete/"))
    bulk = f"/admin/bulk/wagtailcore/page/delete/?id={retracted.id}"
    assert is_refused(client, client.post(bulk))

    assert Page.objects.filter(id=retracted.id).exists()
    assert Retraction.objects.filter(page_id=retracted.id).count() == 1


def test_section_holding_a_retracted_page_cannot_be_deleted_below_the_board(
    client, retracted, section, section_editor
):
    client.force_login(section_editor)

    response = client.post(f"/admin/pages/{section.id}/delete/")

    assert is_refused(client, response)
    assert Page.objects.filter(id=retracted.id).exists()


def test_board_deletes_retracted_page_and_its_record_stays(
    client, retracted, board_member, django_capture_on_commit_callbacks
):
    page_id = retracted.id
    client.force_login(board_member)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/pages/{page_id}/delete/")

    assert response.status_code == 302
    assert not Page.objects.filter(id=page_id).exists()
    record = Retraction.objects.get(page_id=page_id)
    assert record.page_title == "Số liệu quý III sai"
    assert record.reason == "Sai số liệu tổng hợp"
    assert record.retracted_by == board_member and record.retracted_at is not None
    assert record.revision_content["title"] == "Số liệu quý III sai"
    assert record.revision_content["lead"] == "Sapo"
    assert str(record).startswith("Số liệu quý III sai (")


def test_unretracted_draft_is_still_deleted_by_its_contributor(client, section, contributor):
    draft = section.add_child(instance=ArticlePage(title="Nháp", live=False, owner=contributor))
    draft.save_revision(user=contributor)
    client.force_login(contributor)

    response = client.post(f"/admin/pages/{draft.id}/delete/")

    assert response.status_code == 302
    assert not Page.objects.filter(id=draft.id).exists()
