"""Names for the admin's screens in the editor's language, where Wagtail shows identifiers."""

from django import template
from django.contrib.contenttypes.models import ContentType

register = template.Library()


@register.filter
def app_verbose_name(content_type: ContentType) -> str:
    """{{ page_type|app_verbose_name }} -> "Nội dung trang" (for home.articlepage)."""
    model = content_type.model_class()
    if model is None:
        return content_type.app_label
    return str(model._meta.app_config.verbose_name)
