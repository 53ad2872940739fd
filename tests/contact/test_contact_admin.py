"""Readers' questions in the admin, per role, through HTTP: who reads, answers, publishes."""

import pytest
from django.test import Client

from home.models import ReaderQuestion
from tests.admin_support import is_refused
from tests.contact_support import XSS, make_question

LISTING = "/admin/snippets/home/readerquestion/"


def edit_url(question: ReaderQuestion) -> str:
    return f"{LISTING}edit/{question.pk}/"


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def question(office) -> ReaderQuestion:
    return make_question(name=XSS[:100], subject=XSS, message=XSS, phone="0905 123 456")


@pytest.mark.parametrize("role", ["contributor", "site_admin"])
def test_question_hidden_from_contributors_and_site_admins(request, role, question):
    client = signed_in(request.getfixturevalue(role))

    assert is_refused(client, client.get(LISTING))
    assert is_refused(client, client.get(edit_url(question)))
    refused = client.post(edit_url(question), {"status": "closed", "answer": ""})
    assert is_refused(client, refused)
    question.refresh_from_db()
    assert question.status == "new"


@pytest.mark.parametrize("role", ["section_editor", "board_member"])
def test_question_listed_and_shown_escaped(request, role, question):
    client = signed_in(request.getfixturevalue(role))

    listing = client.get(LISTING)
    page = client.get(edit_url(question))

    assert listing.status_code == page.status_code == 200
    for response in (listing, page):
        html = response.content.decode()
        assert "&lt;script&gt;" in html
        assert "<script>alert" not in html
        assert "<img src=x onerror" not in html
    assert "Câu hỏi của bạn đọc" in listing.content.decode()
    assert "0905 123 456" in page.content.decode()


def test_section_editor_answers_but_cannot_publish(section_editor, question):
    client = signed_in(section_editor)

    response = client.post(
        edit_url(question), {"status": "answered", "answer": "Xin trả lời bạn.", "published": "on"}
    )

    assert response.status_code == 302
    question.refresh_from_db()
    assert (question.status, question.answer) == ("answered", "Xin trả lời bạn.")
    assert question.answered_by == section_editor
    assert question.answered_at is not None
    assert not question.published
    # What the reader wrote is not a form field: posting it changes nothing.
    client.post(edit_url(question), {"status": "answered", "answer": "x", "subject": "Đổi"})
    question.refresh_from_db()
    assert question.subject == XSS


def test_section_editor_closes_a_question(section_editor, question):
    response = signed_in(section_editor).post(
        edit_url(question), {"status": "closed", "answer": ""}
    )
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.status == "closed"


def test_board_publishes_an_answered_question(board_member, question, api):
    client = signed_in(board_member)

    response = client.post(
        edit_url(question), {"status": "answered", "answer": "Trả lời.", "published": "on"}
    )

    assert response.status_code == 302
    question.refresh_from_db()
    assert question.published and question.published_at is not None
    assert question.published_by == board_member
    assert [item["id"] for item in api.get("/api/v2/questions/").json()["items"]] == [question.id]
    # And takes it back.
    client.post(edit_url(question), {"status": "answered", "answer": "Trả lời."})
    assert api.get("/api/v2/questions/").json()["items"] == []


@pytest.mark.parametrize(
    ("data", "field_message"),
    [
        (
            {"status": "new", "answer": "", "published": "on"},
            "Chỉ xuất bản được câu hỏi đã trả lời.",
        ),
        ({"status": "answered", "answer": " "}, "Hãy viết câu trả lời"),
    ],
)
def test_board_cannot_publish_without_an_answer(board_member, question, data, field_message):
    response = signed_in(board_member).post(edit_url(question), data)

    assert response.status_code == 200
    assert field_message in response.content.decode()
    question.refresh_from_db()
    assert not question.published and question.status == "new"


def test_readers_questions_not_addable_by_staff(board_member, section_editor, office):
    for user in (board_member, section_editor):
        client = signed_in(user)
        assert is_refused(client, client.get(f"{LISTING}add/"))
