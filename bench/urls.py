"""The project's routes plus, for comparison only, Wagtail's stock pages API and a bare view."""

from django.http import HttpResponse
from django.urls import path
from wagtail.api import APIField
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.images.api.fields import ImageRenditionField

from cms.urls import urlpatterns as project_urlpatterns
from home.models import ArticlePage

# Stock Wagtail with the listing fields of ours: the model's api_fields, as Wagtail documents.
ArticlePage.api_fields = [
    APIField("lead"),
    APIField("publication_date"),
    APIField("featured"),
    APIField("date_line"),
    APIField(
        "thumbnail",
        serializer=ImageRenditionField(
            "fill-480x270|format-webp|webpquality-80", source="cover_image"
        ),
    ),
    APIField("body"),
    APIField("bylines"),
]

stock_router = WagtailAPIRouter("stockapi")
stock_router.register_endpoint("pages", PagesAPIViewSet)

FLOOR_BODY = b'{"meta": {"total_count": 1}, "items": []}' * 100


def floor(request):
    return HttpResponse(FLOOR_BODY, content_type="application/json")


urlpatterns = [
    path("bench/stock/", stock_router.urls),
    path("bench/floor/", floor),
] + project_urlpatterns
