"""Property: whatever state pages are in, every endpoint shows exactly the public set.

Random trees of articles in random states (draft, live, live with a newer draft, in review,
scheduled, expired, retracted, in a private section, restricted) with random related links
and rich-text links between them; each endpoint must return the public pages with their live
content, and nothing of the others.
"""

import datetime
import json

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import PageViewRestriction

from home.models import ArticlePage, SectionPage
from home.models.articles import RelatedArticle
from tests.api_support import paragraph, publish

STATES = [
    "draft",
    "live",
    "live_with_draft",
    "in_review",
    "scheduled",
    "expired",
    "retracted",
    "private_section",
    "restricted",
]
PUBLIC_STATES = {"live", "live_with_draft", "in_review"}


class Rollback(Exception):
    pass


def _build(parent_public, parent_private, state: str, index: int) -> ArticlePage:
    now = timezone.now()
    parent = parent_private if state == "private_section" else parent_public
    title = f"Tin {index}"
    page = ArticlePage(
        title=title,
        slug=f"tin-{index}",
        live=False,
        publication_date=now - datetime.timedelta(hours=index),
    )
    parent.add_child(instance=page)
    if state == "draft":
        page.save_revision()
    elif state == "scheduled":
        page.go_live_at = now + datetime.timedelta(days=1)
        page.save_revision().publish()
    else:
        publish(page)
    if state in ("live_with_draft", "in_review"):
        page.title = f"NHÁP {title}"
        page.lead = "NHÁP"
        page.save_revision()
        workflow = page.get_workflow() if state == "in_review" else None
        if workflow is not None:
            workflow.start(page, user=None)
    elif state == "expired":
        ArticlePage.objects.filter(id=page.id).update(expire_at=now - datetime.timedelta(hours=1))
    elif state == "retracted":
        page.unpublish()
    elif state == "restricted":
        PageViewRestriction.objects.create(page=page, restriction_type="login")
    return ArticlePage.objects.get(id=page.id)


def _check_endpoints(client: Client, pages: dict[int, str], expected: set[int]) -> None:
    listing = client.get("/api/v2/pages/?type=article&limit=100").json()
    assert {item["id"] for item in listing["items"]} == expected
    assert listing["meta"]["total_count"] == len(expected)
    everything = client.get("/api/v2/pages/?limit=100").json()
    assert {i["id"] for i in everything["items"] if i["kind"] == "article"} == expected
    # Every article is called "Tin <n>": the search finds each public one and nothing else,
    # and no draft's words ("NHÁP").
    searched = client.get("/api/v2/pages/?type=article&search=Tin&limit=100").json()
    assert {item["id"] for item in searched["items"]} == expected
    assert searched["meta"]["total_count"] == len(expected)
    drafts = client.get("/api/v2/pages/?search=nhap&limit=100").json()
    assert drafts["items"] == [] and drafts["meta"]["total_count"] == 0
    assert all("NHÁP" not in item["title"] for item in listing["items"])
    for page_id, slug in pages.items():
        detail = client.get(f"/api/v2/pages/{page_id}/")
        found = client.get(f"/api/v2/pages/find/?html_path=/tin-tuc/{slug}/")
        if page_id not in expected:
            assert detail.status_code == 404
            assert found.status_code == 404
            continue
        data = detail.json()
        assert "NHÁP" not in data["title"] and data["lead"] != "NHÁP"
        assert {item["id"] for item in data["related"]} <= expected
        for neighbour in (data["previous"], data["next"]):
            assert neighbour is None or neighbour["id"] in expected
        body = "".join(block["value"] for block in data["body"])
        for other_id, other_slug in pages.items():
            if other_id not in expected:
                assert f"/tin-tuc/{other_slug}/" not in body
        assert found.status_code == 302


