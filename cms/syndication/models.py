"""Syndication records: the change log, the consumers' API keys and webhook subscriptions.

``ChangeEvent`` is an append-only log: its id is the change feed's sequence, and webhook
deliveries are written beside it in the same transaction (a transactional outbox).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cms.syndication.addresses import validate_subscriber_url

# The content type of events about answered questions in "Hỏi đáp": their page_id holds the
# question's id, and cms/syndication/changes.py tells them apart by it.
QUESTION = "home.ReaderQuestion"


class ChangeEvent(models.Model):
    """One change to public content, as the provincial portal sees it."""

    CREATED = "created"
    UPDATED = "updated"
    UNPUBLISHED = "unpublished"
    RETRACTED = "retracted"
    EXPIRED = "expired"
    DELETED = "deleted"
    MOVED = "moved"
    TRANSLATED = "translated"
    TYPES = [
        (CREATED, _("created")),
        (UPDATED, _("updated")),
        (UNPUBLISHED, _("unpublished")),
        (RETRACTED, _("retracted")),
        (EXPIRED, _("expired")),
        (DELETED, _("deleted")),
        (MOVED, _("moved")),
        (TRANSLATED, _("translated")),
    ]
    REMOVALS = {UNPUBLISHED, RETRACTED, EXPIRED, DELETED}

    id = models.BigAutoField(primary_key=True)
    event_type = models.CharField(_("event"), max_length=16, choices=TYPES)
    # No foreign key: the event outlives the page it tells about (tombstones).
    page_id = models.BigIntegerField(_("page id"), db_index=True)
    content_type = models.CharField(_("content type"), max_length=100)
    locale = models.CharField(_("locale"), max_length=20, blank=True)
    url_path = models.CharField(_("URL path"), max_length=2048, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    created_at = models.DateTimeField(_("time"), db_index=True)

    class Meta:
        verbose_name = _("change event")
        verbose_name_plural = _("change events")
        ordering = ["id"]

    def __str__(self) -> str:
        return f"#{self.id} {self.event_type} {self.content_type} {self.page_id}"


class ChangeFeedState(models.Model):
    """A single row: the highest event id purged so far (cursors below it are too old)."""

    purged_through = models.BigIntegerField(default=0)
    purged_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"purged through #{self.purged_through}"


class APIKey(models.Model):
    """A consumer's key to the change feed. Only its SHA-256 digest is stored."""

    name = models.CharField(
        _("consumer"),
        max_length=200,
        help_text=_("Who uses this key, e.g. 'Cổng thông tin điện tử tỉnh'."),
    )
    prefix = models.CharField(_("key prefix"), max_length=16, editable=False, db_index=True)
    digest = models.CharField(max_length=64, unique=True, editable=False)
    active = models.BooleanField(
        _("active"), default=True, help_text=_("Untick to revoke the key at once.")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True, editable=False)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("API key")
        verbose_name_plural = _("API keys")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"


class WebhookSubscription(models.Model):
    """A URL that receives every change event as a signed JSON POST."""

    name = models.CharField(_("subscriber"), max_length=200)
    url = models.URLField(
        _("URL"),
        max_length=1000,
        validators=[validate_subscriber_url],
        help_text=_("http:// or https:// on a public address; receives a POST per change."),
    )
    secret = models.CharField(
        _("secret"),
        max_length=200,
        help_text=_("Shared with the subscriber, who checks the HMAC-SHA256 signature with it."),
    )
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("webhook subscription")
        verbose_name_plural = _("webhook subscriptions")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class WebhookDelivery(models.Model):
    """One event to send to one subscriber: pending, retried with backoff, delivered or failed."""

    PENDING = "pending"
    DELIVERED = "delivered"
    FAILED = "failed"
    STATUSES = [(PENDING, _("pending")), (DELIVERED, _("delivered")), (FAILED, _("failed"))]

    subscription = models.ForeignKey(
        WebhookSubscription,
        verbose_name=_("subscriber"),
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    event = models.ForeignKey(
        ChangeEvent, verbose_name=_("event"), on_delete=models.CASCADE, related_name="+"
    )
    status = models.CharField(_("status"), max_length=16, choices=STATUSES, default=PENDING)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"))
    created_at = models.DateTimeField(_("created at"))
    delivered_at = models.DateTimeField(_("delivered at"), null=True, blank=True)
    last_status_code = models.PositiveIntegerField(_("HTTP status"), null=True, blank=True)
    last_latency_ms = models.PositiveIntegerField(_("latency (ms)"), null=True, blank=True)
    last_error = models.TextField(_("error"), blank=True)

    class Meta:
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        ordering = ["-id"]
        indexes = [models.Index(fields=["status", "subscription", "id"])]

    def __str__(self) -> str:
        return f"{self.subscription} #{self.event_id} {self.status}"
