"""Two-factor services: enrolment, recovery codes, verification with throttling, policy and reset."""

import datetime

import pytest
import time_machine
from django.utils import translation
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import two_factor
from accounts.models import SecurityEvent, TwoFactorPolicy
from reviews.services.errors import NotAllowed
from tests.accounts.conftest import MOMENT, code_for

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    """Services answer in the active language; these tests read the English messages
    (the pages' tests check both languages)."""
    with translation.override("en"):
        yield


def test_pending_device_is_kept_until_confirmed(reviewer):
    first = two_factor.totp_device_pending(user=reviewer)

    assert two_factor.totp_device_pending(user=reviewer) == first
    assert (first.confirmed, two_factor.two_factor_enabled(reviewer)) == (False, False)


def test_qr_code_is_inline_svg_of_the_otpauth_url(reviewer):
    device = two_factor.totp_device_pending(user=reviewer)

    svg = two_factor.totp_qr_svg(device)

    assert svg.startswith("<svg") and svg.rstrip().endswith("</svg>")
    assert "style=" not in svg and "<script" not in svg
    assert device.config_url.startswith("otpauth://totp/GCM%20Review%20Portal%3Areviewer-escwa?secret=")


def test_confirm_with_a_wrong_code_leaves_two_factor_off(reviewer):
    device = two_factor.totp_device_pending(user=reviewer)

    with pytest.raises(two_factor.InvalidCode, match="This code is not valid."):
        two_factor.totp_device_confirm(user=reviewer, device=device, code="000000" if code_for(device) != "000000"
                                       else "111111")

    assert two_factor.two_factor_enabled(reviewer) is False
    device.refresh_from_db()
    assert device.throttling_failure_count == 1  # kept although the confirmation failed


def test_confirm_turns_two_factor_on_with_ten_recovery_codes(reviewer, enrol):
    with time_machine.travel(MOMENT, tick=False):
        device, codes = enrol(reviewer)

    assert (device.confirmed, len(codes), len(set(codes))) == (True, 10, 10)
    assert sorted(StaticToken.objects.filter(device__user=reviewer).values_list("token", flat=True)) == sorted(codes)
    assert list(SecurityEvent.objects.values_list("kind", "actor", "subject")) == [
        (SecurityEvent.Kind.TWO_FACTOR_ENABLED, reviewer.pk, reviewer.pk)
    ]


def test_a_new_phone_replaces_the_old_authenticator(reviewer, enrol):
    with time_machine.travel(MOMENT, tick=False):
        old, _codes = enrol(reviewer)
        new, _codes = enrol(reviewer)

    assert list(TOTPDevice.objects.filter(user=reviewer).values_list("pk", flat=True)) == [new.pk]
    assert new.pk != old.pk


def test_verify_with_the_app_code(reviewer, enrol):
    with time_machine.travel(MOMENT, tick=False) as clock:
        device, _codes = enrol(reviewer)
        clock.shift(datetime.timedelta(seconds=30))
        verified = two_factor.two_factor_verify(user=reviewer, code=code_for(device))

    assert verified == device


def test_the_same_app_code_works_only_once(reviewer, enrol):
    with time_machine.travel(MOMENT, tick=False) as clock:
        device, _codes = enrol(reviewer)
        clock.shift(datetime.timedelta(seconds=30))
        code = code_for(device)
        two_factor.two_factor_verify(user=reviewer, code=code)
        clock.shift(datetime.timedelta(seconds=2))
        with pytest.raises(two_factor.InvalidCode, match="This code is not valid."):
            two_factor.two_factor_verify(user=reviewer, code=code)


def test_recovery_code_works_once(reviewer, enrol):
    with time_machine.travel(MOMENT, tick=False) as clock:
        _device, codes = enrol(reviewer)
        two_factor.two_factor_verify(user=reviewer, code=codes[0].upper())
        clock.shift(datetime.timedelta(seconds=5))
        with pytest.raises(two_factor.InvalidCode, match="This code is not valid."):
            two_factor.two_factor_verify(user=reviewer, code=codes[0])

    assert two_factor.recovery_codes_left(reviewer) == 9
    assert SecurityEvent.objects.filter(kind=SecurityEvent.Kind.RECOVERY_CODE_USED, subject=reviewer).count() == 1


