"""``/api/v2/images/`` and ``/api/v2/documents/``: only what public pages use."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import BigIntegerField, CharField, Subquery
from django.db.models.functions import Cast
from django.http import Http404
from django.urls import path
from django.utils.translation import gettext as _
from rest_framework.response import Response
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex

from cms.api.base import ReaderAPIViewSet
from cms.api.context import APIContext
from cms.api.visibility import public_pages


def _referenced_by_public_pages(request, model):
    """Only images and documents a public page uses: never those of drafts or private pages."""
    page_ids = public_pages(request).annotate(key=Cast("id", CharField())).values("key")
    targets = (
        ReferenceIndex.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            to_content_type=ContentType.objects.get_for_model(model),
            object_id__in=Subquery(page_ids),
        )
        .annotate(target=Cast("to_object_id", BigIntegerField()))
        .values("target")
    )
    return model.objects.filter(id__in=Subquery(targets)).order_by("id")


class MediaAPIViewSet(ReaderAPIViewSet):
    known_query_parameters = frozenset(["limit", "offset", "fields", "_"])

    def get_queryset(self):
        return _referenced_by_public_pages(self.request, self.model)

    def serialize(self, obj, ctx: APIContext, detail: bool) -> dict:
        raise NotImplementedError

    def listing_view(self, request):
        self.check_query_parameters()
        limit, offset = self.page_bounds()
        queryset = self.get_queryset()
        total = queryset.count()
        ctx = APIContext(request)
        items = [self.serialize(obj, ctx, False) for obj in queryset[offset : offset + limit]]
        return Response({"meta": {"total_count": total}, "items": items})

    def detail_view(self, request, pk):
        self.check_query_parameters()
        obj = self.get_queryset().filter(id=pk).first()
        if obj is None:
            raise Http404(_("Not found."))
        return Response(self.serialize(obj, APIContext(request), True))

    @classmethod
    def get_urlpatterns(cls):
        return [
            path("", cls.as_view({"get": "listing_view"}), name="listing"),
            path("<int:pk>/", cls.as_view({"get": "detail_view"}), name="detail"),
        ]


class ImagesAPIViewSet(MediaAPIViewSet):
    """``/api/v2/images/``: images used by public pages; the detail gives the srcset."""

    name = "images"
    model = get_image_model()

    def serialize(self, image, ctx: APIContext, detail: bool) -> dict:
        data = {
            "id": image.id,
            "meta": {
                "type": image._meta.label,
                "detail_url": f"{ctx.base_url}/api/v2/images/{image.id}/",
            },
            "title": image.title,
            "width": image.width,
            "height": image.height,
            "alt": image.default_alt_text,
            "caption": image.caption,
            "credit": image.credit,
        }
        if detail:
            data.update(ctx.image(image))
        return data


class DocumentsAPIViewSet(MediaAPIViewSet):
    """``/api/v2/documents/``: documents attached to public pages."""

    name = "documents"
    model = get_document_model()

    def serialize(self, document, ctx: APIContext, detail: bool) -> dict:
        return {
            "meta": {
                "type": document._meta.label,
                "detail_url": f"{ctx.base_url}/api/v2/documents/{document.id}/",
            },
            **ctx.document(document),
        }
