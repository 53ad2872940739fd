"""The admin screens editors and approvers use show Vietnamese labels, not English ones.

Each test renders a screen as a logged-in user with the default language (vi) and checks,
for a list of common English labels, that the label is absent from what the user sees or
hears (text, tooltips, aria labels, the sidebar's data) and its Vietnamese counterpart
(locale/vi/GLOSSARY.md) is present.
"""

import json
import re

import pytest
from bs4 import BeautifulSoup, NavigableString, TemplateString
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse

from cms.editorial import roles
from home.models import ArticlePage, Author

pytestmark = pytest.mark.django_db

SHOWN_ATTRIBUTES = ("aria-label", "title", "placeholder", "alt", "data-w-tooltip-content-value")


def _strings_in(data) -> list[str]:
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for value in data.values() for s in _strings_in(value)]
    if isinstance(data, list):
        return [s for value in data for s in _strings_in(value)]
    return []


def shown_text(html: str) -> str:
    """What a user sees or a screen reader reads: text, labelling attributes, JSON data."""
    soup = BeautifulSoup(html, "html.parser")
    parts = []
    for script in soup.find_all("script"):
        if script.get("type") == "application/json" and script.string:
            parts += _strings_in(json.loads(script.string))
        script.decompose()
    for style in soup.find_all("style"):
        style.decompose()
    # Text inside <template> counts: the admin shows it in dialogs and menus on demand.
    parts.append(soup.get_text(" ", strip=True, types=(NavigableString, TemplateString)))
    for element in soup.find_all(True):
        parts += [element[name] for name in SHOWN_ATTRIBUTES if element.get(name)]
    return "\n".join(parts)


def screen(response) -> str:
    assert response.status_code == 200, response.status_code
    if response["Content-Type"].startswith("application/json"):
        return shown_text(response.json()["html"])
    return shown_text(response.content.decode())


def assert_vietnamese(text: str, labels: dict[str, str]) -> None:
    """Every English label is absent (as a whole phrase) and its Vietnamese one present."""
    english = [en for en in labels if re.search(rf"(?<![\w-]){re.escape(en)}(?![\w-])", text)]
    vietnamese = [vi for vi in labels.values() if vi not in text]
    assert not english, f"English labels shown: {english}"
    assert not vietnamese, f"Vietnamese labels missing: {vietnamese}"


def _user(username: str, *group_names: str, superuser: bool = False):
    User = get_user_model()
    if superuser:
        return User.objects.create_superuser(username, f"{username}@example.com", "pw")
    user = User.objects.create_user(username, f"{username}@example.com", "pw")
    user.groups.add(*Group.objects.filter(name__in=group_names))
    return user


@pytest.fixture
def board_member(db):
    return _user("truongban", roles.EDITORIAL_BOARD)


@pytest.fixture
def site_admin(db):
    """Uploads and reports are checked as a superuser: the screens, not the permissions."""
    return _user("quantri_he_thong", superuser=True)


@pytest.fixture
def article(section, contributor) -> ArticlePage:
    """A draft article written by the contributor."""
    article = section.add_child(
        instance=ArticlePage(title="Hội nghị quán triệt Nghị quyết", owner=contributor, live=False)
    )
    article.save_revision(user=contributor)
    return article


@pytest.fixture
def article_in_moderation(article, contributor) -> ArticlePage:
    article.get_workflow().start(article, contributor)
    article.refresh_from_db()
    return article


@pytest.fixture
def reviewer(article_in_moderation, section_editor):
    """A section editor who may act on the article's current workflow step."""
    task = article_in_moderation.current_workflow_task.specific
    section_editor.groups.add(*task.groups.all())
    return section_editor


def test_admin_dashboard_is_vietnamese(client, site_admin):
    client.force_login(site_admin)

    text = screen(client.get(reverse("wagtailadmin_home")))

    assert_vietnamese(
        text,
        {
            "Dashboard": "Trang tổng quan",
            "Pages": "Trang",
            "Images": "Hình ảnh",
            "Documents": "Tài liệu",
            "Reports": "Báo cáo",
            "Settings": "Cài đặt",
            "Help": "Trợ giúp",
            "Site summary": "Tổng quan website",
            "Log out": "Đăng xuất",
        },
    )


