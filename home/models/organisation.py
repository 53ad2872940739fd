"""The organisation ("Giới thiệu"): its units and leaders, and the page that shows the chart.

Units and leaders are snippets, not pages: they have no address of their own, they are shown
together on one page (the organisation chart), an editor reorders them by dragging in one
listing, and a leader is chosen into a unit with a chooser. Like linked websites they are
translatable with wagtail-localize ("Dịch": the name stays, the position, unit name and term
are translated) and drafts until published, so an English copy stays off the site until it
is translated and published (Decree 42/2022 asks for the organisation and officials'
contacts in English). Unlike linked websites they go through the articles' workflow "Quy
trình duyệt tin" (home/0031): a section editor submits, the board's approval publishes.

The structure (which unit a unit belongs to, which unit a leader is in, the order) is the
Vietnamese one: the API reads it from the default language's published rows and takes only
the texts from the requested language (cms/api/organisation.py).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, PublishingPanel
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.blocks import ArticleBodyBlock
from home.models.base import BasePage, ListingFieldsMixin
from home.models.snippets import TranslatableDraftSnippet


class OrganisationUnit(TranslatableDraftSnippet):
    """A unit of the organisation chart: the leadership, an advisory department ("Ban Tổ
    chức", "Văn phòng") or a member Party organisation; units nest under a parent unit."""

    class Kind(models.TextChoices):
        LEADERSHIP = "leadership", _("Leadership")
        DEPARTMENT = "department", _("Advisory department")
        PARTY_ORGANISATION = "party_organisation", _("Member Party organisation")

    name = models.CharField(_("name"), max_length=255)
    kind = models.CharField(
        _("kind of unit"), max_length=32, choices=Kind.choices, default=Kind.DEPARTMENT
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("belongs to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
        help_text=_("Leave empty for a unit at the top of the chart."),
    )
    description = models.TextField(
        _("functions and tasks"),
        blank=True,
        help_text=_("A short description shown under the unit's name."),
    )
    address = models.CharField(_("address"), max_length=255, blank=True)
    phone = models.CharField(_("phone"), max_length=64, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("parent")]),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("address"), FieldRowPanel([FieldPanel("phone"), FieldPanel("email")])],
            heading=_("Contacts"),
        ),
        PublishingPanel(),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("locale"),
    ]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        TranslatableField("address"),
        SynchronizedField("kind"),
        SynchronizedField("parent"),
        SynchronizedField("phone"),
        SynchronizedField("email"),
    ]

    class Meta(TranslatableDraftSnippet.Meta):
        verbose_name = _("organisation unit")
        verbose_name_plural = _("organisation units")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        ancestor, seen = self.parent, {self.pk}
        while ancestor is not None:
            if ancestor.pk in seen:
                raise ValidationError(
                    {"parent": _("A unit cannot belong to itself or to one of its own units.")}
                )
            seen.add(ancestor.pk)
            ancestor = ancestor.parent


class Leader(TranslatableDraftSnippet):
    """A person of the organisation chart ("lãnh đạo"): the Secretary, the heads of the
    departments... with the contacts readers may use."""

    name = models.CharField(_("full name"), max_length=255)
    position = models.CharField(
        _("position"),
        max_length=255,
        help_text=_("E.g. 'Ủy viên Ban Thường vụ, Trưởng Ban Tổ chức Đảng ủy Khối'."),
    )
    unit = models.ForeignKey(
        OrganisationUnit,
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="leaders",
    )
    photo = models.ForeignKey(
        "media_library.CustomImage",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    term = models.CharField(
        _("term"), max_length=128, blank=True, help_text=_("E.g. 'Nhiệm kỳ 2025–2030'.")
    )
    phone = models.CharField(_("phone"), max_length=64, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("position"),
        FieldRowPanel([FieldPanel("unit"), FieldPanel("term")]),
        FieldPanel("photo"),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("email")], heading=_("Contacts")),
        PublishingPanel(),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("position"),
        index.AutocompleteField("name"),
        index.FilterField("locale"),
    ]
    translatable_fields = [
        SynchronizedField("name"),
        TranslatableField("position"),
        TranslatableField("term"),
        SynchronizedField("unit"),
        SynchronizedField("photo"),
        SynchronizedField("phone"),
        SynchronizedField("email"),
    ]

    class Meta(TranslatableDraftSnippet.Meta):
        verbose_name = _("leader")
        verbose_name_plural = _("leaders")

    def __str__(self) -> str:
        return self.name


class OrganisationPage(ListingFieldsMixin, BasePage):
    """ "Cơ cấu tổ chức": an introduction, then the chart of the published units and leaders
    in the page's language (the frontend asks /api/v2/organisation/units/ and /leaders/)."""

    body = StreamField(ArticleBodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("lead"),
        FieldPanel("cover_image"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("lead"),
        index.SearchField("body"),
    ]

    show_in_menus_default = True

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types: list[str] = []
    template = "pages/standard_page.html"

    class Meta:
        verbose_name = _("organisation chart page")
        verbose_name_plural = _("organisation chart pages")
