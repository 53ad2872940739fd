"""A published question deleted (one or many, from the admin's bulk delete) changes "Hỏi đáp"."""

from django.db.models.signals import post_delete
from django.dispatch import receiver

from cms.api.cache import bump_api_cache
from home.models import ReaderQuestion


@receiver(post_delete, sender=ReaderQuestion)
def _bump_when_a_public_question_goes(sender, instance: ReaderQuestion, **kwargs) -> None:
    if instance.published:
        bump_api_cache()
