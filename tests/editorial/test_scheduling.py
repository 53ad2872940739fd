"""Scheduled publishing and expiry, with time travel instead of sleeping."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from freezegun import freeze_time
from wagtail.models import PageLogEntry

from home.models import ArticlePage

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 6, 15, 8, 0, tzinfo=datetime.UTC)


def test_scheduled_article_goes_live_at_its_time(client, section, board_member):
    with freeze_time(NOW):
        article = section.add_child(instance=ArticlePage(title="Tin hẹn giờ", live=False))
        article.go_live_at = NOW + datetime.timedelta(hours=2)
        article.save_revision(user=board_member).publish(user=board_member)
        article.refresh_from_db()
        assert not article.live
        assert client.get(f"/api/v2/pages/{article.id}/").status_code == 404

    with freeze_time(NOW + datetime.timedelta(hours=1, minutes=59)):
        call_command("run_scheduler", once=True)
        article.refresh_from_db()
        assert not article.live

    with freeze_time(NOW + datetime.timedelta(hours=2, minutes=1)):
        call_command("run_scheduler", once=True)
        article.refresh_from_db()
        assert article.live
        assert client.get(f"/api/v2/pages/{article.id}/").status_code == 200
        assert PageLogEntry.objects.filter(page=article, action="wagtail.publish.scheduled")


def test_article_expires_at_its_time(client, section, board_member):
    with freeze_time(NOW):
        article = section.add_child(instance=ArticlePage(title="Tin có hạn"))
        article.expire_at = NOW + datetime.timedelta(days=1)
        article.save_revision(user=board_member).publish(user=board_member)
        assert client.get(f"/api/v2/pages/{article.id}/").status_code == 200

    with freeze_time(NOW + datetime.timedelta(days=1, minutes=1)):
        call_command("run_scheduler", once=True)
        article.refresh_from_db()
        assert not article.live
        assert article.expired
        assert client.get(f"/api/v2/pages/{article.id}/").status_code == 404


def test_expired_but_not_yet_processed_article_is_not_public(client, section, board_member):
    # Between the expiry time and the next scheduler run the API must not serve it either.
    with freeze_time(NOW):
        article = section.add_child(instance=ArticlePage(title="Tin hết hạn"))
        article.expire_at = NOW + datetime.timedelta(minutes=10)
        article.save_revision(user=board_member).publish(user=board_member)
    with freeze_time(NOW + datetime.timedelta(minutes=10, seconds=30)):
        assert client.get(f"/api/v2/pages/{article.id}/").status_code == 404


def test_scheduling_is_recorded_in_the_audit_log(section, board_member):
    article = section.add_child(instance=ArticlePage(title="Tin hẹn giờ", live=False))
    article.go_live_at = timezone.now() + datetime.timedelta(days=1)
    article.save_revision(user=board_member).publish(user=board_member)
    entry = PageLogEntry.objects.get(page=article, action="wagtail.publish.schedule")
    assert entry.user == board_member
    assert entry.data["revision"]["go_live_at"]
