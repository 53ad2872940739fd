"""The OpenAPI document describes the live server: schemathesis finds no server error, no
response that breaks the schema, no value the document forbids that the server takes, and
no method but GET answered other than with a 405 (run against pytest-django's live server,
in CI too)."""

import re

import jsonschema_rs
import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    allow_header_conformance,
    content_type_conformance,
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
    unsupported_method,
)

from cms.api.schema.views import openapi_document
from home.models import Leader, LinkedWebsite, OrganisationUnit, SectionPage
from home.models.articles import ArticleAuthor, RelatedArticle
from tests.api_support import image_block, make_article, make_image, paragraph, publish
from tests.syndication_support import make_api_key

schema = schemathesis.openapi.from_dict(openapi_document())
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    # Negative cases (values the document forbids) must get a 4xx, not a 200.
    negative_data_rejection,
    # Methods the document does not list (QUERY, PUT, ...) must get a 405 with Allow.
    unsupported_method,
    allow_header_conformance,
]


@pytest.fixture
def published_content(home_page, author):
    """A small site: a section tree, articles with images, related links, a linked website."""
    from django.core.cache import cache

    cache.clear()
    section = publish(home_page.add_child(instance=SectionPage(title="Tin tức - Sự kiện")))
    sub = publish(section.add_child(instance=SectionPage(title="Xây dựng Đảng")))
    image = make_image("Hội nghị", size=(400, 300))
    first = make_article(section, "Hội nghị", days_ago=2, cover_image=image, featured=True)
    body = [paragraph(f'<p><a linktype="page" id="{first.id}">Xem</a></p>'), image_block(image)]
    second = make_article(sub, "Cải cách hành chính", days_ago=1, body=body, cover_image=image)
    ArticleAuthor.objects.create(page=second, author=author)
    RelatedArticle.objects.create(page=second, related_page=first)
    second.tags.add("cai-cach")
    publish(second)
    LinkedWebsite.objects.create(name="Cổng tỉnh", url="https://tinh.gov.vn", logo=image)
    board = OrganisationUnit.objects.create(name="Ban Thường vụ", kind="leadership")
    OrganisationUnit.objects.create(name="Văn phòng", parent=board, phone="0226 3 856 218")
    Leader.objects.create(name="Hoàng Văn Thịnh", position="Bí thư", unit=board, photo=image)
    return [first, second]


@pytest.fixture
def portal_key(settings) -> str:
    """A key for the change feed, without a rate limit: its cursor and limit get tested."""
    settings.SYNDICATION_RATE_LIMIT = 1_000_000
    return make_api_key()[1]


# A live server needs committed data; serialized_rollback restores what migrations made
# (the root page, the locale, the groups) after each flush.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@schema.parametrize()
@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_api_matches_its_openapi_document(case, live_server, published_content, portal_key):
    response = case.call(
        base_url=live_server.url, headers={"Authorization": f"Bearer {portal_key}"}
    )
    case.validate_response(response, checks=CHECKS)


# --- Issue 19's inputs, with more examples: the week and the reader's question -------------
#
# The week's ``week``/``date`` (and both, or neither) and every field of a question are where
# readers type; schemathesis tries the documented shapes and the forbidden ones. Any 400 must
# say what is wrong in Vietnamese (the language of the API's messages), never a server error.

READER_INPUT = schema.include(path_regex=r"^/api/v2/(work-schedule|questions)/$").exclude(
    path="/api/v2/questions/", method="GET"
)
# Letters only Vietnamese has among the API's message languages (ă â đ ê ô ơ ư and tones).
VIETNAMESE = re.compile(r"[àáạảãăằắặẳẵâầấậẩẫđèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹ]")


@schemathesis.check
def bad_input_explained_in_vietnamese(ctx, response, case) -> bool | None:
    if response.status_code != 400:
        return None
    body = response.json()
    messages = [body["message"]]
    for field_messages in (body.get("errors") or {}).values():
        messages.extend(field_messages)
    for message in messages:
        assert VIETNAMESE.search(message), f"not Vietnamese: {message!r}"
    return None


