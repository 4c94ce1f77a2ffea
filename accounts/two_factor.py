"""Two-factor login: enrolment with an authenticator app, recovery codes, verification at
login, the organisers' policy of which roles must use it, and the reset of a lost phone.

A user's second factor is one confirmed TOTP device (the authenticator app) plus one static
device holding the unused recovery codes. Wrong codes are throttled by django-otp itself:
after each failure the device refuses to check another code for 1, 2, 4, 8... seconds.
"""

import re
from base64 import b32encode

import segno
from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_otp import devices_for_user
from django_otp.models import Device, VerifyNotAllowed
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import SecurityEvent, TwoFactorPolicy, User
from reviews.services.errors import DomainError, NotAllowed

# What the login session still owes before the user may use the portal (see the middleware).
STATE_SESSION_KEY = "two_factor_state"
STATE_VERIFY = "verify"  # has a second factor: must give a code
STATE_ENROL = "enrol"  # their role requires one and they have none: must enrol
STATE_DONE = "done"

APP_DEVICE_NAME = "authenticator"
RECOVERY_DEVICE_NAME = "recovery"
_TOTP_CODE = re.compile(r"^\d{6}$")


class InvalidCode(DomainError):
    """The code was wrong, or it is too soon after a wrong one to try another."""


def two_factor_policy_get() -> TwoFactorPolicy:
    """The policy row; an unsaved default (nobody required) until an organiser saves it."""
    return TwoFactorPolicy.objects.filter(pk=1).first() or TwoFactorPolicy(pk=1)


@transaction.atomic
def two_factor_policy_update(
    *, actor: User, require_reviewers: bool, require_organisers: bool, require_country_teams: bool,
) -> TwoFactorPolicy:
    """Only organisers set the policy; every change is recorded with who made it and what it became."""
    if not actor.is_organiser:
        raise NotAllowed(_("Only organisers can change the security settings."))
    policy = TwoFactorPolicy.objects.select_for_update().filter(pk=1).first() or TwoFactorPolicy(pk=1)
    policy.require_reviewers = require_reviewers
    policy.require_organisers = require_organisers
    policy.require_country_teams = require_country_teams
    policy.updated_by, policy.updated_at = actor, timezone.now()
    policy.save()
    SecurityEvent.objects.create(
        kind=SecurityEvent.Kind.POLICY_CHANGED, actor=actor,
        detail=f"reviewers={require_reviewers} organisers={require_organisers} "
               f"country_teams={require_country_teams}",
    )
    return policy


def two_factor_enabled(user: User) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def two_factor_state_for(user: User) -> str:
    """What a fresh login of this user must still do: verify, enrol, or nothing."""
    if two_factor_enabled(user):
        return STATE_VERIFY
    if two_factor_policy_get().requires(user.role):
        return STATE_ENROL
    return STATE_DONE


def two_factor_state_store(request: HttpRequest, user: User) -> None:
    """Decided once at login and kept in the session, so ordinary pages cost no query."""
    request.session[STATE_SESSION_KEY] = two_factor_state_for(user)


def totp_device_pending(*, user: User) -> TOTPDevice:
    """The unconfirmed authenticator the user is enrolling, created on first visit and kept
    until confirmed, so reloading the page does not change the QR code under their phone."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False, name=APP_DEVICE_NAME).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)
    return device


def totp_qr_svg(device: TOTPDevice) -> str:
    """The enrolment QR code as inline SVG markup: no image request, no script."""
    return segno.make(device.config_url, error="m").svg_inline(scale=4, border=2, dark="#000", light="#fff")


def totp_secret_display(device: TOTPDevice) -> str:
    """The secret in base32, in groups of four, for people who type it instead of scanning."""
    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[index:index + 4] for index in range(0, len(secret), 4))


def totp_device_confirm(*, user: User, device: TOTPDevice, code: str) -> list[str]:
    """Turn two-factor login on once the user proves their app shows the right code.
    Any earlier authenticator is replaced; fresh recovery codes are returned, to show once."""
    if device.user_id != user.pk or device.confirmed:
        raise NotAllowed(_("This enrolment is no longer valid. Start again."))
    _verify(device, code)  # outside the transaction: a wrong code's throttling must be kept
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        SecurityEvent.objects.create(kind=SecurityEvent.Kind.TWO_FACTOR_ENABLED, actor=user, subject=user)
        return _recovery_codes_replace(user=user)


@transaction.atomic
def recovery_codes_regenerate(*, user: User) -> list[str]:
    """New recovery codes; the old ones stop working at once."""
    if not two_factor_enabled(user):
        raise NotAllowed(_("Turn on two-factor login first."))
    SecurityEvent.objects.create(kind=SecurityEvent.Kind.RECOVERY_CODES_REGENERATED, actor=user, subject=user)
    return _recovery_codes_replace(user=user)


def recovery_codes_left(user: User) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def _recovery_codes_replace(*, user: User) -> list[str]:
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True},
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _index in range(settings.RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


def two_factor_verify(*, user: User, code: str) -> Device:
    """The second step of login. Six digits are checked against the authenticator app;
    anything else against the recovery codes, each of which works once."""
    code = re.sub(r"[\s-]", "", code or "").lower()
    if _TOTP_CODE.match(code):
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    else:
        device = StaticDevice.objects.filter(user=user, confirmed=True).first()
    if device is None or not code:
        raise InvalidCode(_("This code is not valid."))
    _verify(device, code)  # not in a transaction: a wrong code's throttling must be kept
    if isinstance(device, StaticDevice):
        SecurityEvent.objects.create(
            kind=SecurityEvent.Kind.RECOVERY_CODE_USED, actor=user, subject=user,
            detail=f"left={device.token_set.count()}",
        )
    return device


def _verify(device: Device, code: str) -> None:
    allowed, extra = device.verify_is_allowed()
    if not allowed:
        if extra and extra.get("reason") == VerifyNotAllowed.N_FAILED_ATTEMPTS:
            wait = max(1, int((extra["locked_until"] - timezone.now()).total_seconds() + 0.999))
            raise InvalidCode(ngettext(
                "Too many wrong codes. Wait %(seconds)s second before trying again.",
                "Too many wrong codes. Wait %(seconds)s seconds before trying again.", wait,
            ) % {"seconds": wait})
        raise InvalidCode(_("This code cannot be checked now. Try again later."))
    if not device.verify_token(re.sub(r"\s", "", code)):
        raise InvalidCode(_("This code is not valid."))


@transaction.atomic
def two_factor_reset(*, user: User, actor: User) -> None:
    """An organiser removes a user's second factor (lost phone). The user signs in with their
    password alone next time, or is sent to enrol again if their role requires it."""
    if not actor.is_organiser:
        raise NotAllowed(_("Only organisers can reset two-factor login."))
    removed = 0
    for device in devices_for_user(user, confirmed=None):
        device.delete()
        removed += 1
    SecurityEvent.objects.create(
        kind=SecurityEvent.Kind.TWO_FACTOR_RESET, actor=actor, subject=user, detail=f"devices={removed}",
    )
