"""Organisers lift a sign-in lockout (accounts.services.user_lockout_reset)."""

import pytest
import time_machine
from axes.models import AccessAttempt

from accounts.models import SecurityEvent
from accounts.selectors import user_lockout
from accounts.services import user_lockout_reset
from reviews.services.errors import NotAllowed
from tests.accounts.conftest import MOMENT

pytestmark = pytest.mark.django_db


def _lock_out(client, username):
    for n in range(5):
        client.post("/en/accounts/login/", {"username": username, "password": "wrong-guess"},
                    REMOTE_ADDR=f"10.0.0.{n}")


def test_lockout_reset_removes_the_failures_and_is_recorded(client, focal_point, organiser):
    with time_machine.travel(MOMENT, tick=False):
        _lock_out(client, "fp-eg")
        removed = user_lockout_reset(user=focal_point, actor=organiser)
        lockout = user_lockout(user=focal_point)

    assert (removed, lockout, AccessAttempt.objects.filter(username="fp-eg").count()) == (5, None, 0)
    assert SecurityEvent.objects.filter(kind=SecurityEvent.Kind.LOCKOUT_RESET).values_list(
        "actor", "subject", "detail").get() == (organiser.pk, focal_point.pk, "records=5")


def test_lockout_reset_leaves_other_usernames_locked(client, focal_point, contributor, organiser):
    with time_machine.travel(MOMENT, tick=False):
        _lock_out(client, "fp-eg")
        _lock_out(client, "contrib-eg")
        user_lockout_reset(user=focal_point, actor=organiser)

        assert user_lockout(user=contributor) is not None


def test_lockout_reset_refuses_non_organisers(client, focal_point, reviewer):
    with time_machine.travel(MOMENT, tick=False):
        _lock_out(client, "fp-eg")
        with pytest.raises(NotAllowed):
            user_lockout_reset(user=focal_point, actor=reviewer)

        assert user_lockout(user=focal_point) is not None
    assert SecurityEvent.objects.exists() is False
