"""Admin views of the editorial office: retract, restore, export the audit log."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.admin.views.pages.edit import EditView
from wagtail.models import Page

from cms.editorial import retraction, roles
from cms.editorial.audit import audit_csv
from cms.editorial.forms import AuditExportForm, RetractForm
from cms.editorial.sent_back import sent_back_task_state

# The fields of the scheduling dialog ("Đặt lịch"): stored only by an explicit save.
SCHEDULE_FIELDS = ("go_live_at", "expire_at")


def retract(request: HttpRequest, page_id: int) -> HttpResponse:
    page = get_object_or_404(Page, id=page_id).specific
    if not retraction.can_retract(page, request.user):
        raise PermissionDenied
    form = RetractForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            retraction.retract(page, request.user, form.cleaned_data["reason"])
        except ValidationError as error:
            form.add_error("reason", error)
        else:
            messages.success(request, _("'%(title)s' was retracted.") % {"title": page.title})
            return redirect("wagtailadmin_explore", page.get_parent().id)
    return TemplateResponse(
        request,
        "editorial/admin/retract.html",
        {
            "page": page,
            "form": form,
            "header_title": _("Retract %(title)s") % {"title": page.title},
            "page_title": _("Retract"),
            "page_subtitle": page.get_admin_display_title(),
            "header_icon": "warning",
        },
        status=400 if form.errors else 200,
    )


def restore(request: HttpRequest, page_id: int) -> HttpResponse:
    page = get_object_or_404(Page, id=page_id).specific
    if not retraction.can_restore(page, request.user):
        raise PermissionDenied
    active = page.retractions.active().select_related("retracted_by").get()
    if request.method == "POST":
        retraction.restore(page, request.user)
        messages.success(request, _("'%(title)s' was restored.") % {"title": page.title})
        return redirect("wagtailadmin_explore", page.get_parent().id)
    return TemplateResponse(
        request,
        "editorial/admin/restore.html",
        {
            "page": page,
            "retraction": active,
            "header_title": _("Restore %(title)s") % {"title": page.title},
            "page_title": _("Restore"),
            "page_subtitle": page.get_admin_display_title(),
            "header_icon": "undo",
        },
    )


def audit_export(request: HttpRequest) -> HttpResponse:
    if not roles.is_editorial_board(request.user):
        raise PermissionDenied
    form = AuditExportForm(request.GET or None)
    if form.is_valid():
        start, end = form.time_range()
        filename = "nhat-ky-{:%Y%m%d}-{:%Y%m%d}.csv".format(
            form.cleaned_data["date_from"], form.cleaned_data["date_to"]
        )
        response = HttpResponse(audit_csv(start, end), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
    return TemplateResponse(
        request,
        "editorial/admin/audit_export.html",
        {
            "form": form,
            "action_url": reverse("home_audit_export"),
            "header_title": _("Export the audit log"),
            "page_title": _("Export the audit log"),
            "header_icon": "download",
        },
        status=400 if form.errors else 200,
    )


class ConflictCheckedEditView(EditView):
    """The page editor, refusing to save a form opened before someone else's save.

    Wagtail checks this only for autosave requests; a full save of a stale form would
    quietly put the older text on top. Here the editor gets the form back with their
    changes, a message naming who saved in between, and a 409; saving again (the form now
    carries the newest revision) replaces that version knowingly.

    Only someone else's revision counts: the editor's own autosaves, made from this very
    form while typing, are already in what the form sends, so an explicit save after them
    (or after a 409, once autosave has stored the form again) goes through.
    """

    def get_template_names(self) -> list[str]:
        names = super().get_template_names()
        if names == ["wagtailadmin/pages/edit.html"]:
            return ["editorial/admin/page_edit.html"]
        return names

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context["sent_back_task_state"] = sent_back_task_state(self.page)
        return context

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if self.expects_json_response:
            request.POST = self.without_schedule_changes(request.POST)
        if self.expects_json_response or not self.saved_over_by_someone_else():
            return super().post(request, *args, **kwargs)
        self.form = self.form_class(
            request.POST,
            request.FILES,
            instance=self.page,
            subscription=self.subscription,
            parent_page=self.parent,
            for_user=request.user,
        )
        self.form.is_valid()
        latest = self.others_revisions().order_by("-created_at", "-pk").first()
        messages.error(
            request,
            _(
                "%(user)s saved a newer version of this page at %(time)s. Your changes were "
                "not saved over it and are still in the form: check the history, then save "
                "again to replace that version."
            )
            % {
                "user": latest.user.get_full_name() or latest.user.get_username()
                if latest.user
                else _("Someone"),
                "time": timezone.localtime(latest.created_at).strftime("%H:%M %d/%m/%Y"),
            },
        )
        self.has_unsaved_changes = True
        response = self.render_to_response(self.get_context_data())
        response.status_code = 409
        return response

    def without_schedule_changes(self, data: QueryDict) -> QueryDict:
        """An autosave's form data with the go-live and expiry times last saved.

        The scheduling dialog's inputs are part of the page form, so Wagtail's autosave sends
        whatever is typed there before "Lưu lịch" is pressed; stored in the draft, that time
        would schedule the page instead of publishing it when the workflow's last step is
        approved. Only an explicit save (the dialog's button, or any other) stores them.
        """
        data = data.copy()
        for name in SCHEDULE_FIELDS:
            stored = getattr(self.page, name)
            data[name] = timezone.localtime(stored).strftime("%Y-%m-%d %H:%M:%S") if stored else ""
        return data

    def others_revisions(self):
        """Revisions saved after the one this form was opened with, by anyone else."""
        loaded_id = self.request.POST.get("loaded_revision_id", "")
        if not loaded_id.isdigit():
            return self.page.revisions.none()  # Wagtail's rule: nothing to compare with
        loaded = self.page.revisions.filter(pk=loaded_id).first()
        newer = self.page.revisions.filter(pk__gt=loaded_id)
        if loaded is not None and self.request.POST.get("loaded_revision_created_at", "") != (
            loaded.created_at.isoformat()
        ):
            # The loaded revision itself was overwritten (an autosave) since.
            newer = newer | self.page.revisions.filter(pk=loaded_id)
        return newer.exclude(user=self.request.user)

    def saved_over_by_someone_else(self) -> bool:
        return self.is_out_of_date and self.others_revisions().exists()

    # Messages that say what happened: Wagtail says "Page '…' has been updated." after any
    # workflow action taken from the editor.

    def perform_workflow_action(self) -> HttpResponse:
        self.acted_on_task = self.page.current_workflow_task
        return super().perform_workflow_action()

    def add_save_confirmation_message(self) -> None:
        action = getattr(self, "workflow_action", None)
        if self.action_name != "perform_workflow_action" or action not in ("approve", "reject"):
            return super().add_save_confirmation_message()
        names = {
            "title": self.page.get_admin_display_title(),
            "task": self.acted_on_task.name if self.acted_on_task else "",
        }
        fresh = Page.objects.get(pk=self.page.pk)
        if action == "reject":
            message = _("'%(title)s' was sent back to its author with your comment.")
        elif not fresh.workflow_in_progress and fresh.live:
            message = _("Step '%(task)s' approved: '%(title)s' is published.")
        else:
            message = _("Step '%(task)s' of '%(title)s' approved; it goes to the next step.")
        messages.success(self.request, message % names)
