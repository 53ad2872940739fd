"""Signal wiring of the editorial office."""

from django.db.models.signals import pre_delete
from wagtail.signals import page_published

from cms.editorial.retraction import close_retractions_on_publish, keep_record_of_deleted_page

page_published.connect(close_retractions_on_publish, dispatch_uid="close_retractions_on_publish")
pre_delete.connect(keep_record_of_deleted_page, dispatch_uid="keep_record_of_deleted_page")
