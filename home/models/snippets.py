"""Snippets editors manage outside the page tree: authors and linked websites."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable
from wagtail.search import index


class Author(index.Indexed, models.Model):
    """A person who writes for the site. Their position may change over time."""

    name = models.CharField(_("name"), max_length=255)
    position = models.CharField(
        _("position"),
        max_length=255,
        blank=True,
        help_text=_("Current position, e.g. 'Chief of Office of the Party Committee'."),
    )
    unit = models.CharField(_("unit"), max_length=255, blank=True)
    photo = models.ForeignKey(
        "media_library.CustomImage",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [FieldPanel("name"), FieldPanel("position"), FieldPanel("unit"), FieldPanel("photo")]

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("author")
        verbose_name_plural = _("authors")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class LinkedWebsite(Orderable):
    """A curated link shown in the "Website liên kết" block on every page."""

    name = models.CharField(_("name"), max_length=255)
    url = models.URLField(_("address"))
    logo = models.ForeignKey(
        "media_library.CustomImage",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    active = models.BooleanField(_("shown on the site"), default=True)

    panels = [FieldPanel("name"), FieldPanel("url"), FieldPanel("logo"), FieldPanel("active")]

    class Meta(Orderable.Meta):
        verbose_name = _("linked website")
        verbose_name_plural = _("linked websites")

    def __str__(self) -> str:
        return self.name
