"""The reader API's routes, mounted at /api/ by cms/urls.py."""

from django.http import JsonResponse
from django.urls import path, re_path
from django.utils.translation import gettext as _
from wagtail.api.v2.router import WagtailAPIRouter

from cms.api.autocomplete import AutocompleteAPIViewSet
from cms.api.documents import LegalDocumentsAPIViewSet
from cms.api.media import DocumentsAPIViewSet, ImagesAPIViewSet
from cms.api.organisation import LeadersAPIViewSet, OrganisationUnitsAPIViewSet
from cms.api.pages import LatestGalleriesAPIViewSet, LatestVideosAPIViewSet, ReaderPagesAPIViewSet
from cms.api.schema.views import docs_view, schema_view
from cms.api.site import LinkedWebsitesAPIViewSet, MenuAPIViewSet, SiteSettingsAPIViewSet
from cms.api.work_schedule import WorkScheduleAPIViewSet, calendar_view
from cms.contact.api import ReaderQuestionsAPIViewSet
from cms.syndication.views import changes_view

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", ReaderPagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
api_router.register_endpoint("menu", MenuAPIViewSet)
api_router.register_endpoint("site-settings", SiteSettingsAPIViewSet)
api_router.register_endpoint("linked-websites", LinkedWebsitesAPIViewSet)
api_router.register_endpoint("videos/latest", LatestVideosAPIViewSet)
api_router.register_endpoint("galleries/latest", LatestGalleriesAPIViewSet)
api_router.register_endpoint("search/autocomplete", AutocompleteAPIViewSet)
api_router.register_endpoint("questions", ReaderQuestionsAPIViewSet)
api_router.register_endpoint("legal-documents", LegalDocumentsAPIViewSet)
api_router.register_endpoint("work-schedule", WorkScheduleAPIViewSet)
api_router.register_endpoint("organisation/units", OrganisationUnitsAPIViewSet)
api_router.register_endpoint("organisation/leaders", LeadersAPIViewSet)


def not_found(request, rest: str = "") -> JsonResponse:
    return JsonResponse({"message": _("No such API endpoint.")}, status=404)


urlpatterns = [
    path("v2/schema/", schema_view, name="api_schema"),
    path("v2/docs/", docs_view, name="api_docs"),
    # The change feed for syndication consumers (API key; cms/syndication/views.py).
    path("v2/changes/", changes_view, name="api_changes"),
    path("v2/work-schedule/calendar.ics", calendar_view, name="api_work_schedule_calendar"),
    path("v2/", api_router.urls),
    # JSON 404 for unknown API paths; the preview endpoint (cms/urls.py) is not ours.
    # ([\s\S], not '.': a path may hold a line break.)
    re_path(r"^(?!v2/preview/)(?P<rest>[\s\S]*)$", not_found),
]
