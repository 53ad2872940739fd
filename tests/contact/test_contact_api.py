"""POST /api/v2/questions/ and the "Hỏi đáp" listing, through HTTP."""

import json

import pytest
from django.core import mail
from django.test import override_settings

from home.models import ReaderQuestion
from tests.contact_support import XSS

URL = "/api/v2/questions/"
GOOD = {
    "name": "Trần Thị Hoa",
    "email": "hoa@example.vn",
    "phone": "",
    "subject": "Góp ý về chuyên mục Xây dựng Đảng",
    "message": "Đề nghị đăng thêm bài về công tác kiểm tra, giám sát.",
    "consent": True,
    "website": "",
}


@pytest.fixture
def send(django_capture_on_commit_callbacks):
    """POST as the frontend does; what runs after the commit (the e-mail) runs at once."""

    def post(client, data, **extra):
        body = data if isinstance(data, str) else json.dumps(data)
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(URL, body, content_type="application/json", **extra)

    return post


def test_question_stored_and_mailed_to_the_office(api, office, send):
    response = send(api, GOOD, REMOTE_ADDR="203.0.113.5")

    assert response.status_code == 202
    assert "Cảm ơn" in response.json()["message"]
    question = ReaderQuestion.objects.get()
    assert (question.name, question.email) == ("Trần Thị Hoa", "hoa@example.vn")
    assert question.status == "new"
    assert question.client_address == "203.0.113.5"
    assert not question.published
    [message] = mail.outbox
    assert message.to == ["hoidap@example.vn"]
    assert message.reply_to == ["hoa@example.vn"]
    assert "Góp ý về chuyên mục Xây dựng Đảng" in message.subject
    assert f"/admin/snippets/home/readerquestion/edit/{question.pk}/" in message.body


@override_settings(EMAIL_BACKEND="cms.mail.QueuedEmailBackend")
def test_question_mail_goes_through_the_task_queue(api, office, send, monkeypatch):
    import cms.mail

    delivered = []
    real_deliver = cms.mail.deliver
    monkeypatch.setattr(cms.mail, "deliver", lambda m: delivered.extend(m) or real_deliver(m))
    assert send(api, GOOD).status_code == 202
    # The test settings run tasks at once: the send_email task delivered it.
    assert [m.to for m in delivered] == [["hoidap@example.vn"]]
    [message] = mail.outbox
    assert message.to == ["hoidap@example.vn"]


def test_question_mail_defaults_to_the_office_address(api, office, send):
    office.questions_email = ""
    office.save()
    send(api, GOOD)
    assert mail.outbox[0].to == ["vanphong@example.vn"]


@pytest.mark.parametrize(
    ("change", "field", "text"),
    [
        ({"name": ""}, "name", "Vui lòng nhập họ và tên."),
        ({"name": "A" * 101}, "name", "Họ và tên quá dài"),
        ({"name": "Hoa\r\nBcc: x@example.com"}, "name", "một dòng"),
        ({"email": "", "phone": ""}, "email", "e-mail hoặc số điện thoại"),
        ({"email": "khong-phai-email"}, "email", "Địa chỉ e-mail không hợp lệ."),
        ({"email": "", "phone": "abc"}, "phone", "Số điện thoại không hợp lệ"),
        ({"email": "", "phone": "123"}, "phone", "Số điện thoại không hợp lệ"),
        ({"subject": "  "}, "subject", "Vui lòng nhập tiêu đề."),
        ({"subject": "x" * 201}, "subject", "Tiêu đề quá dài"),
        ({"message": "ngắn"}, "message", "quá ngắn"),
        ({"message": "x" * 5001}, "message", "quá dài"),
        ({"message": "có ký tự \x00 rỗng ở giữa thư"}, "message", ""),
        ({"consent": False}, "consent", "đồng ý"),
        ({"consent": "yes"}, "consent", "true hoặc false"),
        ({"subject": 5}, "subject", "văn bản"),
        ({"extra": "x"}, "extra", "Trường không được hỗ trợ."),
    ],
)
def test_question_bad_field_is_400_in_vietnamese(api, office, change, field, text, send):
    response = send(api, {**GOOD, **change})

    assert response.status_code == 400
    body = response.json()
    assert body["message"]
    assert text in " ".join(body["errors"][field])
    assert not ReaderQuestion.objects.exists()
    assert mail.outbox == []


