"""Where webhooks may go: http(s) URLs on public addresses only.

Subscriber URLs are checked when saved and again, by resolving the host, right before each
delivery, whose connection then goes to the address that was checked: a name that resolved
to a public address at registration and to 10.0.0.5 later (DNS rebinding) is refused too,
and so is an IPv6 address that carries a private IPv4 one (NAT64, 6to4, Teredo, mapped).
WEBHOOK_ALLOW_PRIVATE_URLS lifts the rule for private networks and tests.
"""

import ipaddress
import socket
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# IPv6 addresses that carry an IPv4 address in their last 32 bits, where their packets go
# (NAT64's well-known prefix, IPv4-compatible and IPv4-translated addresses; RFC 6052, 4291,
# 6145). ``is_global`` judges the IPv6 prefix only: 64:ff9b::a00:5 reaches 10.0.0.5.
_IPV4_IN_LAST_32_BITS = (
    ipaddress.ip_network("64:ff9b::/96"),
    ipaddress.ip_network("::/96"),
    ipaddress.ip_network("::ffff:0:0:0/96"),
)
# NAT64 inside one organisation (RFC 8215): never public, whatever it carries.
_LOCAL_NAT64 = ipaddress.ip_network("64:ff9b:1::/48")


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """The IPv4 addresses inside an IPv6 one: 2002:7f00:1:: (6to4) -> [127.0.0.1]."""
    found = [ip.sixtofour] if ip.sixtofour else []
    if ip.teredo:
        found.extend(ip.teredo)  # the Teredo server and the client the packets go to
    if any(ip in network for network in _IPV4_IN_LAST_32_BITS):
        found.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    return found


def _is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%")[0])
    if ip.version == 6 and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    checked = [ip]
    if ip.version == 6:
        if ip in _LOCAL_NAT64:
            return False
        checked.extend(_embedded_ipv4(ip))
    return all(each.is_global and not each.is_multicast for each in checked)


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
