"""What came from Plone: one row per imported item, keyed by its Plone UID.

The UID is what makes a second run of ``import_plone`` update instead of duplicate; the
fingerprint (a hash of the exported item) is what lets it leave unchanged items alone.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportedItem(models.Model):
    uid = models.CharField(_("Plone UID"), max_length=64, unique=True)
    portal_type = models.CharField(_("Plone type"), max_length=100)
    old_path = models.CharField(_("Plone path"), max_length=1024)
    fingerprint = models.CharField(max_length=64)
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    image = models.ForeignKey(
        "media_library.CustomImage",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    document = models.ForeignKey(
        "media_library.CustomDocument",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    # A Link that became a redirect only, or a default page merged into its section.
    target_url = models.CharField(max_length=2048, blank=True)
    imported_at = models.DateTimeField(_("imported at"), auto_now=True)

    class Meta:
        verbose_name = _("item imported from Plone")
        verbose_name_plural = _("items imported from Plone")

    def __str__(self) -> str:
        return f"{self.portal_type} {self.old_path}"