def test_admin_reviewer_dashboard_lists_work_awaiting_review_in_vietnamese(client, reviewer):
    client.force_login(reviewer)

    text = screen(client.get(reverse("wagtailadmin_home")))

    assert_vietnamese(
        text,
        {
            "Awaiting your review": "Đang chờ bạn duyệt",
            "Task submitted by": "Người gửi duyệt",
            "Task started": "Bắt đầu bước lúc",
            "Approve": "Phê duyệt",
            "Request changes": "Yêu cầu chỉnh sửa",
        },
    )


def test_admin_page_explorer_is_vietnamese(client, contributor, section, article):
    client.force_login(contributor)

    text = screen(client.get(reverse("wagtailadmin_explore", args=[section.id])))

    assert_vietnamese(
        text,
        {
            "Add child page": "Thêm trang con",
            "Title": "Tiêu đề",
            "Updated": "Cập nhật",
            "Type": "Loại",
            "Status": "Trạng thái",
            "History": "Lịch sử",
            "Filter by": "Lọc theo",
            "Bulk actions": "Thao tác hàng loạt",
        },
    )


def test_admin_page_editor_is_vietnamese_for_a_contributor(client, contributor, article):
    client.force_login(contributor)

    text = screen(client.get(reverse("wagtailadmin_pages:edit", args=[article.id])))

    assert_vietnamese(
        text,
        {
            "Save draft": "Lưu bản nháp",
            "Submit to": "Gửi duyệt theo quy trình",
            "Preview": "Xem trước",
            "History": "Lịch sử",
            "Content": "Nội dung",
            "Promote": "Quảng bá",
            "Comments": "Bình luận",
            "Set schedule": "Đặt lịch",
            "Set publishing schedule": "Đặt lịch xuất bản",
            "Save schedule": "Lưu lịch",
            "Draft": "Bản nháp",
            "Choose an image": "Chọn ảnh",
            "Page title": "Tiêu đề",
        },
    )


def test_admin_page_editor_is_vietnamese_for_the_editorial_board(
    client, board_member, contributor, article
):
    article.save_revision(user=contributor).publish()
    article.save_revision(user=contributor)
    client.force_login(board_member)

    text = screen(client.get(reverse("wagtailadmin_pages:edit", args=[article.id])))

    assert_vietnamese(
        text,
        {
            "Publish": "Xuất bản",
            "Unpublish": "Gỡ xuất bản",
            "Save draft": "Lưu bản nháp",
            "Live": "Đã xuất bản",
            "Lock": "Khóa",
            "Move": "Di chuyển",
            "Copy": "Sao chép",
            "Delete": "Xóa",
        },
    )


def test_admin_workflow_actions_are_vietnamese_for_the_reviewer(
    client, reviewer, article_in_moderation
):
    client.force_login(reviewer)

    text = screen(client.get(reverse("wagtailadmin_pages:edit", args=[article_in_moderation.id])))

    assert_vietnamese(
        text,
        {
            "Approve": "Phê duyệt",
            "Approve with comment": "Phê duyệt kèm ý kiến",
            "Request changes": "Yêu cầu chỉnh sửa",
            "In Moderation": "Đang chờ duyệt",
            "View details": "Xem chi tiết",
        },
    )


@pytest.mark.parametrize(
    ("action", "labels"),
    [
        ("approve", {"Approve with comment": "Phê duyệt kèm ý kiến", "Comment": "Bình luận"}),
        ("reject", {"Request changes": "Yêu cầu chỉnh sửa"}),
    ],
)
def test_admin_workflow_dialogs_are_vietnamese(
    client, reviewer, article_in_moderation, action, labels
):
    task_state = article_in_moderation.current_workflow_task_state
    client.force_login(reviewer)

    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[article_in_moderation.id, action, task_state.id],
    )

    assert_vietnamese(screen(client.get(url)), labels)


def test_admin_publish_during_moderation_dialog_is_vietnamese(
    client, board_member, article_in_moderation
):
    client.force_login(board_member)

    url = reverse(
        "wagtailadmin_pages:confirm_workflow_cancellation", args=[article_in_moderation.id]
    )

    assert_vietnamese(
        screen(client.get(url)),
        {
            "Publish page": "Xuất bản trang",
            "Publishing this page will cancel the current workflow.": (
                "Xuất bản trang này sẽ hủy quy trình hiện tại."
            ),
            "Would you still like to publish this page?": "Bạn vẫn muốn xuất bản trang này chứ?",
        },
    )


