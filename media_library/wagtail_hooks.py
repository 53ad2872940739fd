from django.http import Http404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.widgets.button import Button
from wagtail.images.permissions import permission_policy as image_permissions
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.models import GalleryPage
from media_library import views
from media_library.documents import can_download
from media_library.forms import VideoForm
from media_library.models import Video


class VideoViewSet(SnippetViewSet):
    model = Video
    icon = "media"
    menu_label = _("Video files")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["title", "created_at"]
    search_fields = ["title"]
    edit_handler = ObjectList(
        [
            FieldPanel("title"),
            FieldPanel("file"),
            FieldPanel("captions"),
            FieldPanel("collection"),
        ],
        base_form_class=VideoForm,
    )


register_snippet(VideoViewSet)


@hooks.register("register_admin_urls")
def register_gallery_upload_url():
    return [
        path(
            "media/galleries/<int:page_id>/upload/",
            views.gallery_upload,
            name="media_library_gallery_upload",
        )
    ]


@hooks.register("register_page_header_buttons")
def gallery_upload_button(page, user, view_name, next_url=None):
    if (
        page.specific_class is GalleryPage
        and page.permissions_for_user(user).can_edit()
        and image_permissions.user_has_permission(user, "add")
    ):
        yield Button(
            _("Upload photos"),
            reverse("media_library_gallery_upload", args=[page.id]),
            icon_name="image",
            priority=12,
        )


@hooks.register("before_serve_document")
def refuse_private_documents(document, request):
    # A 404, not a 403: readers learn nothing about documents of unpublished pages.
    if not can_download(document, request):
        raise Http404
