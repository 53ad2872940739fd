from django.db.models.signals import pre_save
from django.dispatch import receiver
from wagtail.signals import page_published

from home.retraction import close_retractions_on_publish
from home.text_fields import compose_text_fields

# Apps whose models store text typed by editors; taggit holds the tag names.
NFC_APPS = {"home", "media_library", "taggit"}


@receiver(pre_save)
def store_text_in_nfc(sender, instance, raw: bool = False, **kwargs) -> None:
    if not raw and sender._meta.app_label in NFC_APPS:
        compose_text_fields(instance)


page_published.connect(close_retractions_on_publish, dispatch_uid="close_retractions_on_publish")
