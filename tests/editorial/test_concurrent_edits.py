import json

import pytest

from home.models import ArticlePage
from tests.admin_forms import article_form_data

pytestmark = pytest.mark.django_db


def edit(client, user, article, title, loaded_revision):
    client.force_login(user)
    data = article_form_data(title, slug=article.slug)
    data["loaded_revision_id"] = str(loaded_revision.id)
    data["loaded_revision_created_at"] = loaded_revision.created_at.isoformat()
    return client.post(f"/admin/pages/{article.id}/edit/", data)


def test_stale_save_does_not_overwrite_a_newer_revision(
    client, section_editor, board_member, section
):
    article = section.add_child(instance=ArticlePage(title="Bản gốc"))
    opened = article.save_revision()  # both editors open this version

    first = edit(client, section_editor, article, "Bản của biên tập viên", opened)
    assert first.status_code == 302
    newest = ArticlePage.objects.get(id=article.id).latest_revision

    second = edit(client, board_member, article, "Bản của trưởng ban", opened)

    assert second.status_code == 409
    assert ArticlePage.objects.get(id=article.id).latest_revision == newest
    assert newest.as_object().title == "Bản của biên tập viên"
    html = second.content.decode()
    assert "Bản của trưởng ban" in html  # the second editor's text is kept in the form
    assert "bientapvien" in html  # and they are told who saved in between

    # Saving again from the form they got back (it carries the newest revision) goes through.
    third = edit(client, board_member, article, "Bản của trưởng ban", newest)
    assert third.status_code == 302
    assert ArticlePage.objects.get(id=article.id).latest_revision.as_object().title == (
        "Bản của trưởng ban"
    )


def test_reject_without_comment_through_the_editor_is_refused(
    client, contributor, section_editor, section
):
    article = section.add_child(instance=ArticlePage(title="Bài chờ duyệt", live=False))
    article.save_revision(user=contributor)
    article.get_workflow().start(article, contributor)
    client.force_login(section_editor)
    data = article_form_data(article.title, slug=article.slug)
    data.update(
        {
            "action-workflow-action": "1",
            "workflow-action-name": "reject",
            "workflow-action-extra-data": '{"comment": ""}',
        }
    )
    response = client.post(f"/admin/pages/{article.id}/edit/", data)
    assert response.status_code == 403
    article.refresh_from_db()
    assert article.current_workflow_state.status == "in_progress"


def test_section_editor_sees_what_waits_for_review_on_the_dashboard(
    client, contributor, section_editor, section
):
    article = section.add_child(instance=ArticlePage(title="Bài gửi duyệt", live=False))
    article.save_revision(user=contributor)
    article.get_workflow().start(article, contributor)

    client.force_login(section_editor)
    dashboard = client.get("/admin/").content.decode()
    assert "Bài gửi duyệt" in dashboard

    client.force_login(contributor)
    dashboard = client.get("/admin/").content.decode()
    assert "Bài gửi duyệt" in dashboard  # "your pages in a workflow"
    assert "Biên tập viên duyệt" in dashboard  # and the step it waits at


def draft_of(section, owner):
    article = section.add_child(instance=ArticlePage(title="Bài thử", live=False, owner=owner))
    return article, article.save_revision(user=owner)


def autosave(client, article, title, loaded_revision, overwrite=None):
    """What the editor's JavaScript sends while she types: a JSON save of the whole form."""
    data = article_form_data(title, slug=article.slug)
    data["loaded_revision_id"] = str(loaded_revision.id)
    data["loaded_revision_created_at"] = loaded_revision.created_at.isoformat()
    if overwrite is not None:
        data["overwrite_revision_id"] = str(overwrite)
    response = client.post(f"/admin/pages/{article.id}/edit/", data, HTTP_ACCEPT="application/json")
    assert response.status_code == 200, response.content
    assert response.json()["success"] is True, response.json()
    return response.json()


