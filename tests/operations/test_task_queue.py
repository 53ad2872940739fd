"""The task queue: publishing returns at once, the worker does the rest, nothing is lost.

These tests put the tasks in the database queue (django-tasks-db, as in production) instead
of the test settings' in-process backend, publish through the admin's page editor as an
editor's browser posts it, and run the worker (``manage.py run_worker --batch``) when the test
says so. Transactions commit, as in a real request.
"""

import datetime
import io
import logging
import time

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.files.images import ImageFile
from django.core.mail import EmailMultiAlternatives
from django.core.management import call_command
from django.db import connection, connections
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from freezegun import freeze_time
from PIL import Image
from wagtail.images import get_image_model
from wagtail.test.utils.form_data import rich_text, streamfield

from cms.editorial.periodic import PeriodicLock
from cms.syndication.models import WebhookSubscription
from home.models import ArticlePage, SearchDocument
from media_library.renditions import image_srcset_specs
from tests.admin_forms import article_form_data
from tests.syndication_support import WebhookPortal, publish_new_article

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

CustomImage = get_image_model()
Rendition = CustomImage.get_rendition_model()
QUEUE = {"default": {"BACKEND": "cms.task_queue.DatabaseBackend"}}


@pytest.fixture(autouse=True)
def database_queue(settings, tmp_path):
    settings.TASKS = QUEUE
    settings.VAR_DIR = tmp_path  # the periodic jobs' lock file on SQLite
    cache.clear()  # Wagtail caches renditions by image id, and ids repeat between tests


@pytest.fixture
def editor(client, board_member):
    client.force_login(board_member)
    return client


def photograph(title: str, seed: int) -> CustomImage:
    """A 2400 x 1600 JPEG with detail in it (noise over a gradient), as cameras give."""
    picture = Image.linear_gradient("L").resize((2400, 1600)).convert("RGB")
    noise = Image.effect_noise((2400, 1600), 40 + seed).convert("RGB")
    picture = Image.blend(picture, noise, 0.5)
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=90)
    image = CustomImage(
        title=title, file=ImageFile(buffer, name=f"{title}.jpg"), alt_text=f"Ảnh {seed}"
    )
    image._set_image_file_metadata()
    image.save()
    return image


def article_with_images(images: list, action: str) -> dict:
    blocks = [("paragraph", rich_text("<p>Toàn cảnh hội nghị tổng kết năm.</p>"))]
    blocks += [("image", {"image": image.id, "caption": "", "credit": ""}) for image in images]
    title = "Hội nghị tổng kết công tác năm 2026"
    return article_form_data(title, action, body=streamfield(blocks))


def run_worker() -> None:
    """What the worker does with the queue, run until it is empty."""
    call_command("run_worker", batch=True, periodic=False)


def publish_with_images(editor, section, images) -> tuple[ArticlePage, float]:
    add_url = f"/admin/pages/add/home/articlepage/{section.id}/"
    started = time.perf_counter()
    response = editor.post(add_url, article_with_images(images, "action-publish"))
    elapsed = time.perf_counter() - started
    assert response.status_code == 302, response.content.decode()[:2000]
    article = ArticlePage.objects.get(title="Hội nghị tổng kết công tác năm 2026")
    assert article.live
    return article, elapsed


def renditions_of(images) -> set[tuple[int, str]]:
    return set(Rendition.objects.filter(image__in=images).values_list("image_id", "filter_spec"))


def all_renditions(images) -> set[tuple[int, str]]:
    return {(image.id, spec) for image in images for spec in image_srcset_specs(image)}


def test_task_queue_publishing_ten_images_returns_at_once_and_worker_makes_renditions(
    editor, section
):
    images = [photograph(f"anh-hoi-nghi-{n}", n) for n in range(10)]

    article, elapsed = publish_with_images(editor, section, images)

    # The editor's request returned without making a single rendition
    assert elapsed < 1.0, f"publishing took {elapsed:.2f} s"
    assert renditions_of(images) == set()
    queued = DBTaskResult.objects.filter(status=TaskResultStatus.READY)
    assert queued.filter(task_path="media_library.tasks.generate_page_renditions").count() == 1
    assert queued.filter(task_path="cms.search.index.index_page").count() == 1

    # Once the worker has run, every image has its whole srcset
    run_worker()
    assert renditions_of(images) == all_renditions(images)
    assert SearchDocument.objects.filter(page_id=article.id).exists()
    assert not DBTaskResult.objects.exclude(status=TaskResultStatus.SUCCESSFUL).exists()


def test_task_queue_worker_down_publishing_works_and_tasks_wait(editor, section, api):
    images = [photograph(f"anh-{n}", n) for n in range(2)]

    # No worker runs: the article is published and served all the same
    article, _elapsed = publish_with_images(editor, section, images)
    assert DBTaskResult.objects.filter(status=TaskResultStatus.READY).count() >= 2
    assert not api.get("/api/v2/pages/", {"search": "tổng kết"}).json()["items"]

    # A reader's request makes the renditions it needs (as before there was a worker)
    detail = api.get(f"/api/v2/pages/{article.id}/")
    assert detail.status_code == 200
    image_blocks = [block for block in detail.json()["body"] if block["type"] == "image"]
    assert len(image_blocks) == 2
    assert renditions_of(images) == all_renditions(images)

    # The worker comes back: the queued work is done, the search finds the article
    run_worker()
    assert not DBTaskResult.objects.exclude(status=TaskResultStatus.SUCCESSFUL).exists()
    cache.clear()
    found = api.get("/api/v2/pages/", {"search": "tổng kết"}).json()["items"]
    assert [item["id"] for item in found] == [article.id]


