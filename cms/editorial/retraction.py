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

from cms.vietnamese import nfc
from home.models import Retraction

RETRACT_ACTION = "home.retract"
RESTORE_ACTION = "home.restore"


def can_retract(page: Page, user: AbstractBaseUser) -> bool:
    return page.live and page.permissions_for_user(user).can_unpublish()


def can_restore(page: Page, user: AbstractBaseUser) -> bool:
    return page.retractions.active().exists() and page.permissions_for_user(user).can_publish()


@transaction.atomic
def retract(page: Page, user: AbstractBaseUser, reason: str) -> Retraction:
    """Unpublish a live page and record why. Raises PermissionDenied or ValidationError."""
    reason = nfc(reason or "").strip()
    if not can_retract(page, user):
        raise PermissionDenied
    if not reason:
        raise ValidationError(_("Give the reason for retracting."))
    page = page.specific
    retraction = Retraction.objects.create(
        page=page, reason=reason, retracted_by=user, revision=page.live_revision
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


def close_retractions_on_publish(sender, instance: Page, **kwargs) -> None:
    """Publishing a retracted page by other means (a corrected version) ends the retraction."""
    Retraction.objects.active().filter(page_id=instance.pk).update(restored_at=timezone.now())
