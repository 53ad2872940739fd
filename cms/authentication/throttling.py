"""Login throttling with django-axes: lockouts per username and per client address.

Settings (``cms/settings/base.py``): ``LOGIN_FAILURE_LIMIT`` failures lock a username,
``LOGIN_FAILURE_LIMIT_PER_IP`` failures lock an address, for ``LOGIN_LOCKOUT_MINUTES``.
Attempts are rows in the database (``axes.models.AccessAttempt``), so a Redis outage does not
switch the throttle off. Administrators unlock in *Cài đặt → Khoá đăng nhập*
(``cms.authentication.views``) or with ``manage.py axes_reset_username`` / ``axes_reset_ip``.
"""

import ipaddress
import math
from dataclasses import dataclass
from datetime import datetime

from axes.backends import AxesStandaloneBackend
from axes.handlers.database import AxesDatabaseHandler
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Max, Sum
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone


class LoginThrottleBackend(AxesStandaloneBackend):
    """Refuses every sign-in, the right password included, while the client is locked out.

    A call without a request (the test client's ``login()``, a shell) has no client to count
    and is left to the next backend; every sign-in form passes its request.
    """

    def authenticate(self, request: HttpRequest | None, *args, **kwargs) -> None:
        if request is None:
            return None
        return super().authenticate(request, *args, **kwargs)


def _trusted(address: str) -> bool:
    if "*" in settings.TRUSTED_PROXIES:
        return True
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    for proxy in settings.TRUSTED_PROXIES:
        try:
            if ip in ipaddress.ip_network(proxy, strict=False):
                return True
        except ValueError:
            continue
    return False


def client_ip(request: HttpRequest) -> str:
    """The address a sign-in is counted under.

    ``REMOTE_ADDR`` unless the request came through a trusted proxy (``TRUSTED_PROXIES``):
    then the right-most address of ``X-Forwarded-For`` that is not a trusted proxy, which is
    the one the proxy saw (nginx: ``proxy_set_header X-Forwarded-For
    $proxy_add_x_forwarded_for``). Addresses a client wrote into the header itself stand to
    the left of it and are never used.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    if not _trusted(remote):
        return remote
    forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    for address in reversed([a for a in forwarded if a]):
        if not _trusted(address):
            try:
                return str(ipaddress.ip_address(address))
            except ValueError:
                return remote  # not an address: the header is not the proxy's
    return remote


class LoginThrottleHandler(AxesDatabaseHandler):
    """django-axes' database handler with a higher limit for addresses than for usernames.

    ``AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]`` gives two counts; axes compares
    the larger with one limit (``AXES_FAILURE_LIMIT``, the username's). The address's count
    only counts once it reaches ``LOGIN_FAILURE_LIMIT_PER_IP``.
    """

    def get_failures(self, request: HttpRequest, credentials: dict | None = None) -> int:
        by_username, by_address = (
            attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        )
        if by_address >= settings.LOGIN_FAILURE_LIMIT_PER_IP:
            return max(by_username, settings.LOGIN_FAILURE_LIMIT)
        return by_username

    def reset_user_attempts(self, request: HttpRequest, credentials: dict | None = None) -> int:
        # A successful sign-in clears that username's failures, not the address's: signing
        # in to one's own account must not reset the count of someone trying many accounts.
        by_username = self.filter_user_attempts(request, credentials)[0]
        return by_username.delete()[0]


@dataclass
class Lockout:
    """A username or an address locked out now, for the administrators' list."""

    kind: str  # "username" or "ip_address"
    value: str
    failures: int
    until: datetime


def current_lockouts() -> list[Lockout]:
    """Usernames and addresses whose recent failures reached their limit, newest first."""
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    recent = AccessAttempt.objects.filter(attempt_time__gte=since)
    found = []
    for kind, limit in (
        ("username", settings.LOGIN_FAILURE_LIMIT),
        ("ip_address", settings.LOGIN_FAILURE_LIMIT_PER_IP),
    ):
        rows = (
            recent.exclude(**{f"{kind}__isnull": True})
            .values(kind)
            .annotate(failures=Sum("failures_since_start"), last=Max("attempt_time"))
            .filter(failures__gte=limit)
        )
        found += [
            Lockout(kind, row[kind], row["failures"], row["last"] + settings.AXES_COOLOFF_TIME)
            for row in rows
        ]
    return sorted(found, key=lambda lockout: lockout.until, reverse=True)


def unlock(kind: str, value: str) -> int:
    """Forget the failures of a username or an address; the number of rows removed."""
    if kind not in ("username", "ip_address"):
        raise ValueError(kind)
    return AccessAttempt.objects.filter(**{kind: value}).delete()[0]


def lockout_response(
    request: HttpRequest, original_response: HttpResponse | None, credentials: dict | None
) -> HttpResponse:
    """The lockout page in the admin's look, 429 with ``Retry-After``.

    Every failure during a lockout restarts it, so the lockout ends one cool-off time after
    this request.
    """
    cool_off = settings.AXES_COOLOFF_TIME
    username = (credentials or {}).get("username") or ""
    response = TemplateResponse(
        request,
        "authentication/lockout.html",
        {
            "username": username,
            "minutes": math.ceil(cool_off.total_seconds() / 60),
            "until": timezone.localtime(timezone.now() + cool_off),
        },
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
    response["Retry-After"] = str(int(cool_off.total_seconds()))
    return response.render()  # returned by a middleware, past the view's rendering
