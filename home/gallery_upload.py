"""Admin view: upload many photos at once into a gallery."""

import os

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.images import get_image_model
from wagtail.images.forms import get_image_form
from wagtail.images.permissions import permission_policy as image_permissions

from home.models import GalleryImage, GalleryPage
from media_library.forms import GalleryUploadForm


def gallery_upload(request: HttpRequest, page_id: int) -> HttpResponse:
    """Each photo goes through the image library's checks (type, size, pixels, metadata) and
    storage; the accepted ones are appended, in upload order, to a new draft of the gallery.
    A photo already in the library is reused instead of stored twice."""
    page = get_object_or_404(GalleryPage, id=page_id)
    if not (
        page.permissions_for_user(request.user).can_edit()
        and image_permissions.user_has_permission(request.user, "add")
    ):
        raise PermissionDenied
    collections = image_permissions.collections_user_has_permission_for(request.user, "add")
    form = GalleryUploadForm(request.POST or None, request.FILES or None, collections=collections)
    if request.method == "POST" and form.is_valid():
        images, reused = [], []
        for upload in form.cleaned_data["images"]:
            image, duplicate, errors = _add_image(request, upload, form.cleaned_data["collection"])
            if errors:
                messages.error(request, f"{upload.name}: {' '.join(errors)}")
            else:
                images.append(image)
                if duplicate:
                    reused.append(image.title)
        if images:
            _append_to_draft(page, images, request.user)
            messages.success(
                request,
                ngettext(
                    "%(count)d photo added to the gallery draft; add captions and reorder "
                    "them below, then publish.",
                    "%(count)d photos added to the gallery draft; add captions and reorder "
                    "them below, then publish.",
                    len(images),
                )
                % {"count": len(images)},
            )
        for title in reused:
            messages.info(
                request,
                _("“%(title)s” was already in the image library: the existing image is used.")
                % {"title": title},
            )
        if images:
            return redirect("wagtailadmin_pages:edit", page.id)
    return TemplateResponse(
        request,
        "home/admin/gallery_upload.html",
        {
            "page": page,
            "form": form,
            "header_title": _("Upload photos to %(title)s") % {"title": page.title},
            "page_title": _("Upload photos"),
            "page_subtitle": page.get_admin_display_title(),
            "header_icon": "image",
        },
        status=400 if form.errors else 200,
    )


def _add_image(request: HttpRequest, upload, collection):
    """(image, is_duplicate, errors) for one uploaded file."""
    image_form = get_image_form(get_image_model())(
        {"title": os.path.splitext(upload.name)[0], "collection": collection.id},
        {"file": upload},
        user=request.user,
        reuse_duplicate=True,
    )
    if not image_form.is_valid():
        return None, False, [e for errors in image_form.errors.values() for e in errors]
    if image_form.duplicate is not None:
        return image_form.duplicate, True, []
    image = image_form.save(commit=False)
    image.uploaded_by_user = request.user
    image.save()
    return image, False, []


def _append_to_draft(page: GalleryPage, images: list, user) -> None:
    draft = page.get_latest_revision_as_object()
    photos = list(draft.gallery_images.all())
    next_order = max((p.sort_order or 0 for p in photos), default=-1) + 1
    draft.gallery_images = photos + [
        GalleryImage(image=image, sort_order=next_order + index)
        for index, image in enumerate(images)
    ]
    draft.save_revision(user=user, log_action=True)
