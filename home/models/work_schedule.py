"""The leaders' weekly work schedule ("Lịch công tác"): one page per ISO week, with its rows.

A week is a page so that it goes through the same approval workflow, scheduling and
retraction as articles. Its rows are an InlinePanel of ``WorkScheduleEntry`` rather than a
StreamField: rows keep their primary key across revisions, which gives the iCalendar feed
stable UIDs and lets a change after publication be compared with the live row
(``earlier_version``); the copy of a week is a plain ORM copy; and the feed of every
published row is one indexed query instead of unpacking JSON per week.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from cms.vietnamese import WEEKDAYS
from home.models.base import BasePage, BasePageForm
from home.text_fields import compose_text_fields


def week_start(iso_year: int, iso_week: int) -> datetime.date:
    """The Monday of ISO week ``iso_week`` of ``iso_year``."""
    return datetime.date.fromisocalendar(iso_year, iso_week, 1)


def week_label(iso_year: int, iso_week: int) -> str:
    """'2026-W49', the ISO 8601 name of the week (the year in four digits: '0006-W01')."""
    return f"{iso_year:04d}-W{iso_week:02d}"


def shift_week(iso_year: int, iso_week: int, weeks: int) -> tuple[int, int]:
    year, week, _day = (
        week_start(iso_year, iso_week) + datetime.timedelta(weeks=weeks)
    ).isocalendar()
    return year, week


class WorkScheduleIndexPage(BasePage):
    """ "Lịch công tác": the reader sees the current week here and moves week by week."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]

    show_in_menus_default = True

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.WorkWeekPage"]
    template = "pages/standard_page.html"

    class Meta:
        verbose_name = _("work schedule")
        verbose_name_plural = _("work schedules")


