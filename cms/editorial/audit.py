"""The audit trail as a spreadsheet: every logged action in a date range, as CSV."""

import csv
import datetime
import io
from collections.abc import Iterable, Iterator

from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import ModelLogEntry, PageLogEntry

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


def entry_comment(entry) -> str:
    """The reviewer's comment or the retraction reason, when there is one."""
    data = entry.data or {}
    return data.get("reason") or data.get("comment") or entry.comment or ""


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
