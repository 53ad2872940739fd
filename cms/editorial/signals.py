"""Signal wiring of the editorial office: retractions closed on publish and kept when a page
is deleted; repeated saves of one editing session folded into one audit row."""

from django.db.models.signals import post_save, pre_delete
from wagtail.models import ModelLogEntry, PageLogEntry
from wagtail.signals import page_published

from cms.editorial.audit import fold_repeated_saves
from cms.editorial.retraction import close_retractions_on_publish, keep_record_of_deleted_page

page_published.connect(close_retractions_on_publish, dispatch_uid="close_retractions_on_publish")
pre_delete.connect(keep_record_of_deleted_page, dispatch_uid="keep_record_of_deleted_page")
for log_model in (PageLogEntry, ModelLogEntry):
    post_save.connect(
        fold_repeated_saves, sender=log_model, dispatch_uid=f"fold_saves_{log_model.__name__}"
    )
