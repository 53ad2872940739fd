"""The audit trail: the editorial events with labels that read right, autosaves folded into one
row per editing session, and every logged action in a date range as CSV (issue 16, defect 8).

Folding: Wagtail's autosave overwrites the editor's own latest revision every few seconds and
logs "wagtail.edit" each time, under one uuid per revision and user (Wagtail groups them so in
a page's history, but not in the site history or an export: 15 rows "Đã lưu bản nháp" for one
article). Here each new row of such a group replaces the group's older rows, keeping how many
saves it stands for and when the first was (data["saves"], data["first_saved_at"]): the rows
it replaces describe a revision that no longer exists in that form, and the office's events
(create, submit, send back, approve, publish, schedule, retract, restore, delete) are never
folded.
"""

import csv
import datetime
import io
from collections.abc import Iterable, Iterator

from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy
from wagtail.log_actions import LogFormatter
from wagtail.models import BaseLogEntry, ModelLogEntry, PageLogEntry

from cms.editorial.exports import neutralise_rows

# Excel opens UTF-8 CSV as Vietnamese only when the file starts with a byte order mark.
UTF8_BOM = "\ufeff"


def log_entries(start: datetime.datetime, end: datetime.datetime) -> list:
    """Page and snippet log entries with start <= timestamp < end, oldest first."""
    entries = []
    for model in (PageLogEntry, ModelLogEntry):
        entries.extend(
            model.objects.filter(timestamp__gte=start, timestamp__lt=end)
            .select_related("user", "content_type")
            .order_by("timestamp")
        )
    return sorted(entries, key=lambda entry: (entry.timestamp, entry.pk))


FOLDED_ACTION = "wagtail.edit"


def fold_repeated_saves(sender, instance: BaseLogEntry, created: bool, **kwargs) -> None:
    """post_save of a log entry: a save of the same revision by the same user, in the same
    editing session (Wagtail's shared uuid), replaces the rows logged before it."""
    if not created or instance.action != FOLDED_ACTION or instance.uuid is None:
        return
    older = list(
        sender.objects.filter(
            uuid=instance.uuid,
            action=instance.action,
            user_id=instance.user_id,
            revision_id=instance.revision_id,
            content_type_id=instance.content_type_id,
        ).exclude(pk=instance.pk)
    )
    if not older:
        return
    first = min(
        parse_datetime((entry.data or {}).get("first_saved_at", "")) or entry.timestamp
        for entry in older
    )
    data = dict(instance.data or {})
    data["saves"] = 1 + sum((entry.data or {}).get("saves", 1) for entry in older)
    data["first_saved_at"] = first.isoformat()
    content_changed = instance.content_changed or any(e.content_changed for e in older)
    sender.objects.filter(pk__in=[entry.pk for entry in older]).delete()
    sender.objects.filter(pk=instance.pk).update(data=data, content_changed=content_changed)
    instance.data, instance.content_changed = data, content_changed


def entry_comment(entry) -> str:
    """The reviewer's comment or the retraction reason, when there is one; for folded saves,
    how many there were since when."""
    data = entry.data or {}
    if data.get("saves"):
        first = parse_datetime(data.get("first_saved_at", ""))
        return _("%(count)s saves (autosave included) since %(time)s") % {
            "count": data["saves"],
            "time": timezone.localtime(first).strftime("%H:%M %d/%m/%Y") if first else "",
        }
    return data.get("reason") or data.get("comment") or entry.comment or ""


# --- Labels that read right -------------------------------------------------------------
# Wagtail's "Created" is also the column heading "Ngày tạo" (one translation per msgid), and
# its workflow events read "Quy trình: từ chối bước"; ours say what the office did.


class CreateFormatter(LogFormatter):
    label = pgettext_lazy("audit log", "Create")
    message = pgettext_lazy("audit log", "Created")


class WorkflowFormatter(LogFormatter):
    def format_comment(self, log_entry) -> str:
        return log_entry.data.get("comment", "")

    def task(self, log_entry, key: str = "task") -> str:
        workflow = (log_entry.data or {}).get("workflow") or {}
        return (workflow.get(key) or {}).get("title", "")


class SubmitFormatter(WorkflowFormatter):
    label = pgettext_lazy("audit log", "Submit for review")

    def format_message(self, log_entry) -> str:
        return _("Submitted for review; next step “%(task)s”") % {
            "task": self.task(log_entry, "next")
        }


class ApproveFormatter(WorkflowFormatter):
    label = pgettext_lazy("audit log", "Approve a step")

    def format_message(self, log_entry) -> str:
        names = {"task": self.task(log_entry), "next_task": self.task(log_entry, "next")}
        if names["next_task"]:
            return _("Step “%(task)s” approved; next step “%(next_task)s”") % names
        return _("Step “%(task)s” approved; review complete") % names


class SendBackFormatter(WorkflowFormatter):
    label = pgettext_lazy("audit log", "Send back")

    def format_message(self, log_entry) -> str:
        return _("Sent back for changes at step “%(task)s”") % {"task": self.task(log_entry)}


class ResubmitFormatter(WorkflowFormatter):
    label = pgettext_lazy("audit log", "Resubmit")

    def format_message(self, log_entry) -> str:
        return _("Resubmitted at step “%(task)s”") % {"task": self.task(log_entry)}


FORMATTERS = {
    "wagtail.create": CreateFormatter,
    "wagtail.workflow.start": SubmitFormatter,
    "wagtail.workflow.approve": ApproveFormatter,
    "wagtail.workflow.reject": SendBackFormatter,
    "wagtail.workflow.resume": ResubmitFormatter,
}


def csv_rows(entries: Iterable) -> Iterator[list[str]]:
    yield [
        _("Time"),
        _("User"),
        _("Action"),
        _("Action code"),
        _("Content type"),
        _("ID"),
        _("Title"),
        _("Comment or reason"),
    ]
    for entry in entries:
        user = entry.user
        yield [
            timezone.localtime(entry.timestamp).strftime("%d/%m/%Y %H:%M:%S"),
            (user.get_full_name() or user.get_username()) if user else "",
            str(entry.message),
            entry.action,
            entry.content_type.name if entry.content_type else "",
            str(entry.object_id),
            entry.label,
            entry_comment(entry),
        ]


def audit_csv(start: datetime.datetime, end: datetime.datetime) -> str:
    buffer = io.StringIO()
    buffer.write(UTF8_BOM)
    csv.writer(buffer).writerows(neutralise_rows(csv_rows(log_entries(start, end))))
    return buffer.getvalue()
