"""Lockout after repeated wrong passwords (django-axes): per username, per address, cool-off."""

import datetime

import pytest
import time_machine
from django.test import RequestFactory, override_settings

from accounts.lockout import client_ip
from tests.accounts.conftest import MOMENT

pytestmark = pytest.mark.django_db

LOCKED_TEXT = {
    "en": "Sign-in is paused for this account or this network after several wrong passwords. Try again in 15 minutes.",
    "ar": "أُوقف تسجيل الدخول مؤقتًا لهذا الحساب أو لهذه الشبكة بعد عدة محاولات بكلمة مرور خاطئة. حاول مرة أخرى بعد 15 دقيقة.",
}


def _login(client, username, password, address, language="en"):
    return client.post(f"/{language}/accounts/login/", {"username": username, "password": password},
                       REMOTE_ADDR=address)


@pytest.mark.parametrize("language", ["ar", "en"])
def test_lockout_by_username_from_many_addresses(client, focal_point, language):
    with time_machine.travel(MOMENT, tick=False):
        statuses = [_login(client, "fp-eg", "wrong-guess", f"10.0.0.{n}", language).status_code for n in range(5)]
        response = _login(client, "fp-eg", "correct-horse-battery", "10.0.9.9", language)

    assert statuses == [200, 200, 200, 200, 429]
    assert response.status_code == 429
    assert LOCKED_TEXT[language] in " ".join(response.content.decode().split())
    assert response.wsgi_request.user.is_authenticated is False


def test_lockout_by_address_across_usernames(client, focal_point, contributor):
    with time_machine.travel(MOMENT, tick=False):
        for username in ["admin", "root", "fp-ma", "contrib-eg", "nobody"]:
            _login(client, username, "wrong-guess", "192.0.2.7")
        from_same_address = _login(client, "fp-eg", "correct-horse-battery", "192.0.2.7")
        from_elsewhere = _login(client, "fp-eg", "correct-horse-battery", "198.51.100.1")

    assert (from_same_address.status_code, from_elsewhere.status_code) == (429, 302)


def test_lockout_ends_after_the_cool_off(client, focal_point):
    with time_machine.travel(MOMENT, tick=False) as clock:
        for _attempt in range(5):
            _login(client, "fp-eg", "wrong-guess", "10.0.0.1")
        clock.shift(datetime.timedelta(minutes=14))
        still_locked = _login(client, "fp-eg", "correct-horse-battery", "10.0.0.1")
        clock.shift(datetime.timedelta(minutes=16))
        after_cool_off = _login(client, "fp-eg", "correct-horse-battery", "10.0.0.1")

    assert (still_locked.status_code, after_cool_off.status_code) == (429, 302)


def test_successful_login_resets_the_count(client, focal_point):
    with time_machine.travel(MOMENT, tick=False):
        for _attempt in range(4):
            _login(client, "fp-eg", "wrong-guess", "10.0.0.1")
        assert _login(client, "fp-eg", "correct-horse-battery", "10.0.0.1").status_code == 302
        client.logout()
        for _attempt in range(4):
            _login(client, "fp-eg", "wrong-guess", "10.0.0.1")
        fifth_try = _login(client, "fp-eg", "correct-horse-battery", "10.0.0.1")

    assert fifth_try.status_code == 302


def test_client_ip_is_remote_addr_without_a_proxy():
    request = RequestFactory().get("/", REMOTE_ADDR="203.0.113.5", HTTP_X_FORWARDED_FOR="6.6.6.6")

    assert client_ip(request) == "203.0.113.5"


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_client_ip_behind_one_proxy_ignores_what_the_client_forged():
    request = RequestFactory().get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.5")

    assert client_ip(request) == "203.0.113.5"
