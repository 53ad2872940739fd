"""Which change to content becomes which change event.

page_published       -> created (first publication), translated (first publication of a
                        translation), updated (any later one)
page_unpublished     -> retracted (an active Retraction exists: cms/editorial/retraction.py
                        writes it before unpublishing), expired (Wagtail's scheduler), unpublished
Page deleted         -> deleted, for every page of the branch (pre_delete: the rows are
                        still there to read)
Page saved live      -> created (made live in code, e.g. Page.add_child, without publishing)
url_path changed     -> moved, for the live pages of the branch (a move, or a new slug)
view restriction     -> unpublished (added) / updated (removed), for the live branch
ReaderQuestion saved -> created (now public in "Hỏi đáp"), updated (public before and now),
                        deleted (public before, not now); deleted while public -> deleted

Scheduled publishing and expiry go through the same Wagtail actions, so they are recorded
without a request. Wagtail's publish, unpublish, move and delete actions run outside a
transaction; ``connect`` wraps them in one so the event commits with the change.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.utils.translation import gettext as _
from wagtail.actions.delete_page import DeletePageAction
from wagtail.actions.move_page import MovePageAction
from wagtail.actions.publish_page_revision import PublishPageRevisionAction
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished

from cms.syndication import recording
from cms.syndication.models import ChangeEvent


def on_published(sender, instance: Page, **kwargs) -> None:
    first = instance.first_published_at == instance.last_published_at
    event_type = ChangeEvent.UPDATED
    if first:
        translated = (
            Page.objects.filter(translation_key=instance.translation_key)
            .exclude(pk=instance.pk)
            .exists()
        )
        event_type = ChangeEvent.TRANSLATED if translated else ChangeEvent.CREATED
    recording.record_page(event_type, instance)


def on_unpublished(sender, instance: Page, **kwargs) -> None:
    from home.models import Retraction

    if Page.objects.filter(pk=instance.pk, live=True).exists():
        # Wagtail "unpublishes" pages about to be deleted without saving them (the
        # deletion is their event), and nothing was committed then.
        return
    retraction = Retraction.objects.active().filter(page_id=instance.pk).first()
    if retraction is not None:
        recording.record_page(ChangeEvent.RETRACTED, instance, retraction.reason)
    elif instance.expired:
        recording.record_page(ChangeEvent.EXPIRED, instance)
    else:
        recording.record_page(ChangeEvent.UNPUBLISHED, instance)


def on_page_deleting(sender, instance: Page, **kwargs) -> None:
    # Sent for every page row of a deleted branch (the base Page model is always collected).
    # Not only live ones: Wagtail may already have marked it not live in memory, and a
    # tombstone for something a consumer never had costs it nothing.
    recording.record_page(ChangeEvent.DELETED, instance)


def remember_url_path(sender, instance, raw: bool = False, update_fields=None, **kwargs) -> None:
    if raw or not isinstance(instance, Page) or instance.pk is None:
        return
    if update_fields is not None and not {"url_path", "slug"} & set(update_fields):
        return
    instance._syndication_old_url_path = (
        Page.objects.filter(pk=instance.pk).values_list("url_path", flat=True).first()
    )


def on_page_saved(sender, instance, raw: bool = False, created: bool = False, **kwargs) -> None:
    if raw or not isinstance(instance, Page):
        return
    if created and instance.live:
        # Pages made live in code (Page.add_child defaults to live, copies, imports) are
        # public without ever being "published".
        recording.record_page(ChangeEvent.CREATED, instance)
        return
    old = getattr(instance, "_syndication_old_url_path", None)
    if old is None:
        return
    del instance._syndication_old_url_path
    if old != instance.url_path:
        # Descendants' url_paths are rewritten right after this save, in the same
        # transaction; the events are read later, when they hold the new values.
        recording.record_subtree(ChangeEvent.MOVED, instance.path)


def on_restriction_saved(sender, instance: PageViewRestriction, raw=False, **kwargs) -> None:
    if not raw:
        reason = _("Access to this content is now restricted.")
        recording.record_subtree(ChangeEvent.UNPUBLISHED, instance.page.path, reason)


def on_restriction_deleted(sender, instance: PageViewRestriction, **kwargs) -> None:
    page = Page.objects.filter(pk=instance.page_id).only("path").first()
    if page is not None:
        recording.record_subtree(ChangeEvent.UPDATED, page.path)


def on_question_saved(sender, instance, raw: bool = False, **kwargs) -> None:
    if raw:
        return
    # What the last save (or the load) stored: ReaderQuestion.save sets it after this signal.
    was_public = getattr(instance, "_was_public", False)
    if instance.is_public:
        event_type = ChangeEvent.UPDATED if was_public else ChangeEvent.CREATED
        recording.record_question(event_type, instance.pk)
    elif was_public:
        recording.record_question(ChangeEvent.DELETED, instance.pk)


def on_question_deleted(sender, instance, **kwargs) -> None:
    if instance.is_public or getattr(instance, "_was_public", False):
        recording.record_question(ChangeEvent.DELETED, instance.pk)


def _atomic(method):
    if getattr(method, "_syndication_atomic", False):
        return method

    def execute(self, *args, **kwargs):
        with transaction.atomic():
            return method(self, *args, **kwargs)

    execute._syndication_atomic = True
    return execute


def connect() -> None:
    for action in (
        PublishPageRevisionAction,
        UnpublishPageAction,
        MovePageAction,
        DeletePageAction,
    ):
        action.execute = _atomic(action.execute)
    uid = "syndication"
    page_published.connect(on_published, dispatch_uid=f"{uid}.published")
    page_unpublished.connect(on_unpublished, dispatch_uid=f"{uid}.unpublished")
    pre_delete.connect(on_page_deleting, sender=Page, dispatch_uid=f"{uid}.deleting")
    pre_save.connect(remember_url_path, dispatch_uid=f"{uid}.url_path_pre")
    post_save.connect(on_page_saved, dispatch_uid=f"{uid}.page_saved")
    post_save.connect(
        on_restriction_saved, sender=PageViewRestriction, dispatch_uid=f"{uid}.restricted"
    )
    from home.models import ReaderQuestion

    post_save.connect(on_question_saved, sender=ReaderQuestion, dispatch_uid=f"{uid}.question")
    post_delete.connect(
        on_question_deleted, sender=ReaderQuestion, dispatch_uid=f"{uid}.question_deleted"
    )
    post_delete.connect(
        on_restriction_deleted, sender=PageViewRestriction, dispatch_uid=f"{uid}.unrestricted"
    )