def test_task_queue_broken_queue_publishing_still_succeeds(editor, section, api, caplog):
    images = [photograph("anh-hong-hang-doi", 1)]
    with connection.schema_editor() as editor_schema:
        editor_schema.delete_model(DBTaskResult)
    try:
        with caplog.at_level(logging.WARNING, logger="cms.task_queue"):
            article, _elapsed = publish_with_images(editor, section, images)
    finally:
        with connection.schema_editor() as editor_schema:
            editor_schema.create_model(DBTaskResult)

    # The work was done in the request instead, and the operator is told
    assert "The task queue refused" in caplog.text
    assert renditions_of(images) == all_renditions(images)
    assert SearchDocument.objects.filter(page_id=article.id).exists()
    assert api.get(f"/api/v2/pages/{article.id}/").status_code == 200


def test_task_queue_abandoned_task_runs_again(section):
    # A worker was killed while making renditions: the row stayed "running"
    images = [photograph("anh-bo-do", 3)]
    article = ArticlePage(
        title="Tin có ảnh", body=[("image", {"image": images[0], "caption": "", "credit": ""})]
    )
    section.add_child(instance=article)
    article.save_revision().publish()
    task = DBTaskResult.objects.get(task_path="media_library.tasks.generate_page_renditions")
    task.claim("killed-worker")
    DBTaskResult.objects.filter(pk=task.pk).update(
        started_at=timezone.now() - datetime.timedelta(hours=1)
    )
    run_worker()
    assert renditions_of(images) == set()

    # The periodic job puts it back, and the next worker makes them
    call_command("run_scheduler", once=True)
    run_worker()
    assert renditions_of(images) == all_renditions(images)


def test_task_queue_emails_go_out_from_the_worker(settings):
    settings.EMAIL_BACKEND = "cms.mail.QueuedEmailBackend"
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    message = EmailMultiAlternatives(
        "Bài viết chờ duyệt: Hội nghị",
        "Có bài viết chờ đồng chí duyệt.",
        to=["bientapvien@example.vn"],
        headers={"Auto-Submitted": "auto-generated"},
    )
    message.attach_alternative("<p>Có bài viết chờ đồng chí duyệt.</p>", "text/html")
    message.attach("danh-sach.csv", "Tiêu đề\nHội nghị\n", "text/csv")

    message.send()
    assert mail.outbox == []
    assert DBTaskResult.objects.get().task_path == "cms.mail.send_email"

    run_worker()
    [sent] = mail.outbox
    assert sent.subject == "Bài viết chờ duyệt: Hội nghị"
    assert sent.to == ["bientapvien@example.vn"]
    assert sent.alternatives == [("<p>Có bài viết chờ đồng chí duyệt.</p>", "text/html")]
    assert sent.extra_headers["Auto-Submitted"] == "auto-generated"
    [(filename, content, mimetype)] = sent.attachments
    assert (filename, mimetype) == ("danh-sach.csv", "text/csv")
    assert content == "Tiêu đề\nHội nghị\n"


def test_task_queue_workflow_notifications_are_queued(
    settings, client, contributor, section_editor, section
):
    # A contributor submits for review: the approvers' e-mails leave from the worker
    settings.EMAIL_BACKEND = "cms.mail.QueuedEmailBackend"
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    client.force_login(contributor)
    add_url = f"/admin/pages/add/home/articlepage/{section.id}/"
    response = client.post(add_url, article_form_data("Tin gửi duyệt", "action-submit"))
    assert response.status_code == 302
    assert mail.outbox == []

    run_worker()
    assert section_editor.email in {address for message in mail.outbox for address in message.to}


def test_task_queue_webhooks_are_sent_by_the_worker(settings, section):
    settings.WEBHOOK_ALLOW_PRIVATE_URLS = True
    with WebhookPortal("bí-mật") as portal:
        WebhookSubscription.objects.create(name="Cổng tỉnh", url=portal.url, secret="bí-mật")
        article = publish_new_article(section, "Tin gửi cổng tỉnh")
        assert DBTaskResult.objects.filter(
            task_path="cms.syndication.webhooks.deliver_webhooks"
        ).exists()
        assert portal.pages == {}

        run_worker()
        assert article.id in portal.pages


def test_task_queue_scheduled_publishing_is_a_periodic_job_of_the_worker(section, board_member):
    now = datetime.datetime(2026, 6, 15, 8, 0, tzinfo=datetime.UTC)
    with freeze_time(now):
        article = section.add_child(instance=ArticlePage(title="Tin hẹn giờ", live=False))
        article.go_live_at = now + datetime.timedelta(hours=1)
        article.save_revision(user=board_member).publish(user=board_member)
    with freeze_time(now + datetime.timedelta(hours=1, minutes=1)):
        call_command("run_worker", batch=True)
    article.refresh_from_db()
    assert article.live


def test_task_queue_periodic_jobs_run_in_one_worker_at_a_time():
    if connection.vendor == "postgresql":
        # Each worker has its own database session.
        other = connections.create_connection("default")
        first, second = PeriodicLock(), PeriodicLock(using=other)
    else:
        other = None
        first, second = PeriodicLock(), PeriodicLock()
    try:
        assert first.held()
        assert first.held()  # still its own on the next tick
        assert not second.held()
        first.release()  # that worker stopped: the other takes over
        assert second.held()
        assert not first.held()
    finally:
        first.release()
        second.release()
        if other is not None:
            other.close()
