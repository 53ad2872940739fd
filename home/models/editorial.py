"""The editorial office's records: approval steps that demand a reason, and retractions."""

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import GroupApprovalTask


class RejectionCommentForm(forms.Form):
    comment = forms.CharField(
        label=_("Reason for sending back"),
        required=True,
        widget=forms.Textarea({"rows": 3}),
        help_text=_("Tell the author what to change. The author sees this and gets it by e-mail."),
    )


class EditorialReviewTask(GroupApprovalTask):
    """A group approval step where sending content back requires a comment."""

    def get_form_for_action(self, action: str) -> type[forms.Form]:
        if action == "reject":
            return RejectionCommentForm
        return super().get_form_for_action(action)

    def on_action(self, task_state, user, action_name: str, **kwargs) -> None:
        # The edit view can send "reject" without going through the comment form, so the
        # rule is enforced here too: no sending back without saying why.
        if action_name == "reject" and not str(kwargs.get("comment", "")).strip():
            raise PermissionDenied
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls) -> str:
        return _("Members of the chosen groups approve this step; sending back requires a comment.")

    class Meta:
        verbose_name = _("editorial review step")
        verbose_name_plural = _("editorial review steps")


class RetractionQuerySet(models.QuerySet):
    def active(self) -> "RetractionQuerySet":
        return self.filter(restored_at__isnull=True)


class Retraction(models.Model):
    """A retraction ("gỡ bài"): live content taken down by the editorial board, with a reason.

    It is an event, not only an unpublish: the record stays after a restore, so that the
    syndication feed can tell the provincial portal what was withdrawn and when, and after
    the page is deleted, as Wagtail's audit log does (page id kept without a constraint, the
    title and the retracted revision's content copied: cms/editorial/signals.py).
    """

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="retractions",
    )
    page_title = models.CharField(_("page title"), max_length=255, blank=True)
    reason = models.TextField(_("reason"))
    retracted_at = models.DateTimeField(_("retracted at"), auto_now_add=True, db_index=True)
    retracted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("retracted by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    restored_at = models.DateTimeField(_("restored at"), null=True, blank=True)
    restored_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("restored by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The revision that was live when retracted; restoring publishes it again.
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("live revision"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The retracted revision's content, copied when the page (and its revisions) is deleted.
    revision_content = models.JSONField(_("content of the live revision"), null=True, blank=True)

    objects = RetractionQuerySet.as_manager()

    class Meta:
        verbose_name = _("retraction")
        verbose_name_plural = _("retractions")
        ordering = ["-retracted_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["page"],
                condition=models.Q(restored_at__isnull=True),
                name="one_active_retraction_per_page",
            )
        ]

    def __str__(self) -> str:
        return f"{self.page_title} ({self.retracted_at:%d/%m/%Y %H:%M})"
