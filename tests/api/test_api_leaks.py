"""Property: whatever state pages are in, every endpoint shows exactly the public set.

Random trees of articles in random states (draft, live, live with a newer draft, in review,
scheduled, expired, retracted, in a private section, restricted) with random related links
and rich-text links between them; each endpoint must return the public pages with their live
content, and nothing of the others.
"""

import datetime

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
            _check_endpoints(Client(), slugs, expected)
            raise Rollback
    except Rollback:
        pass


# Readers' questions (issue 19): in any state and after any change of state, "Hỏi đáp" lists
# exactly the answered ones the board published, and no reader's contacts.
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
            for index, state in changes:
                if index < len(questions):
                    apply(questions[index][0], state)
                    questions[index] = (questions[index][0], state)
            expected = {q.id for q, s in questions if s == "answered_published"}
            body = client.get("/api/v2/questions/?limit=100")
            assert {item["id"] for item in body.json()["items"]} == expected
            assert body.json()["meta"]["total_count"] == len(expected)
            assert "@example.vn" not in body.content.decode()
            raise Rollback
    except Rollback:
        pass
