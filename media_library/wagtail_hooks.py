from django.http import Http404
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from media_library.documents import can_download
from media_library.forms import VideoForm
from media_library.models import Video
from media_library.views import original_image


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
            FieldPanel("poster"),
            FieldPanel("collection"),
        ],
        base_form_class=VideoForm,
    )


register_snippet(VideoViewSet)


@hooks.register("before_serve_document")
def refuse_private_documents(document, request):
    # A 404, not a 403: readers learn nothing about documents of unpublished pages.
    if not can_download(document, request):
        raise Http404


@hooks.register("register_admin_urls")
def register_original_image_url():
    # Behind Wagtail's admin login; the image editor's file link points here (the original
    # has no public URL).
    return [
        path(
            "images/<int:image_id>/original/",
            original_image,
            name="media_library_original_image",
        )
    ]
