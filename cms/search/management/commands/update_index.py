"""Wagtail's update_index, plus the reader search's documents (cms.search).

Shadows wagtail.search's command (home comes first in INSTALLED_APPS), so the one command
editors and the demo loader already run also rebuilds what the reader API searches.
"""

from wagtail.search.management.commands.update_index import Command as WagtailUpdateIndex

from cms.search.index import rebuild


class Command(WagtailUpdateIndex):
    def handle(self, **options):
        super().handle(**options)
        count = rebuild()
        if options.get("verbosity", 1) >= 1:
            self.stdout.write(f"Reader search: {count} pages indexed.")
