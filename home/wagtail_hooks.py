from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.models import Author, LinkedWebsite


class AuthorViewSet(SnippetViewSet):
    model = Author
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


register_snippet(AuthorViewSet)
register_snippet(LinkedWebsiteViewSet)
