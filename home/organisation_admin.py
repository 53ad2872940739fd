"""The organisation chart's admin: "Cơ cấu tổ chức" with its units and leaders.

Both listings are in the editors' order (drag the handle, or the sort order column when
sorting by it), filtered by language; a leader's unit is picked with the unit chooser.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from home.models import Leader, OrganisationUnit


class OrganisationUnitViewSet(SnippetViewSet):
    model = OrganisationUnit
    icon = "group"
    menu_label = _("Units")
    list_display = ["name", Column("parent", label=_("belongs to")), "kind", "live"]
    list_filter = ["kind"]
    search_fields = ["name"]
    sort_order_field = "sort_order"


class LeaderViewSet(SnippetViewSet):
    model = Leader
    icon = "user"
    menu_label = _("Leaders")
    list_display = ["name", "position", Column("unit", label=_("unit")), "live"]
    list_filter = ["unit"]
    search_fields = ["name", "position"]
    sort_order_field = "sort_order"


class OrganisationViewSetGroup(SnippetViewSetGroup):
    items = (OrganisationUnitViewSet, LeaderViewSet)
    menu_icon = "group"
    menu_label = _("Organisation")
    menu_name = "organisation"
    menu_order = 205
