"""Draft preview for the headless frontend.

The admin stores the draft being previewed (wagtail-headless-preview's PagePreview) and
sends the frontend to ``/preview/?content_type=home.articlepage&token=...``. The frontend
asks this endpoint for the draft. Tokens are signed with a timestamp: a tampered token
gives 404, one older than PREVIEW_TOKEN_MAX_AGE seconds gives 403. Without a valid token
no draft is reachable.

    GET /api/v2/preview/?content_type=home.articlepage&token=aWQ9NDI:1u...
    200 {"id": 42, "meta": {"type": "home.ArticlePage", "preview": true, ...}, "title": ...}
"""

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.signing import BadSignature, SignatureExpired
from django.http import HttpRequest, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from wagtail_headless_preview.models import HeadlessPreviewMixin, PagePreview

from cms.api.serializers import serialize_page_detail


def _error(status: int, message: str) -> JsonResponse:
    response = JsonResponse({"message": message}, status=status)
    response["Cache-Control"] = "no-store"
    return response


def preview_model(content_type: str) -> type | None:
    """The page model named 'app_label.modelname', if it is one of ours with headless preview."""
    try:
        model = apps.get_model(content_type)
    except (LookupError, ValueError):
        return None
    return model if issubclass(model, HeadlessPreviewMixin) else None


@require_GET
def preview(request: HttpRequest) -> JsonResponse:
    token = request.GET.get("token", "")
    model = preview_model(request.GET.get("content_type", ""))
    if model is None:
        return _error(400, _("content_type: not a page type with preview."))
    try:
        model.get_preview_signer().unsign(token, max_age=settings.PREVIEW_TOKEN_MAX_AGE)
    except SignatureExpired:
        return _error(403, _("token: the preview link has expired; open the preview again."))
    except BadSignature:
        return _error(404, _("token: no such preview."))
    stored = PagePreview.objects.filter(
        token=token, content_type=ContentType.objects.get_for_model(model)
    ).first()
    if stored is None:
        return _error(404, _("token: no such preview."))
    page = stored.as_page()
    response = JsonResponse(
        serialize_preview(page, request), json_dumps_params={"ensure_ascii": False}
    )
    response["Cache-Control"] = "no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


def serialize_preview(page, request: HttpRequest) -> dict:
    """The draft in the same shape as the public detail endpoint, marked as a preview."""
    data = serialize_page_detail(page, request)
    data["meta"]["preview"] = True
    return data
