"""Who is locked out now, as django-axes counts it."""

import datetime

import pytest
import time_machine

from accounts.selectors import Lockout, lockouts_by_username, user_lockout
from tests.accounts.conftest import MOMENT

pytestmark = pytest.mark.django_db


def _fail(client, username, address):
    client.post("/en/accounts/login/", {"username": username, "password": "wrong-guess"}, REMOTE_ADDR=address)


def test_user_lockout_counts_failures_from_every_address(client, focal_point):
    with time_machine.travel(MOMENT, tick=False) as clock:
        for n in range(5):
            _fail(client, "fp-eg", f"10.0.0.{n}")
            clock.shift(datetime.timedelta(minutes=1))
        lockout = user_lockout(user=focal_point)

    assert lockout == Lockout(failures=5, since=MOMENT + datetime.timedelta(minutes=4))


def test_user_lockout_is_none_below_the_limit_and_after_the_cool_off(client, focal_point):
    with time_machine.travel(MOMENT, tick=False) as clock:
        for _attempt in range(4):
            _fail(client, "fp-eg", "10.0.0.1")
        below_limit = user_lockout(user=focal_point)
        _fail(client, "fp-eg", "10.0.0.1")
        clock.shift(datetime.timedelta(minutes=16))
        after_cool_off = user_lockout(user=focal_point)

    assert (below_limit, after_cool_off) == (None, None)


@pytest.mark.parametrize("countries", [1, 3])
def test_lockouts_by_username_is_one_query(client, django_assert_num_queries, countries):
    with time_machine.travel(MOMENT, tick=False):
        for n in range(countries):
            for _attempt in range(5):
                _fail(client, f"user-{n}", f"10.0.{n}.1")
        with django_assert_num_queries(1):
            lockouts = lockouts_by_username()

    assert sorted(lockouts) == [f"user-{n}" for n in range(countries)]
