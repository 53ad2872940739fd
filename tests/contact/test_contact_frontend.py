"""The frontend's "Liên hệ" form and "Hỏi đáp" page against a stubbed API: the no-JS form,
its cross-site protection, the reader's input kept beside the API's messages, escaping."""

import json
import re

import httpx
from starlette.testclient import TestClient

from frontend.app import create_app
from frontend.cache import MemoryCache
from frontend.config import Config
from tests.contact_support import XSS
from tests.frontend.stub_cms import json_response, stub_cms

CONFIG = Config(cms_api_url="http://cms/api/v2", public_url="http://testserver")
QUESTION = {
    "id": 7,
    "subject": XSS,
    "question": "Dòng một\nDòng hai " + XSS,
    "name": XSS[:60],
    "asked_at": "2026-11-02T08:00:00+00:00",
    "answer": "Trả lời: " + XSS,
    "answered_at": "2026-11-03T08:00:00+00:00",
    "published_at": "2026-11-03T09:00:00+00:00",
}
FORM = {
    "name": "Lê Văn Cường",
    "email": "",
    "phone": "",
    "subject": "Hỏi về " + XSS,
    "message": XSS,
    "website": "",
    "consent": "1",
}


def cms_with_questions(answer_post):
    """The stub CMS, plus /api/v2/questions/: GET one published question, POST answered by
    ``answer_post(request)``; every POST is recorded."""
    base = stub_cms()
    posts: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/api/v2/questions/":
            if request.method == "POST":
                posts.append(request)
                return answer_post(request)
            return json_response({"meta": {"total_count": 1}, "items": [QUESTION]})
        return base(request)

    handle.posts = posts
    return handle


def client_for(handler) -> TestClient:
    app = create_app(CONFIG, cache=MemoryCache(), transport=httpx.MockTransport(handler))
    return TestClient(app, raise_server_exceptions=False, client=("203.0.113.9", 5000))


def token_of(client: TestClient) -> str:
    page = client.get("/lien-he/")
    assert page.status_code == 200
    assert page.headers["cache-control"] == "no-store"
    return re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)


def test_contact_form_sent_to_the_cms_with_the_reader_address():
    cms = cms_with_questions(lambda r: httpx.Response(202, json={"message": "Cảm ơn"}))
    client = client_for(cms)
    token = token_of(client)

    response = client.post("/lien-he/", data={**FORM, "csrf_token": token}, follow_redirects=False)

    assert response.status_code == 303
    assert response.headers["location"].startswith("/lien-he/?da-gui=1")
    [posted] = cms.posts
    assert posted.headers["x-forwarded-for"] == "203.0.113.9"
    assert json.loads(posted.content) == {**FORM, "consent": True}
    thanks = client.get(response.headers["location"])
    assert "Câu hỏi đã được gửi" in thanks.text


def test_contact_form_errors_shown_with_the_input_kept_and_escaped():
    errors = {"email": ["Vui lòng cho biết e-mail hoặc số điện thoại để chúng tôi trả lời."]}
    cms = cms_with_questions(
        lambda r: httpx.Response(400, json={"message": "Vui lòng kiểm tra", "errors": errors})
    )
    client = client_for(cms)

    page = client.post("/lien-he/", data={**FORM, "csrf_token": token_of(client)})

    assert page.status_code == 400
    assert "Vui lòng cho biết e-mail hoặc số điện thoại" in page.text
    assert 'aria-invalid="true" aria-describedby="email-error"' in page.text
    assert 'value="Lê Văn Cường"' in page.text
    assert "&lt;script&gt;" in page.text
    assert "<script>alert" not in page.text
    assert "<img src=x onerror" not in page.text
    assert 'name="consent" type="checkbox" value="1" checked' in page.text


def test_contact_form_from_another_site_refused_and_not_sent():
    cms = cms_with_questions(lambda r: httpx.Response(202, json={"message": "Cảm ơn"}))
    client = client_for(cms)
    token = token_of(client)

    no_token = client.post("/lien-he/", data=FORM)
    wrong_token = client.post("/lien-he/", data={**FORM, "csrf_token": "x" * 43})
    other_origin = client.post(
        "/lien-he/", data={**FORM, "csrf_token": token}, headers={"Origin": "https://evil.example"}
    )
    client.cookies.clear()
    no_cookie = client.post("/lien-he/", data={**FORM, "csrf_token": token})

    for response in (no_token, wrong_token, other_origin, no_cookie):
        assert response.status_code == 403
        assert "Biểu mẫu đã hết hạn" in response.text
        assert 'value="Lê Văn Cường"' in response.text
    assert cms.posts == []


def test_contact_form_kept_when_the_cms_is_down_or_refuses():
    def down(request):
        raise httpx.ConnectError("down")

    client = client_for(cms_with_questions(down))
    page = client.post("/lien-he/", data={**FORM, "csrf_token": token_of(client)})
    assert page.status_code == 503
    assert "Chưa gửi được câu hỏi" in page.text
    assert 'value="Lê Văn Cường"' in page.text

    limited = cms_with_questions(
        lambda r: httpx.Response(429, json={"message": "Vui lòng thử lại sau."})
    )
    client = client_for(limited)
    page = client.post("/lien-he/", data={**FORM, "csrf_token": token_of(client)})
    assert page.status_code == 429
    assert "Vui lòng thử lại sau." in page.text


def test_contact_page_shows_the_office_contacts_and_the_honeypot_hidden():
    page = client_for(cms_with_questions(lambda r: httpx.Response(500))).get("/lien-he/")

    assert "Đảng ủy Khối" in page.text
    assert 'class="form-trap" aria-hidden="true"' in page.text
    assert 'name="website" type="text" tabindex="-1"' in page.text
    assert 'href="/lien-he/" aria-current="page"' in page.text


def test_questions_page_lists_answers_escaped():
    page = client_for(cms_with_questions(lambda r: httpx.Response(500))).get("/hoi-dap/")

    assert page.status_code == 200
    assert "Hỏi đáp" in page.text
    assert "Trả lời: &lt;script&gt;" in page.text
    assert "<script>alert" not in page.text
    assert "<img src=x onerror" not in page.text
    assert client_for(cms_with_questions(None)).get("/hoi-dap/?page=2").status_code == 404


def test_sitemap_names_contact_and_questions():
    sitemap = client_for(cms_with_questions(None)).get("/sitemap.xml").text
    assert "<loc>http://testserver/hoi-dap/</loc>" in sitemap
    assert "<loc>http://testserver/lien-he/</loc>" in sitemap
