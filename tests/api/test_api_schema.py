"""The OpenAPI document describes the live server: schemathesis finds no server error and no
response that breaks the schema (run against pytest-django's live server, in CI too)."""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from cms.api.schema.views import openapi_document
from home.models import LinkedWebsite, SectionPage
from home.models.articles import ArticleAuthor, RelatedArticle
from tests.api_support import image_block, make_article, make_image, paragraph, publish

schema = schemathesis.openapi.from_dict(openapi_document())
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
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
    return [first, second]


# A live server needs committed data; serialized_rollback restores what migrations made
# (the root page, the locale, the groups) after each flush.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@schema.parametrize()
@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_api_matches_its_openapi_document(case, live_server, published_content):
    response = case.call(base_url=live_server.url)
    case.validate_response(response, checks=CHECKS)
