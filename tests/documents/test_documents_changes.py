"""A document's life reaches the change feed (README "Change feed", issue 19): publishing is
an upsert carrying the document, an edit published again an ``updated`` item, a retraction
and a deletion tombstones (``page`` null) that a portal applies by deleting."""

import pytest
from django.test import Client

from cms.editorial import retraction
from home.models.documents import LegalDocumentPage
from tests.api_support import publish
from tests.documents.support import library, lists, make_document
from tests.syndication_support import PortalMirror, make_api_key

pytestmark = pytest.mark.django_db


def test_document_publish_edit_retract_delete_reach_the_change_feed(home_page, board_member):
    index = library(home_page)
    ls = lists()
    _api_key, key = make_api_key()
    portal = PortalMirror(Client(), key)
    portal.sync()  # the snapshot; from here on, changes only

    document = make_document(
        index, "81", ls["kh"], ls["duk"], "Kế hoạch chuyển đổi số", publish_it=False
    )
    assert [i for i in portal.sync() if i["page_id"] == document.id] == []  # a draft

    publish(document)
    [created] = portal.sync()
    assert (created["type"], created["page_id"]) == ("created", document.id)
    assert created["content_type"] == "home.LegalDocumentPage"
    assert created["page"]["kind"] == "document"
    assert created["page"]["document"]["number"] == "81-KH/ĐUK"

    document = LegalDocumentPage.objects.get(id=document.id)
    document.summary = "Kế hoạch chuyển đổi số, sửa đổi lần 1."
    publish(document)
    [updated] = portal.sync()
    assert (updated["type"], updated["page_id"]) == ("updated", document.id)
    assert updated["page"]["document"]["summary"] == "Kế hoạch chuyển đổi số, sửa đổi lần 1."
    assert portal.pages[document.id]["document"]["summary"].endswith("sửa đổi lần 1.")

    retraction.retract(document, board_member, "Sai số hiệu văn bản.")
    [retracted] = portal.sync()
    assert (retracted["type"], retracted["page_id"]) == ("retracted", document.id)
    assert retracted["page"] is None and retracted["reason"] == "Sai số hiệu văn bản."
    assert document.id not in portal.pages

    retraction.restore(LegalDocumentPage.objects.get(id=document.id), board_member)
    [restored] = portal.sync()
    assert restored["page"]["document"]["number"] == "81-KH/ĐUK"
    assert document.id in portal.pages

    LegalDocumentPage.objects.get(id=document.id).delete()
    deleted = [i for i in portal.sync() if i["page_id"] == document.id]
    assert [i["type"] for i in deleted] == ["deleted"] and deleted[0]["page"] is None
    assert document.id not in portal.pages
