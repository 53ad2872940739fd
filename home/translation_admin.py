"""The explorer's translation buttons, answered for the whole listing in its one query.

wagtail-localize's ``register_page_listing_more_buttons`` hook asks the database twice for
each row it lists: is there a language the page has no translation in yet ("Translate this
page")? is the page the source of enabled translations ("Sync translated pages")? That is
100 queries for the explorer's 50 rows, most of the time of a big section's listing. Here
both answers are subqueries of the listing's own query (``construct_explorer_page_queryset``:
the explorer and the admin's page search), and the same buttons are made from them; rows
listed without them (another listing) fall back to wagtail-localize's hook. Its
page-header buttons, one page at a time, are left as they are.
"""

from collections.abc import Iterator
from urllib.parse import urlencode

import wagtail_localize.wagtail_hooks as localize_hooks
from django.db.models import Exists, OuterRef, QuerySet, Subquery
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext
from wagtail import hooks
from wagtail.admin.widgets.button import Button
from wagtail.models import Locale, Page
from wagtail_localize.models import TranslationSource

UNTRANSLATED = "_localize_has_locale_to_translate_to"
SOURCE = "_localize_source_with_enabled_translations"
# wagtail-localize's own labels, looked up at run time: its catalogue translates them.
TRANSLATE_LABEL = "Translate this page"
SYNC_LABEL = "Sync translated pages"
LISTING_HOOK = "register_page_listing_more_buttons"


def annotate_translation_state(queryset: QuerySet) -> QuerySet:
    """The two answers of wagtail-localize's buttons, as annotations of each page."""
    translated_locales = Page.objects.filter(
        translation_key=OuterRef(OuterRef("translation_key")), alias_of__isnull=True
    ).values("locale_id")
    return queryset.annotate(
        **{
            UNTRANSLATED: Exists(Locale.objects.exclude(id__in=translated_locales)),
            SOURCE: Subquery(
                TranslationSource.objects.filter(
                    object_id=OuterRef("translation_key"),
                    locale_id=OuterRef("locale_id"),
                    translations__enabled=True,
                ).values("id")[:1]
            ),
        }
    )


@hooks.register("construct_explorer_page_queryset")
def prefetch_translation_state(parent_page: Page, pages: QuerySet, request: HttpRequest):
    return annotate_translation_state(pages)


def translation_listing_buttons(
    page: Page, user, view_name: str | None = None, next_url: str | None = None
) -> Iterator[Button]:
    """wagtail-localize's listing buttons, from the annotations when the row has them."""
    if not hasattr(page, UNTRANSLATED):
        yield from localize_hooks.page_listing_more_buttons(page, user, view_name, next_url)
        return
    if page.is_root() or not user.has_perm("wagtail_localize.submit_translation"):
        return
    if getattr(page, UNTRANSLATED):
        url = reverse(
            "wagtail_localize:submit_page_translation", args=[page.alias_of_id or page.id]
        )
        yield Button(
            gettext(TRANSLATE_LABEL), url, priority=60, icon_name="wagtail-localize-language"
        )
    source_id = getattr(page, SOURCE)
    if source_id is not None:
        url = reverse("wagtail_localize:update_translations", args=[source_id])
        if next_url is not None:
            url += "?" + urlencode({"next": next_url})
        yield Button(gettext(SYNC_LABEL), url, priority=60, icon_name="resubmit")


def _replace_localize_listing_hook() -> None:
    """Take wagtail-localize's per-row hook off the listing, put ours in its place.

    Its module is imported above, so it has registered by now, whatever the app order."""
    registered = hooks._hooks.get(LISTING_HOOK, [])
    registered[:] = [
        (fn, order)
        for fn, order in registered
        if fn is not localize_hooks.page_listing_more_buttons
    ]
    hooks.register(LISTING_HOOK, translation_listing_buttons)


_replace_localize_listing_hook()
