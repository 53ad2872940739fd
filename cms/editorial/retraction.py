"""Retraction ("gỡ bài"): the editorial board takes live content down, with a reason.

A retraction unpublishes the page at once (so it leaves the API, feeds, search and sitemap)
and records who, when and why; restoring publishes the retracted revision again.
"""

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Page

from cms.editorial import roles
from cms.vietnamese import nfc
from home.models import Retraction
from home.models.base import PREFETCHED_RETRACTIONS

RETRACT_ACTION = "home.retract"
RESTORE_ACTION = "home.restore"


def can_retract(page: Page, user: AbstractBaseUser) -> bool:
    return page.live and page.permissions_for_user(user).can_unpublish()


def is_retracted(page: Page) -> bool:
    """Whether an active retraction keeps page down; a listing's prefetch answers without a
    query (cms.editorial.wagtail_hooks.prefetch_active_retractions), and a live page has none:
    publishing closes them (close_retractions_on_publish), so listings without the prefetch
    (the admin's page search) ask only for their pages that are not live."""
    if page.live:
        return False
    if hasattr(page, PREFETCHED_RETRACTIONS):
        return bool(getattr(page, PREFETCHED_RETRACTIONS))
    return page.retractions.active().exists()


def can_restore(page: Page, user: AbstractBaseUser) -> bool:
    return is_retracted(page) and page.permissions_for_user(user).can_publish()


@transaction.atomic
def retract(page: Page, user: AbstractBaseUser, reason: str) -> Retraction:
    """Unpublish a live page and record why. Raises PermissionDenied or ValidationError."""
    reason = nfc(reason or "").strip()
    if not can_retract(page, user):
        raise PermissionDenied
    if not reason:
        raise ValidationError(_("Give the reason for retracting."))
    # The page as stored: an instance held since it was published may not know its live
    # revision, which restoring needs.
    page = Page.objects.get(pk=page.pk).specific
    retraction = Retraction.objects.create(
        page=page,
        page_title=page.title,
        reason=reason,
        retracted_by=user,
        revision=page.live_revision,
    )
    page.unpublish(user=user, log_action=False)
    log(instance=page, action=RETRACT_ACTION, user=user, data={"reason": reason})
    return retraction


@transaction.atomic
def restore(page: Page, user: AbstractBaseUser) -> Retraction:
    """Publish the retracted revision again and close the retraction."""
    if not can_restore(page, user):
        raise PermissionDenied
    retraction = page.retractions.active().select_for_update().get()
    retraction.restored_at = timezone.now()
    retraction.restored_by = user
    retraction.save(update_fields=["restored_at", "restored_by"])
    revision = retraction.revision or page.latest_revision
    revision.publish(user=user, log_action=RESTORE_ACTION)
    return retraction


def may_delete(page: Page, user: AbstractBaseUser) -> bool:
    """A retracted page, or a branch holding one, is deleted by the editorial board only:
    the retraction is part of the office's record, not a draft to throw away."""
    if roles.is_editorial_board(user):
        return True
    branch = Page.objects.filter(path__startswith=page.path, depth__gte=page.depth)
    return not Retraction.objects.active().filter(page_id__in=branch.values("id")).exists()


def refuse_deleting_retracted(request, page: Page) -> None:
    if not may_delete(page, request.user):
        raise PermissionDenied


def keep_record_of_deleted_page(sender, instance, **kwargs) -> None:
    """Before a page goes, its retractions copy what they would lose with it: the title and
    the retracted revision's content (the revision rows are deleted with the page)."""
    if not isinstance(instance, Page):
        return
    retractions = Retraction.objects.filter(page_id=instance.pk, revision_content__isnull=True)
    for retraction in retractions.select_related("revision"):
        retraction.page_title = retraction.page_title or instance.title
        retraction.revision_content = retraction.revision.content if retraction.revision else {}
        retraction.save(update_fields=["page_title", "revision_content"])


def close_retractions_on_publish(sender, instance: Page, **kwargs) -> None:
    """Publishing a retracted page by other means (a corrected version) ends the retraction."""
    Retraction.objects.active().filter(page_id=instance.pk).update(restored_at=timezone.now())
