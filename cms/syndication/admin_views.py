"""Admin views of syndication: API keys shown once, revoked by unticking, and the webhook
delivery log with its redeliver button."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.views.generic import CreateView, EditView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log

from cms.syndication import api_keys, webhooks
from cms.syndication.models import WebhookDelivery

DELIVERY_LOG_SIZE = 200


class APIKeyCreateView(CreateView):
    def save_instance(self):
        instance = self.form.save(commit=False)
        self.issued_key = api_keys.issue(instance)
        instance.created_by = self.request.user
        instance.save()
        log(instance=instance, action="wagtail.create", content_changed=True)
        return instance

    def get_success_message(self, instance) -> str:
        return _(
            "API key for '%(name)s' created: %(key)s — copy it now and give it to the "
            "consumer; it is not shown again."
        ) % {"name": instance.name, "key": self.issued_key}


class APIKeyEditView(EditView):
    def save_instance(self):
        instance = self.form.save(commit=False)
        if not instance.active and instance.revoked_at is None:
            instance.revoked_at = timezone.now()
        elif instance.active:
            instance.revoked_at = None
        instance.save()
        log(instance=instance, action="wagtail.edit", content_changed=self.form.has_changed())
        return instance


def can_see_deliveries(user) -> bool:
    """Site administrators (Quản trị) and superusers; editors do not."""
    return user.has_perm("syndication.view_webhookdelivery")


def can_redeliver(user) -> bool:
    return user.has_perm("syndication.change_webhookdelivery")


class DeliveryLogView(WagtailAdminTemplateMixin, TemplateView):
    """GET /admin/syndication/deliveries/?status=failed: the latest deliveries."""

    template_name = "syndication/admin/deliveries.html"
    page_title = gettext_lazy("Webhook deliveries")
    header_icon = "resubmit"

    def dispatch(self, request, *args, **kwargs):
        if not can_see_deliveries(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        deliveries = WebhookDelivery.objects.select_related("subscription", "event")
        status = self.request.GET.get("status", "")
        if status in dict(WebhookDelivery.STATUSES):
            deliveries = deliveries.filter(status=status)
        context.update(
            deliveries=deliveries.order_by("-id")[:DELIVERY_LOG_SIZE],
            statuses=WebhookDelivery.STATUSES,
            status=status,
            can_redeliver=can_redeliver(self.request.user),
        )
        return context


@require_POST
def redeliver(request, delivery_id: int):
    if not can_redeliver(request.user):
        raise PermissionDenied
    delivery = get_object_or_404(WebhookDelivery, pk=delivery_id)
    webhooks.redeliver(delivery)
    messages.success(request, _("The delivery is queued again; it is sent within seconds."))
    return redirect("syndication_deliveries")