def test_wrong_codes_are_throttled(reviewer, enrol):
    with time_machine.travel(MOMENT, tick=False) as clock:
        device, _codes = enrol(reviewer)
        clock.shift(datetime.timedelta(seconds=30))
        good = code_for(device)
        wrong = "123456" if good != "123456" else "654321"
        for _attempt in range(3):
            with pytest.raises(two_factor.InvalidCode):
                two_factor.two_factor_verify(user=reviewer, code=wrong)
            clock.shift(datetime.timedelta(seconds=60))
        clock.shift(datetime.timedelta(seconds=-60))  # just after the third wrong code
        with pytest.raises(two_factor.InvalidCode, match="Too many wrong codes. Wait 4 seconds before trying again."):
            two_factor.two_factor_verify(user=reviewer, code=good)
        clock.shift(datetime.timedelta(seconds=5))
        accepted = two_factor.two_factor_verify(user=reviewer, code=code_for(device))

    assert accepted == device


def test_regenerated_recovery_codes_replace_the_old_ones(reviewer, enrol):
    with time_machine.travel(MOMENT, tick=False):
        _device, old_codes = enrol(reviewer)
        new_codes = two_factor.recovery_codes_regenerate(user=reviewer)
        with pytest.raises(two_factor.InvalidCode):
            two_factor.two_factor_verify(user=reviewer, code=old_codes[0])

    assert (len(new_codes), set(new_codes) & set(old_codes)) == (10, set())


def test_recovery_codes_need_two_factor_on(reviewer):
    with pytest.raises(NotAllowed, match="Turn on two-factor login first."):
        two_factor.recovery_codes_regenerate(user=reviewer)


def test_policy_is_recorded_with_who_changed_it(organiser):
    with time_machine.travel(MOMENT, tick=False):
        two_factor.two_factor_policy_update(actor=organiser, require_reviewers=True, require_organisers=True,
                                            require_country_teams=False)

    policy = TwoFactorPolicy.objects.get()
    assert (policy.require_reviewers, policy.require_organisers, policy.require_country_teams) == (True, True, False)
    assert (policy.updated_by, policy.updated_at) == (organiser, MOMENT)
    assert list(SecurityEvent.objects.values_list("kind", "actor", "detail")) == [
        (SecurityEvent.Kind.POLICY_CHANGED, organiser.pk, "reviewers=True organisers=True country_teams=False")
    ]


def test_policy_refuses_non_organisers(reviewer):
    with pytest.raises(NotAllowed):
        two_factor.two_factor_policy_update(actor=reviewer, require_reviewers=False, require_organisers=False,
                                            require_country_teams=False)

    assert TwoFactorPolicy.objects.exists() is False


def test_without_a_policy_nobody_is_required(reviewer, organiser, focal_point):
    assert [two_factor.two_factor_state_for(user) for user in (reviewer, organiser, focal_point)] == [
        two_factor.STATE_DONE, two_factor.STATE_DONE, two_factor.STATE_DONE,
    ]


def test_reset_removes_every_device_and_is_recorded(reviewer, organiser, enrol):
    with time_machine.travel(MOMENT, tick=False):
        enrol(reviewer)
    two_factor.two_factor_reset(user=reviewer, actor=organiser)

    assert (two_factor.two_factor_enabled(reviewer), two_factor.recovery_codes_left(reviewer)) == (False, 0)
    assert SecurityEvent.objects.filter(kind=SecurityEvent.Kind.TWO_FACTOR_RESET).values_list(
        "actor", "subject", "detail").get() == (organiser.pk, reviewer.pk, "devices=2")


def test_reset_refuses_non_organisers(reviewer, focal_point, enrol):
    with time_machine.travel(MOMENT, tick=False):
        enrol(focal_point)
    with pytest.raises(NotAllowed):
        two_factor.two_factor_reset(user=focal_point, actor=reviewer)

    assert two_factor.two_factor_enabled(focal_point) is True
