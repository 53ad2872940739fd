"""The demo's "Liên hệ" and "Hỏi đáp": answered and published questions, one unanswered."""

import pytest
from django.core.management import call_command
from django.test import override_settings

from home.models import ReaderQuestion, SiteIdentity, SiteSettings


@pytest.mark.django_db
@override_settings(DEBUG=True)
def test_demo_has_published_answers_and_an_unanswered_question(api):
    call_command("load_demo", verbosity=0)
    call_command("load_demo", verbosity=0)  # idempotent

    assert ReaderQuestion.objects.count() == 5
    assert ReaderQuestion.objects.filter(status="new", answer="").count() == 1
    settings = SiteSettings.objects.get()
    assert settings.map_url and settings.questions_email
    items = api.get("/api/v2/questions/").json()["items"]
    assert len(items) == 3
    assert "Thủ tục chuyển sinh hoạt Đảng tạm thời" in {item["subject"] for item in items}
    assert "Tài liệu học tập nghị quyết" not in {item["subject"] for item in items}
    # The owner details in English too, once, for /en/contact/ (Decree 42/2022/NĐ-CP).
    assert SiteIdentity.objects.count() == 2
    english = api.get("/api/v2/site-settings/?locale=en").json()
    assert english["organisation_name"].startswith("Party Committee")
    assert "Lam Hà Province" in english["address"]
    assert english["phone"] and english["email"] and english["map_url"]
