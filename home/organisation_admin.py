"""The organisation chart's admin: "Cơ cấu tổ chức" with its units and leaders.

Both listings are in the editors' order (drag the handle, or the sort order column when
sorting by it), filtered by language; a leader's unit is picked with the unit chooser. Both go
through "Quy trình duyệt tin" (home/0031): a section editor submits from the editor's save
menu (*Gửi duyệt*), the approvers approve or send back from the same menu.
"""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import EditView, SnippetViewSet, SnippetViewSetGroup

from home.models import Leader, OrganisationUnit


class ReviewedSnippetEditView(EditView):
    """The editor of a snippet under a workflow, whose approve and send-back messages say what
    happened (Wagtail says "Leader '…' updated." after any workflow action), as the page
    editor's do (cms/editorial/views.py)."""

    def workflow_action_action(self):
        self.acted_on_task = self.object.current_workflow_task
        return super().workflow_action_action()

    def get_success_message(self, instance=None) -> str | None:
        action = getattr(self, "workflow_action", None)
        if self.action != "workflow-action" or action not in ("approve", "reject"):
            return super().get_success_message(instance)
        names = {"object": str(self.object), "task": self.acted_on_task.name}
        fresh = self.model.objects.get(pk=self.object.pk)
        if action == "reject":
            message = gettext("'%(object)s' was sent back with your comment.")
        elif not fresh.workflow_in_progress and fresh.live:
            message = gettext("Step '%(task)s' approved: '%(object)s' is published.")
        else:
            message = gettext("Step '%(task)s' of '%(object)s' approved; it goes to the next step.")
        return message % names


class OrganisationUnitViewSet(SnippetViewSet):
    model = OrganisationUnit
    edit_view_class = ReviewedSnippetEditView
    icon = "group"
    menu_label = _("Units")
    list_display = ["name", Column("parent", label=_("belongs to")), "kind", "live"]
    list_filter = ["kind"]
    search_fields = ["name"]
    sort_order_field = "sort_order"


class LeaderViewSet(SnippetViewSet):
    model = Leader
    edit_view_class = ReviewedSnippetEditView
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