def test_admin_workflow_submission_email_is_vietnamese(
    contributor, reviewer, article_in_moderation
):
    # The reviewer joined the step's groups after submission: submit again to notify them.
    article_in_moderation.current_workflow_state.cancel(user=contributor)
    mail.outbox.clear()

    article_in_moderation.get_workflow().start(article_in_moderation, contributor)

    assert mail.outbox
    for message in mail.outbox:
        assert "submitted" not in message.subject + message.body
        assert "gửi duyệt" in message.subject


def test_admin_image_chooser_is_vietnamese(client, site_admin):
    client.force_login(site_admin)

    text = screen(client.get(reverse("wagtailimages_chooser:choose")))

    assert_vietnamese(
        text,
        {
            "Choose an image": "Chọn ảnh",
            "Upload": "Tải lên",
            "Search term": "Từ khóa tìm kiếm",
            "You haven't uploaded any images.": "Bạn chưa tải lên ảnh nào.",
        },
    )


def test_admin_image_upload_is_vietnamese(client, site_admin):
    client.force_login(site_admin)

    text = screen(client.get(reverse("wagtailimages:add_multiple")))

    assert_vietnamese(
        text,
        {
            "Add images": "Thêm ảnh",
            "Drag and drop images into this area to upload immediately.": (
                "Kéo và thả ảnh vào vùng này để tải lên ngay."
            ),
            "Or choose from your computer": "Hoặc chọn từ máy tính của bạn",
        },
    )


def test_admin_document_upload_is_vietnamese(client, site_admin):
    client.force_login(site_admin)

    text = screen(client.get(reverse("wagtaildocs:add_multiple")))

    assert_vietnamese(
        text,
        {
            "Add documents": "Thêm tài liệu",
            "Drag and drop documents into this area to upload immediately.": (
                "Kéo và thả tài liệu vào vùng này để tải lên ngay."
            ),
            "Or choose from your computer": "Hoặc chọn từ máy tính của bạn",
        },
    )


def test_admin_snippet_listing_is_vietnamese(client, board_member, author):
    client.force_login(board_member)

    text = screen(client.get(reverse(Author.snippet_viewset.get_url_name("list"))))

    assert_vietnamese(
        text,
        {
            "Authors": "Tác giả",
            "Add author": "Thêm tác giả",
            "Name": "Tên",
            "Position": "Chức vụ",
            "Bulk actions": "Thao tác hàng loạt",
        },
    )
    assert author.name in text


def test_admin_audit_log_report_is_vietnamese(client, site_admin, article_in_moderation):
    client.force_login(site_admin)

    text = screen(client.get(reverse("wagtailadmin_reports:site_history")))

    assert_vietnamese(
        text,
        {
            "Site history": "Lịch sử website",
            "Action": "Thao tác",
            "User": "Người dùng",
            "Download CSV": "Tải xuống CSV",
            # the office's word for Wagtail's "Workflow: start" (cms/editorial/audit.py)
            "Submit for review": "Gửi duyệt",
        },
    )


def test_admin_login_page_is_vietnamese(client):
    text = screen(client.get(reverse("wagtailadmin_login")))

    assert_vietnamese(
        text,
        {
            "Sign in": "Đăng nhập",
            "Forgotten password?": "Quên mật khẩu?",
            "Remember me": "Ghi nhớ đăng nhập",
        },
    )


def _javascript_catalog(response) -> dict[str, str | list[str]]:
    match = re.search(r"const newcatalog = (\{.*?\});\n", response.content.decode(), re.S)
    assert match, "no catalogue in the JavaScript catalogue response"
    return json.loads(match.group(1))


@pytest.mark.parametrize(
    ("url_name", "labels"),
    [
        (
            "wagtailadmin_javascript_catalog",
            {"Loading…": "Đang tải…", "Add a comment": "Thêm bình luận", "Close": "Đóng"},
        ),
        (
            "wagtail_localize:javascript_catalog",
            {"Translate": "Dịch", "Not translated": "Chưa dịch", "Save": "Lưu"},
        ),
    ],
)
def test_admin_javascript_catalogues_are_vietnamese(client, contributor, url_name, labels):
    client.force_login(contributor)

    catalog = _javascript_catalog(client.get(reverse(url_name)))

    assert {english: catalog.get(english) for english in labels} == labels
