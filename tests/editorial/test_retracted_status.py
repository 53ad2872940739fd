"""A retracted article does not look like an ordinary draft in the page listings (issue 16,
defect 7; the editor's status panel still says draft)."""

import pytest

from cms.editorial import retraction
from home.models import ArticlePage

pytestmark = pytest.mark.django_db


def test_retracted_page_shows_retracted_status_in_the_listing(
    client, section, board_member, section_editor
):
    retracted = section.add_child(instance=ArticlePage(title="Bài bị gỡ"))
    retracted.save_revision().publish()
    retraction.retract(retracted, board_member, "Sai số liệu")
    draft = section.add_child(instance=ArticlePage(title="Bài nháp", live=False))
    draft.save_revision()
    client.force_login(section_editor)

    listing = client.get(f"/admin/pages/{section.id}/").content.decode()

    assert ArticlePage.objects.get(id=retracted.id).status_string == "đã gỡ bài"
    assert ArticlePage.objects.get(id=draft.id).status_string == "bản nháp"
    assert "đã gỡ bài" in listing.lower() and "bản nháp" in listing.lower()


def test_restored_page_is_live_again_in_the_status(client, section, board_member):
    article = section.add_child(instance=ArticlePage(title="Bài khôi phục"))
    article.save_revision().publish()
    retraction.retract(article, board_member, "Kiểm tra lại")
    retraction.restore(ArticlePage.objects.get(id=article.id), board_member)

    assert ArticlePage.objects.get(id=article.id).status_string == "đã xuất bản"
