"""The content model's admin: snippet viewsets, the gallery's bulk photo upload, and the
Vietnamese rules in the admin's own JavaScript (slugs, typed dates).

The editorial office's admin (retraction, audit log, publishing checks) is in
cms/editorial/wagtail_hooks.py.
"""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets.button import Button
from wagtail.images.permissions import permission_policy as image_permissions
from wagtail.log_actions import log
from wagtail.models import Locale
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetCreateView,
)
from wagtail.snippets.views.snippets import SnippetViewSet

from home import (
    gallery_upload,
    work_schedule_admin,  # noqa: F401  (its hooks: copy to next week)
)
from home.models import Author, GalleryPage, LinkedWebsite, SiteIdentity
from home.organisation_admin import OrganisationViewSetGroup


class LanguageLabelMixin:
    """A chooser whose language filter is labelled "Ngôn ngữ" (Wagtail gives it none, so the
    form shows the field's name, "Locale")."""

    def get_filter_form_class(self) -> type:
        base = super().get_filter_form_class()

        class FilterForm(base):
            def __init__(self, *args, **kwargs) -> None:
                super().__init__(*args, **kwargs)
                if "locale" in self.fields:
                    self.fields["locale"].label = _("Language")

        return FilterForm


class AuthorChooseView(LanguageLabelMixin, ChooseView):
    pass


class AuthorChooseResultsView(LanguageLabelMixin, ChooseResultsView):
    pass


class AuthorCreateView(SnippetCreateView):
    """The chooser's "Thêm tác giả" tab: the author is made in the language the editor is
    writing in (the chooser's locale filter, else the default) and logged like any other."""

    def save_form(self, form):
        author = form.save(commit=False)
        code = self.request.GET.get("locale") or self.request.POST.get("locale")
        author.locale = Locale.objects.filter(language_code=code).first() or Locale.get_default()
        author.save()
        log(instance=author, action="wagtail.create", user=self.request.user)
        return author


class AuthorChooserViewSet(SnippetChooserViewSet):
    """A contributor writing an article adds a missing author from the chooser itself
    (permission home.add_author, migration home/0021); changing or deleting authors stays
    with section editors and the board."""

    form_fields = ["name", "position", "unit"]
    create_view_class = AuthorCreateView
    create_action_label = _("Add an author")
    create_action_clicked_label = _("Adding…")
    creation_tab_label = _("New author")
    choose_view_class = AuthorChooseView
    choose_results_view_class = AuthorChooseResultsView


class AuthorViewSet(SnippetViewSet):
    model = Author
    chooser_viewset_class = AuthorChooserViewSet
    icon = "user"
    menu_label = _("Authors")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "position", "unit"]
    search_fields = ["name"]


class LinkedWebsiteViewSet(SnippetViewSet):
    model = LinkedWebsite
    icon = "link"
    menu_label = _("Linked websites")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "url", "active"]
    sort_order_field = "sort_order"


class SiteIdentityViewSet(SnippetViewSet):
    """The owner and footer texts, one per language, next to the site settings."""

    model = SiteIdentity
    icon = "site"
    menu_label = _("Site owner details")
    add_to_settings_menu = True
    list_display = ["organisation_name", "owning_body"]


register_snippet(AuthorViewSet)
register_snippet(LinkedWebsiteViewSet)
register_snippet(SiteIdentityViewSet)
register_snippet(OrganisationViewSetGroup)


# --- Photo galleries: many photos at once -------------------------------------------


@hooks.register("register_admin_urls")
def register_gallery_upload_url():
    return [
        path(
            "media/galleries/<int:page_id>/upload/",
            gallery_upload.gallery_upload,
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


# --- Slugs and dates in the admin's JavaScript ----------------------------------------

ADMIN_SCRIPTS = (
    "home/admin/vietnamese-slugs.js",
    "home/admin/date-inputs.js",
    "home/admin/schedule-dialog.js",
    "home/admin/form-validation.js",
)
ADMIN_STYLESHEETS = ("home/admin/schedule-dialog.css",)


@hooks.register("insert_global_admin_js")
def vietnamese_admin_scripts() -> str:
    """Files, not inline code (the admin's Content-Security-Policy). They run after Wagtail's
    own scripts and before the page's widgets start: slugs follow cms.vietnamese.slugify_vi
    as the title is typed, a typed date is never replaced by the date picker, the scheduling
    dialog keeps "Lưu lịch" in reach and out of autosave, and the browser's own form checks
    speak Vietnamese."""
    return format_html_join(
        "\n", '<script src="{}"></script>', ((static(s),) for s in ADMIN_SCRIPTS)
    )


@hooks.register("insert_global_admin_css")
def vietnamese_admin_stylesheets() -> str:
    return format_html_join(
        "\n", '<link rel="stylesheet" href="{}">', ((static(s),) for s in ADMIN_STYLESHEETS)
    )


# The document library's managed lists (types, issuing bodies, fields); wagtail-localize's
# translation buttons in the explorer, without two queries per row.
from home import documents_admin, translation_admin  # noqa: E402, F401
