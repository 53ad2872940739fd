from django import template

from cms.authentication import two_factor

register = template.Library()


@register.simple_tag(takes_context=True)
def site_name(context) -> str:
    """The site's name (Cài đặt → Trang web) for the sign-in pages, in place of "Wagtail"."""
    return two_factor.site_name(context["request"])
