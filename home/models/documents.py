"""The document library ("Văn bản"): documents the committee issues and receives.

A document is a page, so it goes through the same approval workflow, scheduling and
retraction as an article. Its number and type code are kept apart and shown together in the
style of its issuer:

    Party bodies:  81-KH/ĐUK        (number "81", code "KH/ĐUK")
    State bodies:  42/2022/NĐ-CP    (number "42", year of issue 2022, code "NĐ-CP")

Left empty, the code is made from the document type's code and the issuing body's code.
Types, issuing bodies and fields are snippets an editor extends.
"""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index

from cms.vietnamese import fold
from home.models.base import BasePage

# The files a document may carry.
DOCUMENT_FILE_EXTENSIONS = ("pdf", "doc", "docx")


class IssuerStyle(models.TextChoices):
    PARTY = "party", _("Party style (81-KH/ĐUK)")
    STATE = "state", _("State style (42/2022/NĐ-CP)")


class DocumentStatus(models.TextChoices):
    IN_FORCE = "in_force", _("In force")
    AMENDED = "amended", _("Amended")
    REPLACED = "replaced", _("Replaced")
    EXPIRED = "expired", _("Expired")


class DocumentList(models.Model):
    """A list an editor extends (document types, issuing bodies, fields): a unique name that
    stands for the row. (Its text is stored in NFC by home/signals.py, like every text field
    of this app.)"""

    name = models.CharField(_("name"), max_length=255, unique=True)

    panels = [FieldPanel("name")]

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class DocumentType(DocumentList):
    """Nghị quyết (NQ), Chỉ thị (CT), Kế hoạch (KH), Công văn (CV)…"""

    name = models.CharField(_("name"), max_length=100, unique=True)
    code = models.CharField(
        _("code"),
        max_length=20,
        blank=True,
        help_text=_("The type's code in document numbers, e.g. 'KH' for Kế hoạch."),
    )

    panels = [*DocumentList.panels, FieldPanel("code")]

    class Meta(DocumentList.Meta):
        verbose_name = _("document type")
        verbose_name_plural = _("document types")


class IssuingBody(DocumentList):
    """Đảng ủy Khối (ĐUK), Chính phủ (CP), Ủy ban nhân dân tỉnh (UBND)…"""

    code = models.CharField(
        _("code"),
        max_length=30,
        blank=True,
        help_text=_("The body's code in document numbers, e.g. 'ĐUK' or 'CP'."),
    )
    style = models.CharField(
        _("numbering style"),
        max_length=10,
        choices=IssuerStyle.choices,
        default=IssuerStyle.PARTY,
    )

    panels = [*DocumentList.panels, FieldPanel("code"), FieldPanel("style")]

    class Meta(DocumentList.Meta):
        verbose_name = _("issuing body")
        verbose_name_plural = _("issuing bodies")


class DocumentField(DocumentList):
    """The field a document belongs to: Xây dựng Đảng, Kiểm tra giám sát…"""

    class Meta(DocumentList.Meta):
        verbose_name = _("document field")
        verbose_name_plural = _("document fields")


def compose_number(number: str, code: str, style: str, date_issued: datetime.date | None) -> str:
    """'81', 'KH/ĐUK', party -> '81-KH/ĐUK'; '42', 'NĐ-CP', state, 2022 -> '42/2022/NĐ-CP'."""
    number, code = (number or "").strip(), (code or "").strip()
    if not number:
        return code
    if not code:
        return number
    if style == IssuerStyle.STATE:
        year = f"{date_issued.year}/" if date_issued else ""
        return f"{number}/{year}{code}"
    return f"{number}-{code}"


def number_search_words(display_number: str) -> str:
    """The number's words, folded and also run together: '81-KH/ĐUK' -> '81 kh duk 81kh khduk'.

    A reader types '81-KH', '81/KH', 'kh 81' or '81kh'; all of them are in here.
    """
    words = fold(display_number).split()
    joined = ["".join(words[i : i + 2]) for i in range(len(words) - 1)]
    return " ".join(words + joined)