@pytest.fixture
def reader_input(home_page, settings):
    """A published week with rows, the office's address, and no rate limit on questions
    (every example must reach the validation, not the 429)."""
    from django.core.cache import cache

    from home.models import SiteSettings, WorkScheduleIndexPage
    from tests.work_schedule_support import make_week

    cache.clear()
    settings.CONTACT_RATE_LIMIT = 1_000_000
    office = SiteSettings.for_site(home_page.get_site())
    office.email = "vanphong@example.vn"
    office.questions_email = "hoidap@example.vn"
    office.save()
    schedule = publish(
        home_page.add_child(
            instance=WorkScheduleIndexPage(title="Lịch công tác", slug="lich-cong-tac")
        )
    )
    make_week(schedule, 2026, 49)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@READER_INPUT.parametrize()
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_week_and_question_inputs_match_the_document(case, live_server, reader_input):
    response = case.call(base_url=live_server.url, headers={"Accept-Language": "vi"})
    case.validate_response(response, checks=[*CHECKS, bad_input_explained_in_vietnamese])


# --- Each parameter of the document against the server, without schemathesis's chance ------
#
# For every parameter: a value the document allows, which the server must not refuse as bad
# input, and one it forbids (None: a free-form string), which the server must refuse naming
# the parameter (a 404 for ids in the path). ``{article}``, ``{section}`` and ``{cursor}``
# stand for a public article's id, its section's id and a cursor the feed gave out.

# Parameters that apply only beside others: the listing cursor, to newest-first articles.
CONTEXT = {("/api/v2/pages/", "cursor"): {"type": "article"}}
PARAMETER_VALUES = {
    ("/api/v2/pages/", "limit"): ("5", "0"),
    ("/api/v2/pages/", "offset"): ("1", "-1"),
    ("/api/v2/pages/", "cursor"): ("{listing_cursor}", "cDox!"),
    ("/api/v2/pages/", "fields"): ("title,-lead", "title\x01"),
    ("/api/v2/pages/", "type"): ("article,video", None),
    ("/api/v2/pages/", "child_of"): ("root", ""),
    ("/api/v2/pages/", "descendant_of"): ("{section}", ""),
    ("/api/v2/pages/", "locale"): ("en", ""),
    ("/api/v2/pages/", "section"): ("{section}", ""),
    ("/api/v2/pages/", "tag"): ("cai-cach", None),
    ("/api/v2/pages/", "author"): ("1", "0"),
    ("/api/v2/pages/", "featured"): ("true", "maybe"),
    ("/api/v2/pages/", "published_from"): ("2022-06-01", None),
    ("/api/v2/pages/", "published_to"): ("2022-06-30", None),
    ("/api/v2/pages/", "updated_since"): ("2022-06-01T08:00:00+07:00", None),
    ("/api/v2/pages/", "order"): ("-id,title", ""),
    ("/api/v2/pages/", "search"): ("hội nghị", None),
    ("/api/v2/pages/", "search_operator"): ("or", ""),
    ("/api/v2/pages/{id}/", "id"): ("{article}", "0"),
    ("/api/v2/pages/{id}/", "fields"): ("body,-related", "body\x1f"),
    ("/api/v2/pages/find/", "html_path"): ("/", None),
    ("/api/v2/pages/find/", "id"): ("{article}", ""),
    ("/api/v2/images/", "limit"): ("5", "101"),
    ("/api/v2/images/", "offset"): ("0", "x"),
    ("/api/v2/images/{id}/", "id"): ("1", "0"),
    ("/api/v2/documents/", "limit"): ("5", "1.5"),
    ("/api/v2/documents/", "offset"): ("0", ""),
    ("/api/v2/documents/{id}/", "id"): ("1", "0"),
    ("/api/v2/menu/", "locale"): ("en", ""),
    ("/api/v2/site-settings/", "locale"): ("en", ""),
    ("/api/v2/questions/", "limit"): ("5", "0"),
    ("/api/v2/questions/", "offset"): ("0", "-1"),
    ("/api/v2/questions/", "search"): ("cải cách", None),
    ("/api/v2/linked-websites/", "locale"): ("en", ""),
    ("/api/v2/organisation/units/", "locale"): ("en", ""),
    ("/api/v2/organisation/leaders/", "locale"): ("en", ""),
    ("/api/v2/organisation/leaders/", "unit"): ("1", "0"),
    ("/api/v2/videos/latest/", "limit"): ("6", "0"),
    ("/api/v2/videos/latest/", "fields"): ("_,title", "_,-title"),
    ("/api/v2/galleries/latest/", "limit"): ("6", "0"),
    ("/api/v2/galleries/latest/", "fields"): ("*,-lead", "*,lead"),
    ("/api/v2/search/autocomplete/", "q"): ("hoi ng", None),
    ("/api/v2/search/autocomplete/", "limit"): ("5", "21"),
    ("/api/v2/search/autocomplete/", "locale"): ("vi", "xx"),
    ("/api/v2/changes/", "cursor"): ("{cursor}", "ZTox!"),
    ("/api/v2/changes/", "limit"): ("10", ""),
    ("/api/v2/legal-documents/", "limit"): ("5", "0"),
    ("/api/v2/legal-documents/", "offset"): ("0", "-1"),
    ("/api/v2/legal-documents/", "type"): ("1,2", "0"),
    ("/api/v2/legal-documents/", "issuer"): ("1", "x"),
    ("/api/v2/legal-documents/", "field"): ("1", ""),
    ("/api/v2/legal-documents/", "year"): ("2026", "26"),
    ("/api/v2/legal-documents/", "issued_from"): ("2026-01-01", "01/01/2026"),
    ("/api/v2/legal-documents/", "issued_to"): ("2026-12-31", "2026"),
    ("/api/v2/legal-documents/", "status"): ("in_force", "valid"),
    ("/api/v2/legal-documents/", "number"): ("81-KH", None),
    ("/api/v2/legal-documents/", "search"): ("kế hoạch", None),
    ("/api/v2/legal-documents/{id}/", "id"): ("{article}", "0"),
    ("/api/v2/work-schedule/", "week"): ("2026-W49", "2026-49"),
    ("/api/v2/work-schedule/", "date"): ("2026-12-03", "3/12/2026"),
    ("/api/v2/work-schedule/", "locale"): ("vi", ""),
    ("/api/v2/work-schedule/calendar.ics", "locale"): ("vi", ""),
}
DOCUMENT = openapi_document()


