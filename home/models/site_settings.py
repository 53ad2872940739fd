"""Site-wide settings: who owns the site and what its footer says.

Wagtail's site settings cannot be translated (one row per site; wagtail/wagtail#11508,
wagtail-localize#234), so the texts readers see, which differ by language, live in
``SiteIdentity``: a translatable, draftable snippet, one row per language, that the
settings point to (the approach those issues recommend). The settings keep what is the
same in every language: the phone number and e-mail address.
"""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PublishingPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import DraftStateMixin, RevisionMixin, TranslatableMixin

IDENTITY_TEXT_FIELDS = (
    "organisation_name",
    "owning_body",
    "person_responsible",
    "address",
    "licence",
)


class SiteIdentity(TranslatableMixin, DraftStateMixin, RevisionMixin, models.Model):
    """The organisation's name and the footer lines, in one language.

    Organisations merge and are renamed, so none of this is template text.
    """

    organisation_name = models.CharField(
        _("organisation name"),
        max_length=255,
        help_text=_("E.g. 'Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh'."),
    )
    owning_body = models.CharField(_("owning body"), max_length=255, blank=True)
    person_responsible = models.CharField(_("person responsible"), max_length=255, blank=True)
    address = models.CharField(_("address"), max_length=500, blank=True)
    licence = models.CharField(
        _("licence line"),
        max_length=500,
        blank=True,
        help_text=_("Optional, e.g. the licence number and the date it was issued."),
    )
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="site_identity")

    panels = [
        FieldPanel("organisation_name"),
        FieldPanel("owning_body"),
        FieldPanel("person_responsible"),
        FieldPanel("address"),
        FieldPanel("licence"),
        PublishingPanel(),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("site owner details")
        verbose_name_plural = _("site owner details")

    def __str__(self) -> str:
        return self.organisation_name

    @property
    def revisions(self):
        return self._revisions


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """Which owner details this site shows, and its language-independent contacts."""

    identity = models.ForeignKey(
        SiteIdentity,
        verbose_name=_("site owner details"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The organisation name and footer lines. To show them in English, translate them "
            "under Settings, Site owner details."
        ),
    )
    phone = models.CharField(_("phone"), max_length=100, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    map_url = models.URLField(
        _("map link"),
        blank=True,
        help_text=_("A link to the office on a map, e.g. https://maps.google.com/?q=…"),
    )
    questions_email = models.EmailField(
        _("e-mail for readers' questions"),
        blank=True,
        help_text=_(
            "Each question sent from 'Liên hệ' is e-mailed here (default: the e-mail above)."
        ),
    )
    share_image = models.ForeignKey(
        "media_library.CustomImage",
        verbose_name=_("share image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Shown when a page without its own image (the home page, a section, a topic) is "
            "shared on Facebook or Zalo. Cropped to 1200 × 630."
        ),
    )
    logo = models.ForeignKey(
        "media_library.CustomImage",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The organisation's logo, for search engines (PNG, at least 112 px high)."),
    )

    panels = [
        FieldPanel("identity"),
        MultiFieldPanel([FieldPanel("phone"), FieldPanel("email")], heading=_("Footer")),
        MultiFieldPanel(
            [FieldPanel("map_url"), FieldPanel("questions_email")], heading=_("Contact page")
        ),
        MultiFieldPanel(
            [FieldPanel("share_image"), FieldPanel("logo")], heading=_("Sharing and search engines")
        ),
    ]

    class Meta:
        verbose_name = _("site settings")

    @cached_property
    def owner_details(self) -> SiteIdentity | None:
        """The published owner details in the active language; None where not translated
        (templates: ``settings.home.SiteSettings.owner_details.organisation_name``)."""
        if self.identity_id is None:
            return None
        return SiteIdentity.objects.filter(
            translation_key=self.identity.translation_key,
            locale__language_code=get_language(),
            live=True,
        ).first()
