import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def iso_date_input() -> forms.DateInput:
    """The browser's date picker; its value is ISO, whatever DATE_INPUT_FORMATS puts first."""
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class RetractForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for retracting"),
        widget=forms.Textarea({"rows": 4}),
        max_length=2000,
        help_text=_("Recorded in the audit log and sent to the provincial portal."),
    )


class AuditExportForm(forms.Form):
    """A date range, both ends included, in the site's time zone."""

    date_from = forms.DateField(label=_("From"), widget=iso_date_input())
    date_to = forms.DateField(label=_("To"), widget=iso_date_input())

    MAX_DAYS = 3660

    def clean(self) -> dict:
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end:
            if end < start:
                raise forms.ValidationError(_("The end date is before the start date."))
            if (end - start).days > self.MAX_DAYS:
                raise forms.ValidationError(_("Export at most ten years at a time."))
        return cleaned

    def time_range(self) -> tuple[datetime.datetime, datetime.datetime]:
        zone = timezone.get_default_timezone()
        start = datetime.datetime.combine(self.cleaned_data["date_from"], datetime.time.min)
        end = datetime.datetime.combine(
            self.cleaned_data["date_to"] + datetime.timedelta(days=1), datetime.time.min
        )
        return timezone.make_aware(start, zone), timezone.make_aware(end, zone)
