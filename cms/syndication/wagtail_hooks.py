"""Syndication in the admin (Settings menu): API keys, webhook subscriptions, deliveries."""

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet

from cms.syndication import admin_views
from cms.syndication.models import APIKey, WebhookSubscription


class APIKeyViewSet(ModelViewSet):
    model = APIKey
    icon = "key"
    menu_label = _("API keys")
    add_to_settings_menu = True
    form_fields = ["name", "active"]
    list_display = ["name", "prefix", "active", "created_at", "last_used_at", "revoked_at"]
    add_view_class = admin_views.APIKeyCreateView
    edit_view_class = admin_views.APIKeyEditView


class WebhookSubscriptionViewSet(ModelViewSet):
    model = WebhookSubscription
    icon = "resubmit"
    menu_label = _("Webhooks")
    add_to_settings_menu = True
    form_fields = ["name", "url", "secret", "active"]
    list_display = ["name", "url", "active", "created_at"]


@hooks.register("register_admin_viewset")
def register_viewsets() -> list:
    return [
        APIKeyViewSet("syndication_api_keys"),
        WebhookSubscriptionViewSet("syndication_webhooks"),
    ]


@hooks.register("register_admin_urls")
def delivery_urls() -> list:
    return [
        path(
            "syndication/deliveries/",
            admin_views.DeliveryLogView.as_view(),
            name="syndication_deliveries",
        ),
        path(
            "syndication/deliveries/<int:delivery_id>/redeliver/",
            admin_views.redeliver,
            name="syndication_redeliver",
        ),
    ]


class DeliveriesMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return admin_views.can_see_deliveries(request.user)


@hooks.register("register_settings_menu_item")
def deliveries_menu_item() -> MenuItem:
    return DeliveriesMenuItem(
        _("Webhook deliveries"),
        reverse("syndication_deliveries"),
        icon_name="list-ul",
        order=910,
    )


@hooks.register("register_permissions")
def delivery_permissions():
    """Lets the group editor grant the delivery log (view) and the redeliver button (change)."""
    return Permission.objects.filter(
        content_type__app_label="syndication",
        codename__in=["view_webhookdelivery", "change_webhookdelivery"],
    )
