"""The editorial office's admin: retract and restore, the audit log export, and publishing
refused to anyone without the permission, however the request was made."""

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import HttpRequest
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.log_actions import LogFormatter
from wagtail.models import Page

from cms.editorial import accounts, audit, retraction, roles, views
from cms.editorial.sent_back import SentBackPanel
from home.models import Retraction
from home.models.base import PREFETCHED_RETRACTIONS

# --- Retraction ("gỡ bài") and the audit log ------------------------------------


@hooks.register("register_admin_urls")
def editorial_urls() -> list:
    return [
        path("pages/<int:page_id>/retract/", views.retract, name="home_retract"),
        path("pages/<int:page_id>/restore/", views.restore, name="home_restore"),
        path("audit-log/export/", views.audit_export, name="home_audit_export"),
    ]


class RetractMenuItem(PageMenuItem):
    label = _("Retract")
    icon_name = "warning"
    url_name = "home_retract"

    def is_shown(self, user) -> bool:
        return retraction.can_retract(self.page, user)


class RestoreMenuItem(PageMenuItem):
    label = _("Restore")
    icon_name = "undo"
    url_name = "home_restore"

    def is_shown(self, user) -> bool:
        return retraction.can_restore(self.page, user)


@hooks.register("register_page_header_buttons")
def retraction_header_buttons(page, user, view_name, next_url=None):
    yield RetractMenuItem(page=page, priority=62)
    yield RestoreMenuItem(page=page, priority=63)


@hooks.register("register_page_listing_more_buttons")
def retraction_listing_buttons(page, user, next_url=None):
    yield RetractMenuItem(page=page, priority=42)
    yield RestoreMenuItem(page=page, priority=43)


@hooks.register("construct_explorer_page_queryset")
def prefetch_active_retractions(parent_page, pages, request):
    """A listing shows "đã gỡ bài" with who, when and why for each retracted page in two
    queries, however many pages it lists (BasePage.active_retraction)."""
    active = Retraction.objects.active().select_related("retracted_by")
    return pages.prefetch_related(
        Prefetch("retractions", queryset=active, to_attr=PREFETCHED_RETRACTIONS)
    )


@hooks.register("construct_homepage_panels")
def sent_back_panel(request: HttpRequest, panels: list) -> None:
    panels.append(SentBackPanel())


class AuditExportMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return roles.is_editorial_board(request.user)


@hooks.register("register_reports_menu_item")
def audit_export_menu_item() -> MenuItem:
    return AuditExportMenuItem(
        _("Export audit log (CSV)"),
        reverse("home_audit_export"),
        name="audit-log-export",
        icon_name="download",
        order=900,
    )


@hooks.register("register_log_actions")
def editorial_log_actions(actions) -> None:
    @actions.register_action(retraction.RETRACT_ACTION)
    class RetractLogFormatter(LogFormatter):
        label = _("Retract")
        message = _("Retracted")

        def format_comment(self, log_entry) -> str:
            return log_entry.data.get("reason", "")

    actions.register_action(retraction.RESTORE_ACTION, _("Restore"), _("Restored"))


@hooks.register("register_log_actions", order=1)  # after Wagtail's own (order 0)
def editorial_event_labels(actions) -> None:
    """Wagtail's create and workflow events, in the office's words (cms/editorial/audit.py)."""
    for action, formatter in audit.FORMATTERS.items():
        actions.choices = [choice for choice in actions.choices if choice[0] != action]
        actions.register_action(action)(formatter)


# --- No publishing through forged requests ---------------------------------------


def refuse_publish_without_permission(request: HttpRequest, page: Page) -> None:
    # Wagtail quietly saves a draft when someone without publish permission posts
    # "action-publish"; a forged publish is refused outright instead.
    publishing = request.method == "POST" and request.POST.get("action-publish")
    if publishing and not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied


hooks.register("before_edit_page", refuse_publish_without_permission)
hooks.register("before_delete_page", retraction.refuse_deleting_retracted)


@hooks.register("before_create_page")
def refuse_create_and_publish_without_permission(request, parent_page, page_class):
    publishing = request.method == "POST" and request.POST.get("action-publish")
    if publishing and not parent_page.permissions_for_user(request.user).can_publish_subpage():
        raise PermissionDenied


# --- Accounts: no role raises itself or anyone ---------------------------------------

hooks.register("before_bulk_action", accounts.refuse_raising_through_bulk_actions)


@hooks.register("before_bulk_action")
def refuse_bulk_deleting_retracted(request, action_type: str, objects, action) -> None:
    deleting_pages = action_type == "delete" and issubclass(getattr(action, "model", object), Page)
    if deleting_pages and not all(retraction.may_delete(p, request.user) for p in objects):
        raise PermissionDenied