class LegalDocumentIndexPage(BasePage):
    """The document library ("Văn bản"), under which documents live."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]

    show_in_menus_default = True

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.LegalDocumentPage"]
    template = "pages/legal_document_index_page.html"

    class Meta:
        verbose_name = _("document library")
        verbose_name_plural = _("document libraries")


class LegalDocumentFile(Orderable):
    """One file of a document (PDF, DOC or DOCX), from the media library."""

    page = ParentalKey("home.LegalDocumentPage", related_name="files", on_delete=models.CASCADE)
    document = models.ForeignKey(
        "media_library.CustomDocument",
        verbose_name=_("file"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("file")
        verbose_name_plural = _("files")

    def clean(self) -> None:
        super().clean()
        if self.document_id and self.document.file_extension.lower() not in (
            DOCUMENT_FILE_EXTENSIONS
        ):
            raise ValidationError(
                {"document": _("A document's file must be a PDF, DOC or DOCX file.")}
            )


class LegalDocumentRelation(Orderable):
    """This document amends or replaces another one."""

    class Kind(models.TextChoices):
        AMENDS = "amends", _("amends")
        REPLACES = "replaces", _("replaces")

    page = ParentalKey("home.LegalDocumentPage", related_name="relations", on_delete=models.CASCADE)
    kind = models.CharField(_("relation"), max_length=10, choices=Kind.choices)
    target = models.ForeignKey(
        "home.LegalDocumentPage",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="related_from",
    )

    panels = [FieldPanel("kind"), FieldPanel("target")]

    class Meta(Orderable.Meta):
        verbose_name = _("amended or replaced document")
        verbose_name_plural = _("amended or replaced documents")


class LegalDocumentPage(BasePage):
    """A document ("văn bản"): its number, type, issuer, dates, summary, files and status."""

    number = models.CharField(
        _("number"), max_length=30, blank=True, help_text=_("The number alone, e.g. '81'.")
    )
    code = models.CharField(
        _("type code"),
        max_length=60,
        blank=True,
        help_text=_(
            "As printed after the number, e.g. 'KH/ĐUK' or 'NĐ-CP'. Left empty, it is made "
            "from the codes of the type and the issuing body."
        ),
    )
    # null=True, blank=False: required to submit or publish, not to save a draft (autosave
    # keeps a half-entered document).
    document_type = models.ForeignKey(
        DocumentType,
        verbose_name=_("document type"),
        null=True,
        on_delete=models.PROTECT,
        related_name="documents",
    )
    issuing_body = models.ForeignKey(
        IssuingBody,
        verbose_name=_("issuing body"),
        null=True,
        on_delete=models.PROTECT,
        related_name="documents",
    )
    field = models.ForeignKey(
        DocumentField,
        verbose_name=_("field"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="documents",
    )
    signer = models.CharField(_("signer"), max_length=255, blank=True)
    date_issued = models.DateField(_("date issued"), null=True, db_index=True)
    date_effective = models.DateField(_("date effective"), null=True, blank=True)
    summary = models.TextField(_("summary (trích yếu)"))
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=DocumentStatus.choices,
        default=DocumentStatus.IN_FORCE,
        db_index=True,
    )
    display_number = models.CharField(_("number and code"), max_length=120, editable=False)
    # Folded (no diacritics, lower case) number, summary and file text: what the document
    # library's search matches (cms.api.documents).
    folded_text = models.TextField(editable=False, blank=True)

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("number"), FieldPanel("code")]),
                # Short lists: a drop-down is quicker than the snippet chooser.
                FieldPanel("document_type", widget=forms.Select),
                FieldPanel("issuing_body", widget=forms.Select),
                FieldPanel("field", widget=forms.Select),
            ],
            heading=_("Number and type"),
        ),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("signer"),
                FieldRowPanel([FieldPanel("date_issued"), FieldPanel("date_effective")]),
            ],
            heading=_("Signing and dates"),
        ),
        InlinePanel("files", label=_("Files"), min_num=1),
        FieldPanel("status"),
        InlinePanel("relations", label=_("Amends or replaces")),
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("display_number"),
        index.FilterField("date_issued"),
    ]

    parent_page_types = ["home.LegalDocumentIndexPage"]
    subpage_types = []
    template = "pages/legal_document_page.html"

    class Meta:
        verbose_name = _("legal document")
        verbose_name_plural = _("legal documents")

    @property
    def lead(self) -> str:
        """Listings show the summary under the title."""
        return self.summary

    def compose_display_number(self) -> str:
        type_code = self.document_type.code if self.document_type_id else ""
        body = self.issuing_body if self.issuing_body_id else None
        style = body.style if body else IssuerStyle.PARTY
        code = self.code.strip()
        if not code and (type_code or (body and body.code)):
            separator = "-" if style == IssuerStyle.STATE else "/"
            code = separator.join(part for part in (type_code, body.code if body else "") if part)
        return compose_number(self.number, code, style, self.date_issued)

    def file_texts(self) -> list[str]:
        from media_library.models import DocumentText

        ids = [link.document_id for link in self.files.all() if link.document_id]
        return list(DocumentText.objects.filter(document_id__in=ids).values_list("text", flat=True))

    def _set_core_field_defaults(self) -> None:
        super()._set_core_field_defaults()
        self.display_number = self.compose_display_number()
        self.folded_text = " ".join(
            [
                "",
                number_search_words(self.display_number),
                fold(self.title),
                fold(self.summary),
                *(fold(text) for text in self.file_texts()),
                "",
            ]
        )

    def __str__(self) -> str:
        return self.title
