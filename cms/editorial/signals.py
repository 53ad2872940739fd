"""Signal wiring of the editorial office."""

from wagtail.signals import page_published

from cms.editorial.retraction import close_retractions_on_publish

page_published.connect(close_retractions_on_publish, dispatch_uid="close_retractions_on_publish")