def test_own_autosaves_never_make_an_explicit_save_a_409(client, contributor, section):
    # Given a contributor opens her draft and types; autosave stores it twice
    article = section.add_child(
        instance=ArticlePage(title="Bài thử", live=False, owner=contributor)
    )
    opened = article.save_revision(user=contributor)
    client.force_login(contributor)
    first = autosave(client, article, "Bài thử nghiệm", opened)
    autosave(client, article, "Bài thử nghiệm lưu", opened, overwrite=first["revision_id"])

    # When she clicks "Lưu bản nháp" with the form she loaded (its loaded revision is older)
    response = edit(client, contributor, article, "Bài thử nghiệm lưu nháp", opened)

    # Then it is saved, and nothing she typed is lost
    assert response.status_code == 302
    latest = ArticlePage.objects.get(id=article.id).latest_revision
    assert latest.as_object().title == "Bài thử nghiệm lưu nháp"


def test_someone_elses_revision_after_own_autosave_still_gives_409(
    client, contributor, section_editor, section
):
    article = section.add_child(
        instance=ArticlePage(title="Bài thử", live=False, owner=contributor)
    )
    opened = article.save_revision(user=contributor)
    client.force_login(contributor)
    autosave(client, article, "Bản của cộng tác viên", opened)
    autosaved = ArticlePage.objects.get(id=article.id).latest_revision
    assert (
        edit(client, section_editor, article, "Bản của biên tập viên", autosaved).status_code == 302
    )

    response = edit(client, contributor, article, "Bản cuối của cộng tác viên", opened)

    assert response.status_code == 409
    assert "bientapvien" in response.content.decode()
    latest = ArticlePage.objects.get(id=article.id).latest_revision
    assert latest.as_object().title == "Bản của biên tập viên"


def test_after_a_409_the_next_autosave_and_save_go_through(
    client, contributor, section_editor, section
):
    article = section.add_child(
        instance=ArticlePage(title="Bài thử", live=False, owner=contributor)
    )
    opened = article.save_revision(user=contributor)
    edit(client, section_editor, article, "Bản của biên tập viên", opened)
    theirs = ArticlePage.objects.get(id=article.id).latest_revision
    assert edit(client, contributor, article, "Bản của tôi", opened).status_code == 409

    # The form she got back carries their revision; autosave stores her text on top of it
    client.force_login(contributor)
    autosave(client, article, "Bản của tôi", theirs)
    response = edit(client, contributor, article, "Bản của tôi", theirs)

    assert response.status_code == 302
    latest = ArticlePage.objects.get(id=article.id).latest_revision
    assert latest.as_object().title == "Bản của tôi"


def workflow_action_from_editor(client, user, article, action: str, comment: str = ""):
    """The editor's "Trả lại" / "Duyệt" buttons: the form is posted with the action."""
    client.force_login(user)
    data = article_form_data(article.title, slug=article.slug)
    data.update(
        {
            "action-workflow-action": "1",
            "workflow-action-name": action,
            "workflow-action-extra-data": json.dumps({"comment": comment}),
        }
    )
    return client.post(f"/admin/pages/{article.id}/edit/", data, follow=True)


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def test_workflow_messages_say_what_happened(
    client, contributor, section_editor, board_member, section
):
    article, _ = draft_of(section, contributor)
    article.get_workflow().start(article, contributor)

    sent_back = workflow_action_from_editor(
        client, section_editor, article, "reject", "Bổ sung nguồn số liệu."
    )
    assert messages_of(sent_back) == ["Đã trả lại bài “Bài thử” cho tác giả kèm ý kiến của bạn."]

    article = section.add_child(instance=ArticlePage(title="Bài thử", live=False))
    article.save_revision(user=contributor)
    article.get_workflow().start(article, contributor)
    step_1 = workflow_action_from_editor(client, section_editor, article, "approve")
    assert messages_of(step_1) == [
        "Đã duyệt bước “Biên tập viên duyệt” của bài “Bài thử”; bài chuyển sang bước tiếp theo."
    ]

    article = ArticlePage.objects.get(id=article.id)
    step_2 = workflow_action_from_editor(client, board_member, article, "approve")
    assert ArticlePage.objects.get(id=article.id).live
    assert messages_of(step_2) == [
        "Đã duyệt bước “Ban biên tập phê duyệt”: bài “Bài thử” đã được xuất bản."
    ]
