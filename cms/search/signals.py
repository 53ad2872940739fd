"""Signal wiring of search: a page's document is rewritten whenever it is published."""

from wagtail.signals import page_published

from cms.search.index import on_page_published

page_published.connect(on_page_published, dispatch_uid="cms.search.on_page_published")
