from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from cms.plone_import.importer import HISTORY_ACTION


@hooks.register("register_log_actions")
def plone_log_actions(actions) -> None:
    @actions.register_action(HISTORY_ACTION)
    class PloneHistoryFormatter(LogFormatter):
        label = _("Imported from Plone")

        def format_message(self, log_entry) -> str:
            data = log_entry.data or {}
            return _("Plone: %(action)s by %(actor)s (%(state)s)") % {
                "action": data.get("action") or "-",
                "actor": data.get("actor") or "-",
                "state": data.get("review_state") or "-",
            }

        def format_comment(self, log_entry) -> str:
            return (log_entry.data or {}).get("comment", "")
