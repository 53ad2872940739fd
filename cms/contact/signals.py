"""A change to "Hỏi đáp" drops the API's cached responses; a reader's new question does not.

Readers' questions are left out of the API cache's model watcher (cms/api/cache.py,
IGNORED_MODELS): a reader's submission must not flush every cached response.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from cms.api.cache import bump_api_cache
from home.models import ReaderQuestion


@receiver(post_save, sender=ReaderQuestion)
def _bump_when_hoi_dap_changes(sender, instance: ReaderQuestion, **kwargs) -> None:
    if instance.is_public or getattr(instance, "_was_public", False):
        bump_api_cache()


@receiver(post_delete, sender=ReaderQuestion)
def _bump_when_a_public_question_goes(sender, instance: ReaderQuestion, **kwargs) -> None:
    # Bulk deletes too (the admin's): Django sends post_delete for each row.
    if instance.published:
        bump_api_cache()
