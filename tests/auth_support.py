"""Signing in as users do: the login form, the second step, codes from an authenticator."""

from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

PASSWORD = "pw"  # the role fixtures' password (tests/conftest.py)


def sign_in(client: Client, username: str, password: str = PASSWORD, **extra):
    """POST the admin's login form as a browser does."""
    return client.post(
        "/admin/login/",
        {"username": username, "password": password, "next": "/admin/"},
        **extra,
    )


def totp_code(device: TOTPDevice, offset_steps: int = 0) -> str:
    """The code the user's authenticator app shows now (or ``offset_steps`` later)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = totp.time + offset_steps * device.step
    return f"{totp.token():0{device.digits}d}"


def signed_in_with_second_factor(client: Client, user) -> TOTPDevice:
    """``client`` signed in as ``user`` with an enrolled authenticator, code given."""
    device = TOTPDevice.objects.create(user=user, name="totp", confirmed=True)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device
