from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.http import HttpRequest, HttpResponse
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.documents import urls as wagtaildocs_urls

from cms.api import preview
from cms.editorial import views
from cms.operations import health

urlpatterns = [
    # Probes for load balancers and monitoring (cms/operations/health.py): outside the
    # language prefixes and the sign-in, never cached.
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    # Wagtail's page editor, with a stale-form check on save (matched before Wagtail's own).
    path(
        "admin/pages/<int:page_id>/edit/",
        require_admin_access(views.ConflictCheckedEditView.as_view()),
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/", include("cms.api.urls")),
    path("api/v2/preview/", preview.preview, name="api_preview"),
    # RSS and Atom feeds for the provincial portal and feed readers (cms/syndication/feeds.py).
    path("feeds/", include("cms.syndication.urls")),
]


def serve_media(request: HttpRequest, path: str) -> HttpResponse:
    # MEDIA_ROOT holds the public files only (renditions, videos): image originals and
    # documents are under PRIVATE_MEDIA_ROOT. Read per request, so tests can point it away.
    return serve(request, path, document_root=settings.MEDIA_ROOT)


if settings.MEDIA_URL.startswith("/"):
    # Media on local disk (the embedded default) is served by the app itself;
    # with object storage, MEDIA_URL points at the bucket or CDN instead.
    urlpatterns += [re_path(rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.*)$", serve_media)]

# Vietnamese pages at the root, English ones under /en/ (home/i18n.py).
urlpatterns += i18n_patterns(path("", include(wagtail_urls)), prefix_default_language=False)

# A 500 under /api/ answers JSON like the API's other errors (cms/errors.py).
handler500 = "cms.errors.server_error"
