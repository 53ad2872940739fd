"""The work schedule's admin: "Sao chép sang tuần sau" makes next week's draft from a week.

Most weeks repeat the last one (the standing committee's Monday briefing, the reception
day), so the section editor starts from a copy and changes what differs. The copy is a
draft: it goes through the approval workflow like any new page.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.log_actions import log
from wagtail.models import Page

from home.models import WorkScheduleIndexPage, WorkWeekPage
from home.models.work_schedule import shift_week, week_label


def source_and_index(page: Page) -> tuple[WorkWeekPage | None, WorkScheduleIndexPage]:
    """The week to copy and the schedule it belongs to: the week itself, or the schedule's
    latest week (None when it has none yet)."""
    if isinstance(page, WorkWeekPage):
        return page, page.get_parent().specific
    latest = (
        WorkWeekPage.objects.child_of(page).order_by("-iso_year", "-iso_week").first()
        if isinstance(page, WorkScheduleIndexPage)
        else None
    )
    return latest, page


def can_copy(page: Page, user) -> bool:
    if not isinstance(page, WorkWeekPage | WorkScheduleIndexPage):
        return False
    parent = page if isinstance(page, WorkScheduleIndexPage) else page.get_parent()
    return parent.permissions_for_user(user).can_add_subpage()


@transaction.atomic
def copy_to_next_week(
    source: WorkWeekPage | None, index: WorkScheduleIndexPage, user
) -> tuple[WorkWeekPage, bool]:
    """A draft of the week after ``source`` (the current week when there is no source), its
    rows copied as planned; the existing draft if that week already has a page."""
    if source is not None:
        year, week = shift_week(source.iso_year, source.iso_week, 1)
        # The version being edited, which may be newer than the live one.
        source = source.get_latest_revision_as_object()
    else:
        year, week, _day = timezone.localdate().isocalendar()
    existing = WorkWeekPage.objects.child_of(index).filter(iso_year=year, iso_week=week).first()
    if existing is not None:
        return existing, False
    page = WorkWeekPage(
        iso_year=year,
        iso_week=week,
        title=WorkWeekPage.default_title(year, week),
        slug=week_label(year, week).lower(),
        note=source.note if source is not None else "",
        live=False,
        owner=user,
    )
    if source is not None:
        page.entries = [entry.copy_for(page) for entry in source.sorted_entries()]
    index.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    log(instance=page, action="wagtail.create", user=user)
    return page, True


def copy_next_week(request: HttpRequest, page_id: int) -> HttpResponse:
    page = get_object_or_404(Page, id=page_id).specific
    if not can_copy(page, request.user):
        raise PermissionDenied
    source, index = source_and_index(page)
    if source is not None:
        target = week_label(*shift_week(source.iso_year, source.iso_week, 1))
    else:
        target = week_label(*timezone.localdate().isocalendar()[:2])
    if request.method == "POST":
        week, created = copy_to_next_week(source, index, request.user)
        if created:
            messages.success(request, _("Draft of week %(week)s created.") % {"week": week.week})
        else:
            messages.info(request, _("Week %(week)s already has a schedule.") % {"week": week.week})
        return redirect("wagtailadmin_pages:edit", week.id)
    return TemplateResponse(
        request,
        "home/admin/work_week_copy.html",
        {
            "page": page,
            "source": source,
            "target": target,
            "header_title": _("Copy to next week"),
            "page_title": _("Copy to next week"),
            "page_subtitle": page.get_admin_display_title(),
            "header_icon": "copy",
        },
    )


@hooks.register("register_admin_urls")
def work_schedule_urls() -> list:
    return [
        path(
            "work-schedule/<int:page_id>/copy-next-week/",
            copy_next_week,
            name="home_work_week_copy_next",
        )
    ]


class CopyNextWeekMenuItem(PageMenuItem):
    label = gettext_lazy("Copy to next week")
    icon_name = "copy"
    url_name = "home_work_week_copy_next"

    def is_shown(self, user) -> bool:
        return can_copy(self.page.specific, user)


@hooks.register("register_page_header_buttons")
def work_schedule_header_buttons(page, user, view_name, next_url=None):
    if isinstance(page.specific_deferred, WorkWeekPage | WorkScheduleIndexPage):
        yield CopyNextWeekMenuItem(page=page, priority=5)


@hooks.register("register_page_listing_more_buttons")
def work_schedule_listing_buttons(page, user, next_url=None):
    if isinstance(page.specific_deferred, WorkWeekPage | WorkScheduleIndexPage):
        yield CopyNextWeekMenuItem(page=page, priority=5)