def _document_parameter(path: str, name: str) -> dict:
    [found] = [p for p in DOCUMENT["paths"][path]["get"]["parameters"] if p["name"] == name]
    return found


def _document_allows(path: str, name: str, value: str) -> bool:
    schema = _document_parameter(path, name)["schema"]
    instance: object = value
    if schema["type"] == "integer" and re.fullmatch(r"[0-9]+|-[0-9]+", value):
        instance = int(value)
    elif schema["type"] == "boolean" and value in ("true", "false"):
        instance = value == "true"
    return jsonschema_rs.validator_for(schema).is_valid(instance)


def test_schema_parameter_table_covers_every_parameter_of_the_document():
    documented = {
        (path, parameter["name"])
        for path, item in DOCUMENT["paths"].items()
        for parameter in item["get"]["parameters"]
    }
    assert documented == set(PARAMETER_VALUES)


def test_schema_and_server_agree_on_every_parameter(api, published_content, portal_key):
    from cms.api.keyset import ListingCursor
    from cms.syndication.changes import Cursor

    article = published_content[1]
    names = {
        "article": str(article.id),
        "section": str(article.get_parent().id),
        "cursor": Cursor(0).encode(),
        "listing_cursor": ListingCursor(article.publication_date, article.id).encode(),
    }

    def get(path: str, name: str, value: str):
        where = _document_parameter(path, name)["in"]
        url = path.format(id=value if where == "path" else article.id)
        query = {name: value} if where == "query" else {}
        query.update(CONTEXT.get((path, name), {}))
        return api.get(url, query, HTTP_AUTHORIZATION=f"Bearer {portal_key}"), where

    disagreements = []
    for (path, name), (allowed, forbidden) in PARAMETER_VALUES.items():
        allowed = allowed.format(**names)
        response, where = get(path, name, allowed)
        if not _document_allows(path, name, allowed):
            disagreements.append(f"{path} {name}={allowed!r}: the document forbids it")
        if response.status_code == 400 or response.status_code >= 500:
            disagreements.append(f"{path} {name}={allowed!r}: {response.status_code}")
        if forbidden is None:
            continue
        response, where = get(path, name, forbidden)
        if _document_allows(path, name, forbidden):
            disagreements.append(f"{path} {name}={forbidden!r}: the document allows it")
        if where == "path":
            refused = response.status_code == 404
        else:
            refused = response.status_code == 400 and response.json()["parameter"] == name
        if not refused:
            disagreements.append(f"{path} {name}={forbidden!r}: {response.status_code}")
    assert disagreements == []
