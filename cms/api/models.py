"""What the reader API keeps beside Wagtail's tables."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PageCount(models.Model):
    """How many live, unexpired pages of one type, locale and depth lie at or under ``prefix``,
    featured articles apart.

    PostgreSQL keeps these rows itself: a trigger on Wagtail's page table adds one to the
    counts of every ancestor of a page (and of the page) when it goes live and takes it away
    when it is unpublished, expired, moved or deleted, in the same transaction
    (migrations/0001_page_counts.py); one on the article table moves a live article's count
    when it is ticked or unticked as featured (0002_featured_counts.py). A listing's total is
    then a sum of a few of these rows (cms/api/totals.py) instead of a count of every public
    page. SQLite has no trigger and no
    rows: its listings are counted.
    """

    prefix = models.CharField(max_length=255)  # the tree path of the page or of an ancestor
    depth = models.PositiveIntegerField()  # of the counted pages
    content_type_id = models.IntegerField()
    locale_id = models.IntegerField()
    alias = models.BooleanField()  # the counted pages are aliases (alias_of is set)
    featured = models.BooleanField(default=False)  # featured articles (migrations/0002)
    n = models.BigIntegerField()

    class Meta:
        verbose_name = _("page count")
        verbose_name_plural = _("page counts")
        constraints = [
            models.UniqueConstraint(
                fields=["prefix", "depth", "content_type_id", "locale_id", "alias", "featured"],
                name="page_count_key",
            )
        ]

    def __str__(self) -> str:
        return f"{self.prefix} ({self.depth}): {self.n}"
