"""Content languages: Vietnamese at the site root, English under /en/ (cms/urls.py).

A page is served only in its own language: an article nobody translated is not shown at
/en/… in Vietnamese, and the untranslated placeholders wagtail-localize creates above a
translated page (aliases of the Vietnamese pages) are not shown either. The reader API
applies the same rule (cms.api.visibility).
"""

from django.conf import settings
from django.http import Http404, HttpRequest
from django.utils import translation
from wagtail import hooks
from wagtail.models import Page


def is_untranslated_alias(page: Page, language_code: str) -> bool:
    """An alias outside the default language is a Vietnamese page under an English path."""
    return page.alias_of_id is not None and language_code != settings.LANGUAGE_CODE


@hooks.register("before_serve_page")
def serve_only_in_own_language(page: Page, request: HttpRequest, serve_args, serve_kwargs):
    language_code = page.locale.language_code
    if language_code != translation.get_language() or is_untranslated_alias(page, language_code):
        raise Http404  # the site's ordinary 404 page
