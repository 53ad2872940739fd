"""Readers' questions and feedback ("Liên hệ"), and the answered ones published as "Hỏi đáp".

A question arrives from the reader frontend through ``POST /api/v2/questions/``
(cms/contact/); the office reads it in the admin, answers or closes it, and the board
approves the answered ones it wants public. Only ``status=answered`` and ``published=True``
ever leave the CMS (``ReaderQuestion.objects.public()``), and never the reader's e-mail,
phone or address.
"""

from django.conf import settings
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from cms.vietnamese import fold


class QuestionStatus(models.TextChoices):
    NEW = "new", _("New")
    ANSWERED = "answered", _("Answered")
    CLOSED = "closed", _("Closed")


class ReaderQuestionQuerySet(models.QuerySet):
    def public(self) -> "ReaderQuestionQuerySet":
        """Answered questions the board approved for "Hỏi đáp", newest answer first."""
        return self.filter(
            status=QuestionStatus.ANSWERED, published=True, published_at__isnull=False
        ).exclude(answer="")


class ReaderQuestion(models.Model):
    """A reader's question or feedback; what the reader wrote is never edited in the admin."""

    name = models.CharField(_("name"), max_length=100)
    email = models.EmailField(_("e-mail"), max_length=254, blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    subject = models.CharField(_("subject"), max_length=200)
    message = models.TextField(_("message"), max_length=5000)
    consent = models.BooleanField(_("consent given"), default=False)
    client_address = models.GenericIPAddressField(_("sent from address"), null=True, blank=True)
    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("site"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("received at"), auto_now_add=True, db_index=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=QuestionStatus.choices,
        default=QuestionStatus.NEW,
        db_index=True,
    )
    answer = models.TextField(
        _("answer"),
        blank=True,
        help_text=_("Shown under the question in 'Hỏi đáp' once the board publishes it."),
    )
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    published = models.BooleanField(
        _("published in 'Hỏi đáp'"),
        default=False,
        help_text=_("Only the editorial board may publish an answered question."),
    )
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    # What "Hỏi đáp" search matches (GET /api/v2/questions/?search=): subject, question and
    # answer folded (cms.vietnamese.fold), between spaces; never the reader's name or contacts.
    folded_text = models.TextField(editable=False, blank=True)

    objects = ReaderQuestionQuerySet.as_manager()

    class Meta:
        verbose_name = _("reader's question")
        verbose_name_plural = _("readers' questions")
        ordering = ["-created_at"]
        permissions = [("publish_readerquestion", _("Can publish answered questions"))]
        indexes = [models.Index(fields=["published", "status", "-published_at"])]

    def __str__(self) -> str:
        return self.subject

    def save(self, *args, **kwargs) -> None:
        self.folded_text = self.fold_text()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and {"subject", "message", "answer"} & set(update_fields):
            kwargs["update_fields"] = {*update_fields, "folded_text"}
        # The change feed's event (cms/syndication/signals.py, in post_save) commits with
        # the change, as pages' do.
        with transaction.atomic():
            super().save(*args, **kwargs)
        # cms/contact/signals.py reads this in post_save (sent inside super().save()), then
        # the next save compares with what this one stored.
        self._was_public = self.is_public

    def fold_text(self) -> str:
        words = " ".join(fold(text) for text in (self.subject, self.message, self.answer))
        return f" {' '.join(words.split())} "

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        # Whether "Hỏi đáp" showed it as read: a change to it or from it must drop the API's
        # cached responses (cms/contact/signals.py). Read with deferred fields (.only()), it
        # cannot tell without a query: assume it did.
        loaded = {"status", "published", "answer", "published_at"} <= set(field_names)
        instance._was_public = instance.is_public if loaded else True
        return instance

    @property
    def is_public(self) -> bool:
        return (
            self.status == QuestionStatus.ANSWERED
            and self.published
            and bool(self.answer)
            and self.published_at is not None
        )
