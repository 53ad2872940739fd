"""Site-wide settings: who owns the site and what its footer says."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """Organisations merge and are renamed, so none of this is template text."""

    organisation_name = models.CharField(
        _("organisation name"),
        max_length=255,
        help_text=_("E.g. 'Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh'."),
    )
    owning_body = models.CharField(_("owning body"), max_length=255, blank=True)
    person_responsible = models.CharField(_("person responsible"), max_length=255, blank=True)
    address = models.CharField(_("address"), max_length=500, blank=True)
    phone = models.CharField(_("phone"), max_length=100, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    licence = models.CharField(
        _("licence line"),
        max_length=500,
        blank=True,
        help_text=_("Optional, e.g. the licence number and the date it was issued."),
    )

    panels = [
        FieldPanel("organisation_name"),
        FieldPanel("owning_body"),
        MultiFieldPanel(
            [
                FieldPanel("person_responsible"),
                FieldPanel("address"),
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("licence"),
            ],
            heading=_("Footer"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")