class WorkWeekForm(BasePageForm):
    """The title and slug follow the week: "Lịch công tác tuần 49/2026", 2026-w49."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if "title" in self.fields:
            self.fields["title"].required = False
            self.fields["title"].help_text = _("Left empty, it is made from the week.")

    def clean(self) -> dict:
        year, week = self.cleaned_data.get("iso_year"), self.cleaned_data.get("iso_week")
        if year and week:
            try:
                week_start(year, week)
            except ValueError:
                self.add_error(
                    "iso_week",
                    _("Year %(year)d has no week %(week)d.") % {"year": year, "week": week},
                )
                return super().clean()
            if not self.cleaned_data.get("title"):
                self.cleaned_data["title"] = WorkWeekPage.default_title(year, week)
            if not self.cleaned_data.get("slug"):
                self.cleaned_data["slug"] = week_label(year, week).lower()
            parent = self.parent_page
            if parent is not None:
                clash = WorkWeekPage.objects.child_of(parent).filter(iso_year=year, iso_week=week)
                if self.instance.pk:
                    clash = clash.exclude(pk=self.instance.pk)
                if clash.exists():
                    self.add_error("iso_week", _("This week already has a schedule."))
        return super().clean()


class WorkWeekPage(BasePage):
    """One week of the schedule, approved and published as a whole."""

    iso_year = models.PositiveSmallIntegerField(_("year"))
    iso_week = models.PositiveSmallIntegerField(
        _("week"), help_text=_("ISO week number, 1 to 53 (the week starts on Monday).")
    )
    note = models.TextField(
        _("note"), blank=True, help_text=_("Shown under the week, e.g. who to ask about changes.")
    )

    base_form_class = WorkWeekForm
    content_panels = [
        FieldRowPanel([FieldPanel("iso_year"), FieldPanel("iso_week")], heading=_("Week")),
        FieldPanel("title"),
        InlinePanel("entries", label=_("Schedule rows"), heading=_("Schedule rows")),
        FieldPanel("note"),
    ]

    parent_page_types = ["home.WorkScheduleIndexPage"]
    subpage_types = []
    template = "pages/standard_page.html"

    class Meta:
        verbose_name = _("work schedule week")
        verbose_name_plural = _("work schedule weeks")
        indexes = [models.Index(fields=["iso_year", "iso_week"])]

    @staticmethod
    def default_title(iso_year: int, iso_week: int) -> str:
        start = week_start(iso_year, iso_week)
        end = start + datetime.timedelta(days=6)
        return str(
            _("Work schedule week %(week)d/%(year)d (%(start)s – %(end)s)")
            % {
                "week": iso_week,
                "year": iso_year,
                "start": start.strftime("%d/%m"),
                "end": end.strftime("%d/%m/%Y"),
            }
        )

    @property
    def week(self) -> str:
        return week_label(self.iso_year, self.iso_week)

    @property
    def start_date(self) -> datetime.date:
        return week_start(self.iso_year, self.iso_week)

    def sorted_entries(self) -> list["WorkScheduleEntry"]:
        return sorted(self.entries.all(), key=WorkScheduleEntry.sort_key)

    def _set_core_field_defaults(self) -> None:
        # One list of rows, assigned back: a page read from the database gives new row
        # objects on every .all(), so changes made to them would otherwise be lost.
        entries = list(self.entries.all())
        for entry in entries:
            compose_text_fields(entry)
        self._keep_earlier_versions(entries)
        self.entries = entries
        super()._set_core_field_defaults()

    def _keep_earlier_versions(self, entries: list["WorkScheduleEntry"]) -> None:
        """A row changed after the week was published keeps the published version and is
        marked "Điều chỉnh" (or stays "Hoãn" when the editor said so)."""
        if not self.pk or not self.live or self.live_revision_id is None:
            return
        try:
            live = self.live_revision.as_object()
        except Exception:  # a revision from an older schema: nothing to compare with
            return
        published = {entry.pk: entry for entry in live.entries.all() if entry.pk}
        for entry in entries:
            before = published.get(entry.pk)
            if before is None or entry.earlier_version:
                continue
            if before.snapshot() != entry.snapshot():
                entry.earlier_version = before.snapshot()
                if entry.status == WorkScheduleEntry.Status.PLANNED:
                    entry.status = WorkScheduleEntry.Status.CHANGED
            elif entry.status == WorkScheduleEntry.Status.POSTPONED:
                entry.earlier_version = before.snapshot()


def row_field(name: str) -> FieldPanel:
    """A field of a schedule row, without Wagtail's per-field comment button: that button
    follows every field in the tab order, so Tab from "Nội dung" reached it instead of
    "Địa điểm", and rows are typed with the keyboard. Comments stay on the week's own
    fields (title, note)."""
    return FieldPanel(name, disable_comments=True)


class WorkScheduleEntry(Orderable):
    """One row: a meeting or visit on a day's morning or afternoon."""

    class Session(models.TextChoices):
        MORNING = "morning", pgettext_lazy("half-day", "Morning")
        AFTERNOON = "afternoon", pgettext_lazy("half-day", "Afternoon")

    class Status(models.TextChoices):
        PLANNED = "planned", pgettext_lazy("schedule row", "As planned")
        CHANGED = "changed", pgettext_lazy("schedule row", "Changed")
        POSTPONED = "postponed", pgettext_lazy("schedule row", "Postponed")

    # What a reader compares between two versions of a row.
    COMPARED_FIELDS = (
        "weekday",
        "session",
        "time",
        "content",
        "place",
        "chair",
        "attendees",
        "preparing_unit",
    )

    page = ParentalKey("home.WorkWeekPage", related_name="entries", on_delete=models.CASCADE)
    weekday = models.PositiveSmallIntegerField(
        _("day"), choices=[(i, name) for i, name in enumerate(WEEKDAYS)], default=0
    )
    session = models.CharField(
        _("half-day"), max_length=10, choices=Session.choices, default=Session.MORNING
    )
    time = models.TimeField(_("time"), null=True, blank=True, help_text=_("e.g. 08:00"))
    content = models.TextField(_("content"))
    place = models.CharField(_("place"), max_length=255, blank=True)
    chair = models.CharField(_("chaired by"), max_length=255, blank=True)
    attendees = models.TextField(_("attended by"), blank=True)
    preparing_unit = models.CharField(_("preparing unit"), max_length=255, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status.choices,
        default=Status.PLANNED,
        help_text=_(
            "A row changed after publication is marked 'Changed' by itself; choose 'Postponed' "
            "to mark it postponed."
        ),
    )
    earlier_version = models.JSONField(
        _("earlier version"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("The row as published before it was changed or postponed."),
    )

    panels = [
        FieldRowPanel([row_field("weekday"), row_field("session"), row_field("time")]),
        row_field("content"),
        FieldRowPanel([row_field("place"), row_field("chair")]),
        FieldRowPanel([row_field("attendees"), row_field("preparing_unit")]),
        MultiFieldPanel([row_field("status"), row_field("notes")], heading=_("Changes")),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("schedule row")
        verbose_name_plural = _("schedule rows")

    def clean(self) -> None:
        super().clean()
        if not (self.content or "").strip():
            raise ValidationError({"content": _("Say what the meeting or visit is.")})

    def sort_key(self) -> tuple:
        morning = self.session == self.Session.MORNING
        return (
            self.weekday,
            0 if morning else 1,
            self.time or datetime.time(0),
            self.sort_order or 0,
        )

    @property
    def search_text(self) -> str:
        """What search matches of a row (cms/search/index.py)."""
        return " ".join(
            value
            for value in (self.content, self.place, self.chair, self.attendees, self.preparing_unit)
            if value
        )

    def snapshot(self) -> dict:
        """The compared fields as JSON-ready values."""
        data = {name: getattr(self, name) for name in self.COMPARED_FIELDS}
        data["time"] = self.time.strftime("%H:%M") if self.time else ""
        return data

    def copy_for(self, page: WorkWeekPage) -> "WorkScheduleEntry":
        """This row for another week: as planned, without the history of its changes."""
        return WorkScheduleEntry(
            page=page,
            sort_order=self.sort_order,
            weekday=self.weekday,
            session=self.session,
            time=self.time,
            content=self.content,
            place=self.place,
            chair=self.chair,
            attendees=self.attendees,
            preparing_unit=self.preparing_unit,
            notes="",
        )
