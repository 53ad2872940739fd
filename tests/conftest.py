"""Fixtures: small page trees built per test, named for what they are."""

import os
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Page, Site

from cms.editorial import roles
from home.models import Author, GalleryIndexPage, HomePage, SectionPage


@pytest.fixture
def home_page(db) -> HomePage:
    """A site whose root is our HomePage, in place of Wagtail's welcome page."""
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Trang chủ", slug="trang-chu"))
    Site.objects.update(root_page=home)
    Page.objects.filter(depth=2).exclude(id=home.id).delete()
    return home


@pytest.fixture
def section(home_page) -> SectionPage:
    section = home_page.add_child(instance=SectionPage(title="Tin tức - Sự kiện"))
    section.save_revision().publish()
    return section


@pytest.fixture
def gallery_index(home_page) -> GalleryIndexPage:
    return home_page.add_child(instance=GalleryIndexPage(title="Hình ảnh hoạt động"))


@pytest.fixture
def author(db) -> Author:
    return Author.objects.create(
        name="Nguyễn Văn An",
        position="Ủy viên Ban Thường vụ, Chánh Văn phòng Đảng ủy Khối",
    )


def _member_of(group_name: str, username: str):
    user = get_user_model().objects.create_user(username, f"{username}@example.com", "pw")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def contributor(db):
    return _member_of(roles.CONTRIBUTORS, "phongvien")


@pytest.fixture
def section_editor(db):
    return _member_of(roles.SECTION_EDITORS, "bientapvien")


@pytest.fixture
def board_member(db):
    return _member_of(roles.EDITORIAL_BOARD, "truongban")


@pytest.fixture
def site_admin(db):
    return _member_of(roles.SITE_ADMINISTRATORS, "quantri")


@pytest.fixture
def api(db):
    """A client of the reader API, with its response cache emptied."""
    from django.core.cache import cache
    from django.test import Client

    cache.clear()
    return Client()


@pytest.fixture
def image(db):
    from tests.api_support import make_image

    return make_image("Ảnh hội nghị")


# Media storages for tests (local disk in a temporary folder; a loopback S3 server, moto):
# tests/media_support.py.
from tests.media_support import disk_storage, s3, s3_server, uploader  # noqa: E402, F401

# In CI (CI=1, as .ci/run sets) a test skipped because a service or tool is missing (nginx,
# Redis, Chromium, moto, systemd-analyze, gettext, ...) FAILS: a green CI must have run it.
# Only a skip naming a database engine stays a skip: .ci/run's SQLite run meets the tests
# that need PostgreSQL, which its PostgreSQL run runs.
ENGINE_SPECIFIC_SKIP = re.compile(r"\b(PostgreSQL|SQLite)\b")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if not os.environ.get("CI") or not report.skipped or hasattr(report, "wasxfail"):
        return
    reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
    if ENGINE_SPECIFIC_SKIP.search(reason):
        return
    report.outcome = "failed"
    report.longrepr = f"skipped in CI (CI=1), where every service must be present: {reason}"
