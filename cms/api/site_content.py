"""The site-wide blocks in the reader's language: owner details and linked websites.

Only published rows of the requested locale are served: a translation still being made
(wagtail-localize's copy starts with the Vietnamese text) or an unpublished draft never
shows, and a language without a translation gets nothing rather than another language.
"""

from collections.abc import Callable

from django.conf import settings
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from wagtail.models import Locale

from cms.api.filters import BadQueryParameter
from home.models import LinkedWebsite, SiteIdentity, SiteSettings
from home.models.site_settings import IDENTITY_TEXT_FIELDS
from media_library.renditions import OPEN_GRAPH_SPEC, prefetch_renditions, single_rendition

# The logo whole (never cropped), as PNG: search engines show it beside the site's articles.
LOGO_SPEC = "max-600x240|format-png"


def requested_locale(request: HttpRequest) -> Locale:
    """``?locale=`` (default: the site's default language, Vietnamese)."""
    code = request.GET.get("locale", settings.LANGUAGE_CODE)
    locale = Locale.objects.filter(language_code=code).first()
    if locale is None:
        raise BadQueryParameter("locale", _("no such locale"))
    return locale


def site_owner_details(site_id: int, locale: Locale, absolute: Callable[[str], str] = str) -> dict:
    """The owner and footer lines of a site in ``locale``; empty texts where untranslated;
    its share image (the 1200×630 Open Graph card) and logo, or None."""
    row = (
        SiteSettings.objects.filter(site_id=site_id)
        .select_related("identity", "share_image", "logo")
        .first()
    )
    identity = None
    if row is not None and row.identity is not None:
        identity = (
            SiteIdentity.objects.filter(
                translation_key=row.identity.translation_key, locale=locale, live=True
            )
            .only(*IDENTITY_TEXT_FIELDS)
            .first()
        )
    data = {name: getattr(identity, name) if identity else "" for name in IDENTITY_TEXT_FIELDS}
    data["phone"] = row.phone if row else ""
    data["email"] = row.email if row else ""
    data["map_url"] = row.map_url if row else ""
    share_image = row.share_image if row else None
    logo = row.logo if row else None
    prefetch_renditions(([share_image], [OPEN_GRAPH_SPEC]), ([logo], [LOGO_SPEC]))
    data["share_image"] = (
        single_rendition(share_image, OPEN_GRAPH_SPEC, absolute) if share_image else None
    )
    data["logo"] = single_rendition(logo, LOGO_SPEC, absolute) if logo else None
    return {"locale": locale.language_code, **data}


def linked_websites(locale: Locale) -> QuerySet[LinkedWebsite]:
    """Published, shown linked websites of ``locale``, in editors' order."""
    return LinkedWebsite.objects.filter(locale=locale, live=True, active=True).order_by(
        "sort_order", "id"
    )