@pytest.mark.parametrize("body", ["", "không phải JSON", "[1, 2]", '"x"', "null", "\xff"])
def test_question_body_not_a_json_object_is_400(api, office, body, send):
    response = send(api, body)
    assert response.status_code == 400
    assert response.json()["message"]


def test_question_form_encoded_is_400(api, office):
    response = api.post(URL, GOOD)
    assert response.status_code == 400
    assert "JSON" in response.json()["message"]


def test_question_phone_alone_is_enough(api, office, send):
    response = send(api, {**GOOD, "email": "", "phone": "+84 236.3822-123"})
    assert response.status_code == 202
    assert ReaderQuestion.objects.get().phone == "+84 236.3822-123"


def test_question_stored_in_nfc(api, office, send):
    import unicodedata

    send(api, {**GOOD, "subject": unicodedata.normalize("NFD", "Góp ý về Đảng")})
    assert ReaderQuestion.objects.get().subject == unicodedata.normalize("NFC", "Góp ý về Đảng")


def test_honeypot_answers_like_a_person_and_keeps_nothing(api, office, send):
    response = send(api, {**GOOD, "website": "http://spam.example"})

    assert response.status_code == 202
    assert response.json() == send(api, GOOD).json()
    assert ReaderQuestion.objects.count() == 1  # the second, human one
    assert len(mail.outbox) == 1


def test_honeypot_does_not_excuse_bad_input(api, office, send):
    """Found by schemathesis: a body without a name but with the honeypot filled was
    accepted (202) although the OpenAPI document requires a name; bad input is a 400."""
    body = {key: value for key, value in GOOD.items() if key != "name"}
    response = send(api, {**body, "website": "http://spam.example"})

    assert response.status_code == 400
    assert "Vui lòng nhập họ và tên" in " ".join(response.json()["errors"]["name"])
    assert not ReaderQuestion.objects.exists()


@override_settings(CONTACT_RATE_LIMIT=3)
def test_rate_limit_per_address(api, office, send):
    for _ in range(3):
        assert send(api, GOOD, REMOTE_ADDR="198.51.100.7").status_code == 202

    refused = send(api, GOOD, REMOTE_ADDR="198.51.100.7")
    other = send(api, GOOD, REMOTE_ADDR="198.51.100.8")

    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert "thử lại sau" in refused.json()["message"]
    assert other.status_code == 202
    assert ReaderQuestion.objects.count() == 4


@override_settings(CONTACT_RATE_LIMIT=2)
def test_rate_limit_counts_honeypot_hits(api, office, send):
    send(api, {**GOOD, "website": "x"}, REMOTE_ADDR="198.51.100.9")
    send(api, {**GOOD, "website": "x"}, REMOTE_ADDR="198.51.100.9")
    assert send(api, GOOD, REMOTE_ADDR="198.51.100.9").status_code == 429
    assert not ReaderQuestion.objects.exists()


@override_settings(CONTACT_RATE_LIMIT=1, TRUSTED_PROXIES=["127.0.0.1"])
def test_rate_limit_reads_the_reader_address_from_the_frontend_only(api, office, send):
    # The frontend (a trusted proxy) names each reader: two readers, two counts.
    frontend = {"REMOTE_ADDR": "127.0.0.1"}
    assert send(api, GOOD, HTTP_X_FORWARDED_FOR="203.0.113.1", **frontend).status_code == 202
    assert send(api, GOOD, HTTP_X_FORWARDED_FOR="203.0.113.2", **frontend).status_code == 202
    assert send(api, GOOD, HTTP_X_FORWARDED_FOR="203.0.113.1", **frontend).status_code == 429
    assert ReaderQuestion.objects.filter(client_address="203.0.113.2").exists()
    # Anyone else cannot pick the address it is counted under.
    direct = {"REMOTE_ADDR": "198.51.100.50"}
    assert send(api, GOOD, HTTP_X_FORWARDED_FOR="203.0.113.77", **direct).status_code == 202
    assert send(api, GOOD, HTTP_X_FORWARDED_FOR="203.0.113.78", **direct).status_code == 429


def test_question_with_markup_is_kept_as_text_and_served_as_json(
    api, office, published_question, send
):
    assert send(api, {**GOOD, "name": XSS[:100], "subject": XSS, "message": XSS}).status_code == 202
    question = ReaderQuestion.objects.get(subject=XSS)
    assert question.message == XSS
    assert mail.outbox[0].content_subtype == "plain"
    assert getattr(mail.outbox[0], "alternatives", []) == []  # no HTML part
    question.status, question.answer, question.published = "answered", XSS, True
    from django.utils import timezone

    question.published_at = timezone.now()
    question.save()
    response = api.get(URL)
    assert response["Content-Type"] == "application/json"
    assert XSS in [item["question"] for item in response.json()["items"]]


