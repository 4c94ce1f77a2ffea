import datetime

import pytest
from django_otp.oath import totp

from accounts import two_factor

# A fixed moment: TOTP codes depend on the clock, and each code is accepted only once.
MOMENT = datetime.datetime(2027, 3, 1, 9, 0, tzinfo=datetime.timezone.utc)


def code_for(device) -> str:
    """The six digits the user's authenticator app shows now."""
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


@pytest.fixture
def enrol():
    """Turn two-factor login on for a user as the enrolment page does; returns (device, codes)."""

    def enrol(user):
        device = two_factor.totp_device_pending(user=user)
        codes = two_factor.totp_device_confirm(user=user, device=device, code=code_for(device))
        device.refresh_from_db()
        return device, codes

    return enrol
