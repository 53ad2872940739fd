"""The site-wide blocks in the reader's language: owner details and linked websites.

Only published rows of the requested locale are served: a translation still being made
(wagtail-localize's copy starts with the Vietnamese text) or an unpublished draft never
shows, and a language without a translation gets nothing rather than another language.
"""

from django.conf import settings
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from wagtail.models import Locale

from cms.api.filters import BadQueryParameter
from home.models import LinkedWebsite, SiteIdentity, SiteSettings
from home.models.site_settings import IDENTITY_TEXT_FIELDS


def requested_locale(request: HttpRequest) -> Locale:
    """``?locale=`` (default: the site's default language, Vietnamese)."""
    code = request.GET.get("locale", settings.LANGUAGE_CODE)
    locale = Locale.objects.filter(language_code=code).first()
    if locale is None:
        raise BadQueryParameter("locale", _("no such locale"))
    return locale


def site_owner_details(site_id: int, locale: Locale) -> dict:
    """The owner and footer lines of a site in ``locale``; empty texts where untranslated."""
    row = SiteSettings.objects.filter(site_id=site_id).select_related("identity").first()
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
    return {"locale": locale.language_code, **data}


def linked_websites(locale: Locale) -> QuerySet[LinkedWebsite]:
    """Published, shown linked websites of ``locale``, in editors' order."""
    return LinkedWebsite.objects.filter(locale=locale, live=True, active=True).order_by(
        "sort_order", "id"
    )