def test_listing_shows_only_published_answered_questions(api, published_question, hidden_questions):
    response = api.get(URL)

    assert response.status_code == 200
    body = response.json()
    assert body["meta"]["total_count"] == 1
    [item] = body["items"]
    assert item["id"] == published_question.id
    assert item["answer"] == "Đồng chí liên hệ Văn phòng Đảng ủy Khối."
    # Never the reader's contacts or address.
    assert set(item) == {
        "id",
        "subject",
        "question",
        "name",
        "asked_at",
        "answer",
        "answered_at",
        "published_at",
    }
    text = response.content.decode()
    for hidden in hidden_questions:
        assert hidden.subject not in text
    assert "binh@example.vn" not in text


def test_listing_drops_a_question_unpublished_at_once(api, published_question):
    assert api.get(URL).json()["meta"]["total_count"] == 1
    published_question.published = False
    published_question.save()
    assert api.get(URL).json()["meta"]["total_count"] == 0


def test_listing_not_flushed_by_a_reader_submission(api, office, published_question, send):
    from cms.api.cache import current_generation

    before = current_generation()
    send(api, GOOD)
    assert current_generation() == before


def test_listing_pages_and_bad_parameters(api, office, django_assert_max_num_queries):
    from django.utils import timezone

    from tests.contact_support import make_question

    now = timezone.now()
    for n in range(12):
        make_question(
            subject=f"Câu {n}", status="answered", answer="Đáp", published=True, published_at=now
        )
    # Site scope (5) + count + page: the same for 2 items or 12.
    with django_assert_max_num_queries(7):
        page = api.get(URL + "?limit=5&offset=10").json()
    with django_assert_max_num_queries(7):
        assert len(api.get(URL + "?limit=100").json()["items"]) == 12
    assert page["meta"]["total_count"] == 12
    assert len(page["items"]) == 2
    assert api.get(URL + "?limit=0").status_code == 400
    assert api.get(URL + "?q=x").json()["parameter"] == "q"


def test_other_methods_still_refused(api, office):
    assert api.put(URL, "{}", content_type="application/json").status_code == 405
    assert api.post("/api/v2/pages/", "{}", content_type="application/json").status_code == 405


def test_site_settings_serve_the_contact_details(api, office):
    body = api.get("/api/v2/site-settings/").json()
    assert body["map_url"] == "https://maps.example.vn/?q=Da+Nang"
    assert (body["phone"], body["email"]) == ("0236 3822 123", "vanphong@example.vn")
    assert "questions_email" not in body


def test_search_is_accent_and_case_insensitive_over_published_answers(
    api, published_question, hidden_questions
):
    from django.utils import timezone

    from tests.contact_support import make_question

    now = timezone.now()
    reform = make_question(
        subject="Về CẢI CÁCH hành chính",
        message="Khi nào có kết quả?",
        answer="Đồng chí xem Kế hoạch 81-KH/ĐUK.",
        status="answered",
        answered_at=now,
        published=True,
        published_at=now,
    )
    make_question(subject="Cải cách chưa duyệt", status="answered", answer="Cải cách nháp")

    def found(query: str) -> list[int]:
        response = api.get(URL, {"search": query, "limit": 100})
        assert response.status_code == 200
        assert response.json()["meta"]["total_count"] == len(response.json()["items"])
        return [item["id"] for item in response.json()["items"]]

    assert found("cai cach") == [reform.id]
    assert found("Cải Cách") == [reform.id]
    assert found("ket qua") == [reform.id]  # the question
    assert found("duk") == [reform.id]  # the answer
    assert found("văn phòng") == [published_question.id]
    assert found("cai cach nhap") == []  # only in an unpublished answer
    assert found("moi chua tra loi") == []  # a hidden question's subject
    # Never the reader's name, e-mail or phone.
    assert found("Nguyễn Văn Bình") == []
    assert found("binh") == []
    assert found("example") == []


@pytest.mark.parametrize("query", ["", "!!!", "–"])
def test_search_without_a_word_is_400_in_vietnamese(api, office, query):
    response = api.get(URL, {"search": query})
    assert response.status_code == 400
    body = response.json()
    assert body["parameter"] == "search"
    assert "phải có chữ hoặc số" in body["message"]
