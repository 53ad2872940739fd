"""The CMS serves no reader pages of its own: readers read the frontend, fed by this API.

A page URL of the CMS (``/tin-tuc/bai-viet/``) redirects to the same page on the frontend
(``FRONTEND_URL``) when a reader may see it by the API's rules (live, not expired even if the
scheduler has not run yet, not restricted, in its own language), and answers 404 otherwise,
or when no frontend is configured. Previews are not served through this (the admin's
preview and the signed preview endpoint are).
"""

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponseRedirect
from wagtail import hooks
from wagtail.models import Page

from cms.api.visibility import get_scope


@hooks.register("before_serve_page")
def serve_pages_on_the_frontend(page: Page, request: HttpRequest, serve_args, serve_kwargs):
    scope = get_scope(request)
    if not settings.FRONTEND_URL or not Page.objects.filter(scope.public_q(), pk=page.pk).exists():
        raise Http404
    url = settings.FRONTEND_URL + scope.frontend_path(page.url_path)
    query = request.META.get("QUERY_STRING", "")
    return HttpResponseRedirect(f"{url}?{query}" if query else url)
