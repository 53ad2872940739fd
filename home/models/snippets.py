"""Snippets editors manage outside the page tree: authors and linked websites, and the base
class of every snippet that is drafted, approved and published (``TranslatableDraftSnippet``).

Both are translatable with wagtail-localize ("Dịch" in the snippet's actions), one row per
language sharing a ``translation_key``. Linked websites are also drafts until published,
so an English copy made by "Dịch" (which starts with the Vietnamese text) stays off the
site until someone translates and publishes it.
"""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, PublishingPanel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
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


class TranslatableDraftSnippet(
    WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, TranslatableMixin, Orderable
):
    """A snippet readers see only as published: drafts and revisions, locking, a workflow,
    one row per language, in the editors' order.

    Once published, the row holds the published version and later drafts live in revisions,
    so the API reads only ``live=True`` rows. A workflow applies once one is assigned to the
    model's content type (*Cài đặt → Quy trình*, or a migration: the organisation chart's
    units and leaders go through "Quy trình duyệt tin", home/0031); without one, whoever may
    publish publishes directly (linked websites).
    """

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="%(class)s")

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        abstract = True

    @property
    def revisions(self):
        return self._revisions

    def with_content_json(self, content: dict) -> "TranslatableDraftSnippet":
        # The order is the listing's (dragged there, written to the row at once), not part
        # of an edit: publishing a revision saved before a reorder must not undo it.
        instance = super().with_content_json(content)
        instance.sort_order = self.sort_order
        return instance


class LinkedWebsite(TranslatableDraftSnippet):
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

    class Meta(TranslatableDraftSnippet.Meta):
        verbose_name = _("linked website")
        verbose_name_plural = _("linked websites")

    def __str__(self) -> str:
        return self.name
