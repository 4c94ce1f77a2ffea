"""Session rules on every page: idle expiry, and the second factor owed after the password."""

import datetime

import pytest
import time_machine
from django.conf import settings

from accounts import two_factor
from tests.accounts.conftest import MOMENT, code_for

pytestmark = pytest.mark.django_db


# --- idle expiry ---------------------------------------------------------------------------------------


def test_idle_timeout_defaults_to_thirty_minutes():
    assert settings.SESSION_IDLE_TIMEOUT == datetime.timedelta(minutes=30)


def test_session_ends_after_thirty_idle_minutes(client, focal_point):
    with time_machine.travel(MOMENT, tick=False) as clock:
        client.force_login(focal_point)
        clock.shift(datetime.timedelta(minutes=29))
        before = client.get("/en/")
        clock.shift(datetime.timedelta(minutes=31))
        after = client.get("/en/", follow=True)

    assert (before.status_code, before.wsgi_request.user.username) == (200, "fp-eg")
    assert after.redirect_chain == [("/en/accounts/login/?next=/en/", 302)]
    assert after.wsgi_request.user.is_authenticated is False
    assert [str(message) for message in after.context["messages"]] == [
        "You were signed out after 30 minutes without activity. Please sign in again."
    ]


def test_each_request_restarts_the_idle_clock(client, focal_point):
    with time_machine.travel(MOMENT, tick=False) as clock:
        client.force_login(focal_point)
        statuses = []
        for _step in range(4):  # two hours in all, never 30 minutes idle
            clock.shift(datetime.timedelta(minutes=25))
            statuses.append(client.get("/en/").status_code)

    assert statuses == [200, 200, 200, 200]


@pytest.mark.parametrize("language", ["ar", "en"])
def test_idle_sign_out_message_in_both_languages(client, focal_point, language):
    message = {"en": "You were signed out after 30 minutes without activity. Please sign in again.",
               "ar": "انتهت جلستك بعد 30 دقيقة دون نشاط. يُرجى تسجيل الدخول مرة أخرى."}[language]
    with time_machine.travel(MOMENT, tick=False) as clock:
        client.force_login(focal_point)
        clock.shift(datetime.timedelta(minutes=31))
        page = client.get(f"/{language}/", follow=True).content.decode()

    assert message in page


# --- the second factor owed after the password -----------------------------------------------------------


def _password_login(client, username, language="en"):
    return client.post(f"/{language}/accounts/login/", {"username": username, "password": "correct-horse-battery"})


def test_user_with_two_factor_must_give_a_code_before_anything_else(client, reviewer, enrol):
    with time_machine.travel(MOMENT, tick=False):
        enrol(reviewer)
    with time_machine.travel(MOMENT + datetime.timedelta(minutes=1), tick=False):
        _password_login(client, "reviewer-escwa")
        home = client.get("/en/")
        new_phone = client.get("/en/accounts/two-factor/?new=1")
        dashboard = client.get("/en/reviews/cycles/arab-2028/dashboard/")
        verify = client.get("/en/accounts/two-factor/verify/")
        health = client.get("/healthz")

    assert (home.status_code, home["Location"]) == (302, "/en/accounts/two-factor/verify/?next=%2Fen%2F")
    assert new_phone["Location"].startswith("/en/accounts/two-factor/verify/")
    assert dashboard["Location"].startswith("/en/accounts/two-factor/verify/")
    assert (verify.status_code, health.status_code) == (200, 200)


def test_user_can_sign_out_before_giving_the_code(client, reviewer, enrol):
    with time_machine.travel(MOMENT, tick=False):
        enrol(reviewer)
        _password_login(client, "reviewer-escwa")
        response = client.post("/en/accounts/logout/")

    assert (response.status_code, response["Location"]) == (302, "/en/accounts/login/")


def test_required_role_without_device_is_sent_to_enrolment(client, reviewer, organiser):
    two_factor.two_factor_policy_update(actor=organiser, require_reviewers=True, require_organisers=False,
                                        require_country_teams=False)
    _password_login(client, "reviewer-escwa")

    home = client.get("/en/")
    setup = client.get("/en/accounts/two-factor/")
    verify = client.get("/en/accounts/two-factor/verify/")

    assert (home.status_code, home["Location"]) == (302, "/en/accounts/two-factor/?next=%2Fen%2F")
    assert setup.status_code == 200
    assert "The organisers require two-factor login for your role." in setup.content.decode()
    assert verify["Location"] == "/en/accounts/two-factor/?next=%2Fen%2Faccounts%2Ftwo-factor%2Fverify%2F"


def test_required_role_reaches_the_portal_once_enrolled(client, reviewer, organiser):
    two_factor.two_factor_policy_update(actor=organiser, require_reviewers=True, require_organisers=False,
                                        require_country_teams=False)
    with time_machine.travel(MOMENT, tick=False):
        _password_login(client, "reviewer-escwa")
        client.get("/en/accounts/two-factor/")
        device = two_factor.totp_device_pending(user=reviewer)
        confirmed = client.post("/en/accounts/two-factor/?next=/en/", {"code": code_for(device), "next": "/en/"})
        home = client.get("/en/")

    assert confirmed["Location"] == "/en/accounts/two-factor/recovery-codes/?next=%2Fen%2F"
    assert home.status_code == 200


def test_role_outside_the_policy_is_not_asked(client, focal_point, organiser):
    two_factor.two_factor_policy_update(actor=organiser, require_reviewers=True, require_organisers=True,
                                        require_country_teams=False)
    _password_login(client, "fp-eg")

    assert client.get("/en/").status_code == 200


def test_country_roles_can_be_required_too(client, contributor, organiser):
    two_factor.two_factor_policy_update(actor=organiser, require_reviewers=False, require_organisers=False,
                                        require_country_teams=True)
    _password_login(client, "contrib-eg")

    assert client.get("/en/")["Location"] == "/en/accounts/two-factor/?next=%2Fen%2F"


def test_admin_login_cannot_skip_the_second_factor(client, organiser, enrol):
    with time_machine.travel(MOMENT, tick=False):
        enrol(organiser)
        client.post("/en/admin/login/", {"username": "organiser", "password": "correct-horse-battery"})
        response = client.get("/en/admin/")

    assert response["Location"] == "/en/accounts/two-factor/verify/?next=%2Fen%2Fadmin%2F"
