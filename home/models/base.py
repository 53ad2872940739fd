"""Pieces shared by every page type of the site."""

import re
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Page, PagePermissionTester
from wagtail_headless_preview.models import HeadlessPreviewMixin

from cms.vietnamese import date_line, slugify_vi
from home.text_fields import compose_text_fields
from media_library.alt_text import AltTextFormMixin

if TYPE_CHECKING:
    from home.models.editorial import Retraction

_ASCII_SLUG = re.compile(r"[-a-zA-Z0-9_]+")
# Where a listing's prefetch puts a page's active retraction (a list of none or one).
PREFETCHED_RETRACTIONS = "prefetched_active_retractions"


def unique_child_slug(parent: Page, base_slug: str, page: Page | None = None) -> str:
    """base_slug, or base_slug-2, -3... whichever is free among parent's children."""
    candidate, suffix = base_slug, 1
    while not Page._slug_is_available(candidate, parent, page):
        suffix += 1
        candidate = f"{base_slug}-{suffix}"
    return candidate


class BasePageForm(AltTextFormMixin, WagtailAdminPageForm):
    """The slug may be left empty: it is then made from the title on the server.

    The admin's JavaScript fills the slug as the title is typed; this keeps the rule
    (ASCII, đ -> d, unique among siblings) when it does not run or was cleared.
    Cover images and gallery photos need alt text to publish (media_library.alt_text).
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].required = False
            self._make_typed_slug_ascii()

    def _make_typed_slug_ascii(self) -> None:
        """A slug typed by hand ("Bài viết của tôi") is kept, by the site's rule.

        The admin's JavaScript does the same when the field is left; this covers a save
        without leaving it (Ctrl+S) or without JavaScript. ASCII slugs, legacy ones with
        "_" or capitals included, are left as they are.
        """
        name = self.add_prefix("slug")
        typed = (self.data.get(name) or "").strip() if self.is_bound else ""
        if typed and not _ASCII_SLUG.fullmatch(typed):
            self.data = self.data.copy()
            self.data[name] = slugify_vi(typed)

    def clean(self) -> dict:
        title, slug = self.cleaned_data.get("title"), self.cleaned_data.get("slug")
        if title and not slug and self.parent_page is not None:
            base_slug = slugify_vi(title)
            if base_slug:
                self.cleaned_data["slug"] = unique_child_slug(
                    self.parent_page, base_slug, self.instance if self.instance.pk else None
                )
        return super().clean()


class LeafPagePermissionTester(PagePermissionTester):
    """Wagtail's answers, but whether a page without children may be deleted comes from the
    page itself.

    For a user who may change but not publish pages (section editors), Wagtail asks the
    database whether any page of the branch is live, and for one who may only add, whether
    any is someone else's; for a leaf the branch is the page alone. The explorer asks for
    every row it lists, twice: 101 queries for 50 articles.
    """

    def can_delete(self, ignore_bulk: bool = False) -> bool:
        user, page = self.user, self.page
        if page.numchild or self.page_is_root or not user.is_active or user.is_superuser:
            return super().can_delete(ignore_bulk)
        if "change" in self.permissions:
            return "publish" in self.permissions or not page.live
        if "add" in self.permissions:
            owned = page.owner_id is not None and page.owner_id == user.pk
            return owned if "publish" in self.permissions else owned and not page.live
        return False


class BasePage(HeadlessPreviewMixin, Page):
    """Every page: text stored in NFC, ASCII slugs from Vietnamese titles, headless preview."""

    base_form_class = BasePageForm

    class Meta:
        abstract = True

    def permissions_for_user(self, user) -> PagePermissionTester:
        return LeafPagePermissionTester(user, self)

    @cached_property
    def active_retraction(self) -> "Retraction | None":
        """The retraction keeping this page down (who, when, why), or None.

        Listings prefetch it (cms/editorial/wagtail_hooks.py: prefetch_active_retractions);
        elsewhere it costs one query, for a page that is not live only.
        """
        if self.live:
            return None
        if hasattr(self, PREFETCHED_RETRACTIONS):
            return next(iter(getattr(self, PREFETCHED_RETRACTIONS)), None)
        return self.retractions.active().select_related("retracted_by").first()

    @property
    def status_string(self) -> str:
        """Wagtail's status, but a retracted page says so instead of "draft" (listings, the
        status panel)."""
        if not self.live and not self.expired and self.active_retraction:
            return pgettext_lazy("page status", "retracted")
        return super().status_string

    def serve_preview(self, request: HttpRequest, mode_name: str) -> HttpResponse:
        # With a frontend configured, the admin previews drafts there (a signed token);
        # without one, the CMS's own templates render the preview.
        if settings.FRONTEND_URL:
            return HeadlessPreviewMixin.serve_preview(self, request, mode_name)
        return Page.serve_preview(self, request, mode_name)

    def _set_core_field_defaults(self) -> None:
        # Runs before validation, both on save and on save_revision (drafts of live pages
        # are stored only as revisions, which a pre_save signal never sees).
        compose_text_fields(self)
        # Wagtail's own fallback uses Django's slugify, which drops đ/Đ ("Đảng" -> "ang").
        if self.path and (not self.slug or not self.slug.isascii()):
            base_slug = slugify_vi(self.slug or self.title)
            if base_slug:
                self.slug = unique_child_slug(self.get_parent(), base_slug, self)
        super()._set_core_field_defaults()


class ListingFieldsMixin(models.Model):
    """What a listing shows of a page: a lead and a cover image."""

    lead = models.TextField(
        _("lead"),
        blank=True,
        help_text=_("The summary shown under the title and in listings (sapo)."),
    )
    cover_image = models.ForeignKey(
        "media_library.CustomImage",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        abstract = True


class DatedMixin(models.Model):
    """Content shown with a date line: articles, videos and galleries."""

    publication_date = models.DateTimeField(
        _("publication date"),
        default=timezone.now,
        help_text=_("Shown as the date line, e.g. 'Thứ Tư, ngày 15/06/2022'."),
    )

    class Meta:
        abstract = True

    @staticmethod
    def newest_first_index(name: str) -> models.Index:
        """The order listings, their cursors (cms/api/keyset.py) and previous/next use:
        newest first, ties by id. PostgreSQL reads a page of a listing, or the page after a
        cursor, from it without sorting; it also serves filters on the date alone."""
        return models.Index(fields=["-publication_date", "-page_ptr"], name=name)

    @property
    def date_line(self) -> str:
        return date_line(self.publication_date)
