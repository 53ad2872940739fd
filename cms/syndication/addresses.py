"""Where webhooks may go: http(s) URLs on public addresses only.

Subscriber URLs are checked when saved and again, by resolving the host, right before each
delivery, whose connection then goes to the address that was checked: a name that resolved
to a public address at registration and to 10.0.0.5 later (DNS rebinding) is refused too.
WEBHOOK_ALLOW_PRIVATE_URLS lifts the rule for private networks and tests.
"""

import ipaddress
import socket
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def _is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%")[0])
    if ip.version == 6 and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def resolve(url: str) -> tuple[str, int, list[str]]:
    """(host, port, addresses allowed to connect to) or ValidationError."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValidationError(_("Only http:// and https:// addresses can receive webhooks."))
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as error:
        raise ValidationError(_("The port of this address is not valid.")) from error
    try:
        infos = socket.getaddrinfo(parts.hostname, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise ValidationError(_("The host name of this address cannot be resolved.")) from error
    addresses = list(dict.fromkeys(info[4][0] for info in infos))
    if not addresses:
        raise ValidationError(_("The host name of this address cannot be resolved."))
    if not settings.WEBHOOK_ALLOW_PRIVATE_URLS and not all(map(_is_public, addresses)):
        raise ValidationError(
            _(
                "This address is on a private, loopback or reserved network; webhooks "
                "only go to public addresses."
            )
        )
    return parts.hostname, port, addresses


def validate_subscriber_url(url: str) -> None:
    resolve(url)
