"""One article through the editorial office, step by step, through the real admin views."""

import pytest
from django.core import mail
from wagtail.models import PageLogEntry

from home.models import ArticlePage, Retraction
from tests.admin_forms import article_form_data

pytestmark = pytest.mark.django_db

TITLE = "Đảng ủy Khối triển khai Nghị quyết về chuyển đổi số năm 2026"


def act(client, user, url: str, data: dict | None = None):
    client.force_login(user)
    return client.post(url, data or {})


def workflow_action_url(article: ArticlePage, action: str) -> str:
    task_state = article.current_workflow_state.current_task_state
    return f"/admin/pages/workflow/action/{article.id}/{action}/{task_state.id}/"


def is_public(client, article: ArticlePage) -> bool:
    """What the public API says: a JSON 200 for a public page, 404 otherwise."""
    client.logout()
    response = client.get(f"/api/v2/pages/{article.id}/")
    assert response.status_code in (200, 404)
    return response.status_code == 200


def actions(article: ArticlePage) -> list[str]:
    return list(
        PageLogEntry.objects.filter(page=article)
        .order_by("timestamp", "id")
        .values_list("action", flat=True)
    )


def test_article_walks_through_review_retraction_and_restore(
    client, contributor, section_editor, board_member, section
):
    # Contributor drafts and submits.
    response = act(
        client,
        contributor,
        f"/admin/pages/add/home/articlepage/{section.id}/",
        article_form_data(TITLE, "action-submit"),
    )
    assert response.status_code == 302
    article = ArticlePage.objects.get(title=TITLE)
    assert article.slug == "dang-uy-khoi-trien-khai-nghi-quyet-ve-chuyen-doi-so-nam-2026"
    assert not article.live
    assert article.current_workflow_task.name == "Biên tập viên duyệt"
    assert section_editor.email in {address for m in mail.outbox for address in m.to}
    assert not is_public(client, article)

    # Section editor sends it back: without a comment nothing happens.
    mail.outbox.clear()
    act(client, section_editor, workflow_action_url(article, "reject"), {"comment": "  "})
    article.refresh_from_db()
    assert article.current_workflow_state.status == "in_progress"

    comment = "Đề nghị bổ sung số liệu về các chi bộ đã triển khai."
    act(client, section_editor, workflow_action_url(article, "reject"), {"comment": comment})
    article.refresh_from_db()
    assert article.current_workflow_state.status == "needs_changes"
    rejection_mails = [m for m in mail.outbox if contributor.email in m.to]
    assert rejection_mails and comment in rejection_mails[0].body
    client.force_login(contributor)
    assert comment in client.get(f"/admin/pages/{article.id}/edit/").content.decode()
    assert not is_public(client, article)

    # Contributor fixes and resubmits.
    response = act(
        client,
        contributor,
        f"/admin/pages/{article.id}/edit/",
        article_form_data(
            TITLE, "action-submit", slug=article.slug, paragraph="<p>Đã có 42 chi bộ.</p>"
        ),
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.current_workflow_state.status == "in_progress"
    assert article.current_workflow_task.name == "Biên tập viên duyệt"

    # Section editor approves; the board approves and it goes live.
    act(client, section_editor, workflow_action_url(article, "approve"))
    article.refresh_from_db()
    assert article.current_workflow_task.name == "Ban biên tập phê duyệt"
    assert not is_public(client, article)

    act(client, board_member, workflow_action_url(article, "approve"), {"comment": "Đồng ý."})
    article.refresh_from_db()
    assert article.live
    assert "42 chi bộ" in article.body[0].value.source
    assert is_public(client, article)

    # The board retracts it with a reason, then restores it.
    reason = "Số liệu chưa được Văn phòng xác nhận."
    response = act(client, board_member, f"/admin/pages/{article.id}/retract/", {"reason": reason})
    assert response.status_code == 302
    article.refresh_from_db()
    assert not article.live
    assert Retraction.objects.active().get(page=article).reason == reason
    assert not is_public(client, article)

    act(client, board_member, f"/admin/pages/{article.id}/restore/")
    article.refresh_from_db()
    assert article.live
    assert not Retraction.objects.active().filter(page=article).exists()
    assert is_public(client, article)

    # Every step is in the audit log, with who and why.
    assert actions(article) == [
        "wagtail.create",
        "wagtail.edit",  # the first revision
        "wagtail.workflow.start",
        "wagtail.workflow.reject",
        "wagtail.edit",
        "wagtail.workflow.resume",
        "wagtail.workflow.approve",
        "wagtail.workflow.approve",
        "wagtail.publish",
        "home.retract",
        "home.restore",
    ]
    entries = {e.action: e for e in PageLogEntry.objects.filter(page=article)}
    assert entries["wagtail.workflow.reject"].user == section_editor
    assert entries["wagtail.workflow.reject"].data["comment"] == comment
    assert entries["home.retract"].user == board_member
    assert entries["home.retract"].data["reason"] == reason
    assert entries["home.restore"].user == board_member


def test_retraction_requires_a_reason(client, board_member, section):
    article = section.add_child(instance=ArticlePage(title="Tin cần gỡ"))
    article.save_revision().publish()
    response = act(client, board_member, f"/admin/pages/{article.id}/retract/", {"reason": " "})
    assert response.status_code == 400
    article.refresh_from_db()
    assert article.live
    assert not Retraction.objects.exists()


def test_workflow_is_assigned_to_every_content_type(section, home_page):
    from home.models import GalleryIndexPage, GalleryPage, VideoIndexPage, VideoPage

    videos = home_page.add_child(instance=VideoIndexPage(title="Video hoạt động"))
    galleries = home_page.add_child(instance=GalleryIndexPage(title="Hình ảnh hoạt động"))
    article = section.add_child(instance=ArticlePage(title="Bài", live=False))
    video = videos.add_child(
        instance=VideoPage(title="Video", live=False, embed_url="https://youtu.be/abcdefghijk")
    )
    gallery = galleries.add_child(instance=GalleryPage(title="Ảnh", live=False))
    for page in (article, video, gallery):
        assert page.get_workflow().name == "Quy trình duyệt tin"
