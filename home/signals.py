from django.db.models.signals import pre_save
from django.dispatch import receiver

from home.text_fields import compose_text_fields

# Apps whose models store text typed by editors; taggit holds the tag names.
NFC_APPS = {"home", "media_library", "taggit"}


@receiver(pre_save)
def store_text_in_nfc(sender, instance, raw: bool = False, **kwargs) -> None:
    if not raw and sender._meta.app_label in NFC_APPS:
        compose_text_fields(instance)
