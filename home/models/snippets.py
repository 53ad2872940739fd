"""Snippets editors manage outside the page tree: authors and linked websites.

Both are translatable with wagtail-localize ("Dịch" in the snippet's actions), one row per
language sharing a ``translation_key``. Linked websites are also drafts until published,
so an English copy made by "Dịch" (which starts with the Vietnamese text) stays off the
site until someone translates and publishes it.
"""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, PublishingPanel
from wagtail.models import DraftStateMixin, Orderable, RevisionMixin, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


class Author(TranslatableMixin, index.Indexed, models.Model):
    """A person who writes for the site. Their position may change over time.

    The name stays the same in every language; the position and unit are translated.
    """

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

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("locale"),
    ]
    translatable_fields = [
        SynchronizedField("name"),
        TranslatableField("position"),
        TranslatableField("unit"),
        SynchronizedField("photo"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("author")
        verbose_name_plural = _("authors")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class LinkedWebsite(TranslatableMixin, DraftStateMixin, RevisionMixin, Orderable):
    """A curated link shown in the "Website liên kết" block on every page.

    Readers see the published version in their language only (cms.api.site).
    """

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
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="linked_website")

    panels = [
        FieldPanel("name"),
        FieldPanel("url"),
        FieldPanel("logo"),
        FieldPanel("active"),
        PublishingPanel(),
    ]
    translatable_fields = [
        TranslatableField("name"),
        # The same address, unless the translator overrides it (an English site of its own).
        SynchronizedField("url"),
        SynchronizedField("logo"),
        SynchronizedField("active"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("linked website")
        verbose_name_plural = _("linked websites")

    def __str__(self) -> str:
        return self.name

    @property
    def revisions(self):
        return self._revisions