@pytest.mark.django_db(transaction=False)
@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    states=st.lists(st.sampled_from(STATES), min_size=1, max_size=7),
    links=st.lists(st.tuples(st.integers(0, 6), st.integers(0, 6)), max_size=6),
)
def test_every_endpoint_returns_exactly_the_public_set(home_page, states, links):
    try:
        with transaction.atomic():
            cache.clear()
            section = publish(
                home_page.add_child(instance=SectionPage(title="Tin tức", slug="tin-tuc"))
            )
            private = publish(
                home_page.add_child(instance=SectionPage(title="Nội bộ", slug="noi-bo"))
            )
            PageViewRestriction.objects.create(
                page=private, restriction_type="password", password="x"
            )
            pages = [_build(section, private, state, i) for i, state in enumerate(states)]
            for source, target in links:
                if source < len(pages) and target < len(pages) and source != target:
                    page, other = pages[source], pages[target]
                    RelatedArticle.objects.create(page=page, related_page=other)
                    if states[source] in PUBLIC_STATES:
                        live = ArticlePage.objects.get(id=page.id)
                        live.body = [
                            paragraph(f'<p><a linktype="page" id="{other.id}">xem</a></p>')
                        ]
                        # Saved on the row directly so the link is in the live content.
                        live.save()
            expected = {p.id for p, s in zip(pages, states, strict=True) if s in PUBLIC_STATES}
            slugs = {p.id: p.slug for p in pages}
            cache.clear()
            client = Client()
            _check_endpoints(client, slugs, expected)
            # With every cache warm: new articles published (the narrow invalidation of
            # cms/api/invalidation.py) and a live one retracted show at once, counts too.
            for page, state in zip(pages, states, strict=True):
                if state == "draft":
                    publish(ArticlePage.objects.get(id=page.id))
                    expected.add(page.id)
            _check_endpoints(client, slugs, expected)
            if expected:
                retracted = ArticlePage.objects.get(id=min(expected))
                retracted.unpublish()
                expected.discard(retracted.id)
                _check_endpoints(client, slugs, expected)
            raise Rollback
    except Rollback:
        pass


# Readers' questions (issue 19): in any state and after any change of state, "Hỏi đáp" lists
# exactly the answered ones the board published, and no reader's contacts; so do its search
# and the change feed (a portal that synced before the changes and one that starts after).
QUESTION_STATES = {
    # (status, answer, published, published_at set): public?
    "new": ("new", "", False, False),
    "new_published_flag": ("new", "", True, True),
    "answered": ("answered", "Đáp", False, False),
    "answered_published": ("answered", "Đáp", True, True),
    "answered_no_text_published": ("answered", "", True, True),
    "closed_published_flag": ("closed", "Đáp", True, True),
    "published_flag_without_date": ("answered", "Đáp", True, False),
}


@pytest.mark.django_db(transaction=False)
@settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    states=st.lists(st.sampled_from(sorted(QUESTION_STATES)), min_size=1, max_size=6),
    changes=st.lists(
        st.tuples(st.integers(0, 5), st.sampled_from(sorted(QUESTION_STATES))), max_size=4
    ),
)
def test_questions_endpoint_returns_exactly_the_published_answers(home_page, states, changes):
    from home.models import ReaderQuestion
    from tests.syndication_support import PortalMirror, make_api_key

    def apply(question, state: str) -> None:
        status, answer, published, dated = QUESTION_STATES[state]
        question.status, question.answer, question.published = status, answer, published
        question.published_at = timezone.now() if dated else None
        question.save()

    try:
        with transaction.atomic():
            cache.clear()
            client = Client()
            questions = []
            for n, state in enumerate(states):
                question = ReaderQuestion(
                    name=f"Bạn đọc {n}", email=f"r{n}@example.vn", subject=f"Hỏi {n}", message="?"
                )
                apply(question, state)
                questions.append((question, state))
            # Read once (cached), then change states: the cached answer must not survive.
            client.get("/api/v2/questions/?limit=100")
            client.get("/api/v2/questions/?limit=100&search=hoi")
            key = make_api_key()[1]
            early = PortalMirror(client, key, limit=2)
            early.sync()
            for index, state in changes:
                if index < len(questions):
                    apply(questions[index][0], state)
                    questions[index] = (questions[index][0], state)
            expected = {q.id for q, s in questions if s == "answered_published"}
            body = client.get("/api/v2/questions/?limit=100")
            assert {item["id"] for item in body.json()["items"]} == expected
            assert body.json()["meta"]["total_count"] == len(expected)
            assert "@example.vn" not in body.content.decode()
            # Search: "Hỏi" folded, any case; never by the reader's name.
            found = client.get("/api/v2/questions/?limit=100&search=HOI")
            assert {item["id"] for item in found.json()["items"]} == expected
            assert found.json()["meta"]["total_count"] == len(expected)
            assert client.get("/api/v2/questions/?search=ban+doc").json()["items"] == []
            # The change feed: before and after the changes, and from scratch.
            feed = early.sync()
            late = PortalMirror(client, key, limit=2)
            feed += late.sync()
            for mirror in (early, late):
                assert set(mirror.questions) == expected
            for item in feed:
                text = json.dumps(item, ensure_ascii=False)
                assert "@example.vn" not in text and "Bạn đọc" not in text
            raise Rollback
    except Rollback:
        pass


# The document library (issue 19): documents in every state, in a public and in a private
# library; the document API (list, detail, search), the page API, the RSS feeds (all and per
# type), the change feed's snapshot and the sitemap show exactly the public ones, with their
# live text ("NHÁP" is only ever in a draft).
DOCUMENT_STATES = [
    "draft",
    "live",
    "live_with_draft",
    "in_review",
    "scheduled",
    "expired",
    "retracted",
    "private_library",
    "restricted",
]


