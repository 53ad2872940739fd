"""Readers' questions in the admin ("Câu hỏi bạn đọc"): read, answer or close, publish.

Who may do what (migration home/0023 gives the groups these permissions):

| group | sees | answers, closes | publishes in "Hỏi đáp" | deletes |
|---|---|---|---|---|
| Biên tập viên | yes | yes | no | no |
| Ban biên tập | yes | yes | yes | yes |
| Cộng tác viên, Quản trị | no (readers' e-mails and phones are not theirs to see) | | | |

What the reader wrote is shown, never edited: those panels are read-only.
"""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.models import QuestionStatus, ReaderQuestion

PUBLISH_PERMISSION = "home.publish_readerquestion"


class ReaderQuestionForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        user = self.for_user
        if "published" in self.fields and not (user and user.has_perm(PUBLISH_PERMISSION)):
            # Shown, not changeable: a forged POST keeps the stored value (Django ignores
            # the data of a disabled field).
            self.fields["published"].disabled = True

    def clean(self) -> dict:
        data = super().clean()
        answer = (data.get("answer") or "").strip()
        if data.get("status") == QuestionStatus.ANSWERED and not answer:
            self.add_error("answer", _("Write the answer before marking the question answered."))
        if data.get("published") and data.get("status") != QuestionStatus.ANSWERED:
            self.add_error("published", _("Only an answered question can be published."))
        return data

    def save(self, commit: bool = True) -> ReaderQuestion:
        question = super().save(commit=False)
        now = timezone.now()
        answer_changed = "answer" in self.changed_data or "status" in self.changed_data
        if answer_changed and question.status == QuestionStatus.ANSWERED:
            question.answered_by = self.for_user
            question.answered_at = now
        if "published" in self.changed_data:
            question.published_by = self.for_user if question.published else None
            question.published_at = now if question.published else None
        if commit:
            question.save()
        return question


class ReaderQuestionViewSet(SnippetViewSet):
    model = ReaderQuestion
    icon = "help"
    menu_label = _("Readers' questions")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["subject", "name", "status", "published", "created_at"]
    list_filter = ["status", "published"]
    list_per_page = 50
    ordering = ["-created_at"]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("name", read_only=True),
                    FieldPanel("email", read_only=True),
                    FieldPanel("phone", read_only=True),
                    FieldPanel("subject", read_only=True),
                    FieldPanel("message", read_only=True),
                    FieldPanel("created_at", read_only=True),
                ],
                heading=_("What the reader sent"),
            ),
            MultiFieldPanel(
                [FieldPanel("status", widget=forms.RadioSelect), FieldPanel("answer")],
                heading=_("Answer"),
            ),
            MultiFieldPanel(
                [FieldPanel("published"), FieldPanel("published_at", read_only=True)],
                heading=_("'Hỏi đáp'"),
            ),
        ],
        base_form_class=ReaderQuestionForm,
    )


register_snippet(ReaderQuestionViewSet)
