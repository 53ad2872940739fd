"""The one admin view of the media library: an image's original, for staff.

Originals are in private storage (media_library.storage), so Wagtail's "view the original"
link in the image editor points here instead of at a storage URL:
``/admin/images/42/original/`` streams the file to editors who may change or choose it.
"""

import mimetypes

from django.http import FileResponse, Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_cache_control
from wagtail.images import get_image_model
from wagtail.images.permissions import permission_policy


def original_image(request: HttpRequest, image_id: int) -> FileResponse:
    image = get_object_or_404(get_image_model(), id=image_id)
    if not permission_policy.user_has_any_permission_for_instance(
        request.user, ["change", "choose"], image
    ):
        raise Http404
    response = FileResponse(
        image.file.storage.open(image.file.name, "rb"),
        content_type=mimetypes.guess_type(image.file.name)[0] or "application/octet-stream",
        filename=image.filename,
    )
    # Never kept by a shared cache (a CDN in front of the admin).
    patch_cache_control(response, private=True, no_cache=True)
    return response