def _build_document(libraries, types, issuer, board_member, state: str, index: int):
    from cms.editorial import retraction
    from tests.documents.support import make_document

    public_library, private_library = libraries
    now = timezone.now()
    document = make_document(
        private_library if state == "private_library" else public_library,
        str(100 + index),
        types[index % 2],
        issuer,
        f"Văn bản {index}",
        summary=f"Trích yếu văn bản số {100 + index}",
        publish_it=state not in ("draft", "scheduled"),
        slug=f"van-ban-{index}",
    )
    if state == "scheduled":
        document.go_live_at = now + datetime.timedelta(days=1)
        document.save_revision().publish()
    elif state in ("live_with_draft", "in_review"):
        document.title = f"NHÁP {document.title}"
        document.summary = "NHÁP trích yếu"
        document.save_revision()
        workflow = document.get_workflow() if state == "in_review" else None
        if workflow is not None:
            workflow.start(document, user=None)
    elif state == "expired":
        type(document).objects.filter(id=document.id).update(
            expire_at=now - datetime.timedelta(hours=1)
        )
    elif state == "retracted":
        retraction.retract(document, board_member, "Sai số, ký hiệu văn bản.")
    elif state == "restricted":
        PageViewRestriction.objects.create(page=document, restriction_type="login")
    return type(document).objects.get(id=document.id)


def _check_document_endpoints(client: Client, documents: dict, expected: set[int]) -> None:
    from cms.vietnamese import slugify_vi
    from home.models.documents import DocumentType
    from tests.reader_support import reader_get
    from tests.syndication_support import PortalMirror, make_api_key

    listing = client.get("/api/v2/legal-documents/?limit=100").json()
    assert {item["id"] for item in listing["items"]} == expected
    assert listing["meta"]["total_count"] == len(expected)
    # Every document's summary says "Trích yếu văn bản số …": the search finds the public ones.
    searched = client.get("/api/v2/legal-documents/?search=trich yeu van ban&limit=100").json()
    assert {item["id"] for item in searched["items"]} == expected
    for path in ("/api/v2/legal-documents/?search=nhap", "/api/v2/pages/?search=nhap"):
        assert client.get(path).json()["meta"]["total_count"] == 0, path
    pages = client.get("/api/v2/pages/?type=home.LegalDocumentPage&limit=100").json()
    assert {item["id"] for item in pages["items"]} == expected
    feeds = [client.get("/feeds/documents/rss/").content.decode()]
    for document_type in DocumentType.objects.all():
        feed = client.get(f"/feeds/documents/{slugify_vi(document_type.name)}/rss/")
        assert feed.status_code == 200
        feeds.append(feed.content.decode())
    _key, key = make_api_key()
    portal = PortalMirror(client, key)
    portal.sync()
    assert {i for i, page in portal.pages.items() if page["kind"] == "document"} == expected
    sitemap = reader_get("/sitemap.xml").text
    for text in (*feeds, str(listing), str(portal.pages), sitemap):
        assert "NHÁP" not in text
    for document_id, document in documents.items():
        detail = client.get(f"/api/v2/legal-documents/{document_id}/")
        page = client.get(f"/api/v2/pages/{document_id}/")
        public = document_id in expected
        assert detail.status_code == page.status_code == (200 if public else 404), document_id
        if public:
            assert "NHÁP" not in detail.content.decode()
        link = f"/van-ban/{document.slug}/"
        assert (link in sitemap) is public, link
        all_feed, *type_feeds = feeds
        assert (link in all_feed) is public, link
        assert sum(link in feed for feed in type_feeds) == (1 if public else 0), link


@pytest.mark.django_db(transaction=False)
@settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(states=st.lists(st.sampled_from(DOCUMENT_STATES), min_size=1, max_size=6))
def test_document_endpoints_return_exactly_the_public_documents(home_page, board_member, states):
    from tests.documents.support import library, lists

    try:
        with transaction.atomic():
            cache.clear()
            public_library = library(home_page)
            private_library = publish(
                home_page.add_child(
                    instance=type(public_library)(title="Văn bản nội bộ", slug="van-ban-noi-bo")
                )
            )
            PageViewRestriction.objects.create(
                page=private_library, restriction_type="password", password="x"
            )
            ls = lists()
            documents = {}
            for index, state in enumerate(states):
                document = _build_document(
                    (public_library, private_library),
                    (ls["kh"], ls["nd"]),
                    ls["duk"],
                    board_member,
                    state,
                    index,
                )
                documents[document.id] = (document, state)
            expected = {i for i, (_d, s) in documents.items() if s in PUBLIC_STATES}
            cache.clear()
            _check_document_endpoints(
                Client(), {i: d for i, (d, _s) in documents.items()}, expected
            )
            raise Rollback
    except Rollback:
        pass
