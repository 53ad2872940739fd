"""Property: a portal mirroring the site through the change feed ends up with exactly the
public pages the API serves, whatever editors do in between (hypothesis)."""

import datetime
import itertools

import pytest
from django.core.management import call_command
from django.utils import timezone
from freezegun import freeze_time
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cms.editorial import retraction
from home.models import ArticlePage, SectionPage
from tests.api_support import publish
from tests.syndication_support import PortalMirror, make_api_key

OPERATIONS = (
    "create",
    "edit_draft",
    "edit_publish",
    "publish",
    "schedule",
    "expire",
    "retract",
    "restore",
    "unpublish",
    "delete",
    "move",
    "rename_section",
    "tick",
    "sync",
)
_names = itertools.count(1)


def _public_api_pages(api) -> dict[int, dict]:
    pages, offset = {}, 0
    while True:
        data = api.get("/api/v2/pages/", {"limit": 100, "offset": offset}).json()
        pages.update({item["id"]: item for item in data["items"]})
        offset += 100
        if offset >= data["meta"]["total_count"]:
            return pages


class Editors:
    """Applies one random editorial operation to the content of one example."""

    def __init__(self, home_page, board_member, clock):
        n = next(_names)
        self.board = board_member
        self.clock = clock
        self.sections = [
            publish(home_page.add_child(instance=SectionPage(title=f"Chuyên mục {n}"))),
            publish(home_page.add_child(instance=SectionPage(title=f"Chuyên mục {n} B"))),
        ]
        self.articles: list[int] = []

    def _article(self, pick: int) -> ArticlePage | None:
        ids = [i for i in self.articles if ArticlePage.objects.filter(id=i).exists()]
        return ArticlePage.objects.get(id=ids[pick % len(ids)]) if ids else None

    def apply(self, operation: str, pick: int, mirror: PortalMirror) -> None:
        now = timezone.now()
        if operation == "create":
            section = self.sections[pick % 2]
            # A draft, as the admin creates it; or live at once, as code may do.
            article = ArticlePage(
                title=f"Tin số {next(_names)} về Đảng ủy", lead="Sapo", live=pick % 3 == 0
            )
            section.add_child(instance=article)
            article.save_revision()
            self.articles.append(article.id)
            return
        if operation == "tick":
            self.clock.tick(datetime.timedelta(minutes=20 + 20 * (pick % 4)))
            call_command("publish_scheduled")
            return
        if operation == "sync":
            mirror.sync()
            return
        if operation == "rename_section":
            section = SectionPage.objects.get(id=self.sections[pick % 2].id)
            section.title = f"{section.title} mới"
            section.slug = f"{section.slug}-{next(_names)}"
            publish(section)
            return
        article = self._article(pick)
        if article is None:
            return
        if operation in ("edit_draft", "edit_publish"):
            article.title = f"{article.title} (sửa)"
            article.lead = f"Sapo sửa {pick}"
            revision = article.save_revision()
            if operation == "edit_publish":
                revision.publish()
        elif operation == "publish":
            article.save_revision().publish()
        elif operation == "schedule":
            article.go_live_at = now + datetime.timedelta(minutes=30)
            article.save_revision().publish()
        elif operation == "expire":
            article.expire_at = now + datetime.timedelta(minutes=30)
            article.save_revision().publish()
        elif operation == "retract" and retraction.can_retract(article, self.board):
            retraction.retract(article, self.board, "Sai số liệu")
        elif operation == "restore" and retraction.can_restore(article, self.board):
            retraction.restore(article, self.board)
        elif operation == "unpublish" and article.live:
            article.unpublish()
        elif operation == "delete":
            article.delete()
        elif operation == "move":
            target = next(s for s in self.sections if not article.path.startswith(s.path))
            article.move(SectionPage.objects.get(id=target.id), pos="last-child")


def _events() -> list:
    from cms.syndication.models import ChangeEvent

    return list(ChangeEvent.objects.values_list("id", "event_type", "page_id"))


@pytest.mark.django_db(transaction=False)
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    operations=st.lists(
        st.tuples(st.sampled_from(OPERATIONS), st.integers(min_value=0, max_value=7)),
        min_size=1,
        max_size=14,
    )
)
def test_mirror_equals_public_site_after_random_editing(api, home_page, board_member, operations):
    key = make_api_key()[1]
    with freeze_time(timezone.now() + datetime.timedelta(days=next(_names)), tick=False) as clock:
        mirror = PortalMirror(api, key, limit=7)
        mirror.sync()
        editors = Editors(home_page, board_member, clock)
        for operation, pick in operations:
            editors.apply(operation, pick, mirror)
        # The scheduler runs every minute in production; a page past its expiry is hidden by
        # the API at once, and leaves the mirror when the scheduler records its expiry.
        call_command("publish_scheduled")
        mirror.sync()

        public = _public_api_pages(api)
        assert set(mirror.pages) == set(public), (operations, _events())
        for page_id, item in public.items():
            mirrored = mirror.pages[page_id]
            assert mirrored["title"] == item["title"]
            assert mirrored["lead"] == item["lead"]
            assert mirrored["meta"]["html_url"] == item["meta"]["html_url"]
            assert mirrored["path"] == item["path"]
