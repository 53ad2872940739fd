"""Fixtures of the readers' questions: a site with contact settings, questions in each state."""

import pytest
from django.core.cache import cache
from django.utils import timezone
from wagtail.models import Site

from home.models import QuestionStatus, ReaderQuestion, SiteSettings
from tests.contact_support import make_question


@pytest.fixture
def office(home_page) -> SiteSettings:
    """The site's settings with the office's contacts and the questions' mailbox."""
    cache.clear()
    row = SiteSettings.for_site(Site.objects.get())
    row.phone = "0236 3822 123"
    row.email = "vanphong@example.vn"
    row.questions_email = "hoidap@example.vn"
    row.map_url = "https://maps.example.vn/?q=Da+Nang"
    row.save()
    return row


@pytest.fixture
def published_question(office) -> ReaderQuestion:
    now = timezone.now()
    return make_question(
        subject="Câu hỏi đã đăng",
        status=QuestionStatus.ANSWERED,
        answer="Đồng chí liên hệ Văn phòng Đảng ủy Khối.",
        answered_at=now,
        published=True,
        published_at=now,
    )


@pytest.fixture
def hidden_questions(office) -> list[ReaderQuestion]:
    """One question in every state that must never be public."""
    now = timezone.now()
    return [
        make_question(subject="Câu hỏi mới chưa trả lời"),
        make_question(subject="Đã trả lời chưa duyệt", status="answered", answer="Trả lời nháp"),
        make_question(subject="Đã đóng", status="closed", answer="x", published=True),
        # Published, then taken back to a new question: not public.
        make_question(
            subject="Đăng nhưng chưa trả lời", status="new", published=True, published_at=now
        ),
        make_question(
            subject="Đăng không có câu trả lời", status="answered", published=True, published_at=now
        ),
    ]
