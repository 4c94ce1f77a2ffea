"""The user's two-factor pages: enrolment, recovery codes shown once, and the code at login."""

import datetime

import pytest
import time_machine

from accounts import two_factor
from tests.accounts.conftest import MOMENT, code_for

pytestmark = pytest.mark.django_db

LATER = MOMENT + datetime.timedelta(minutes=1)


def _password_login(client, username="reviewer-escwa", language="en"):
    return client.post(f"/{language}/accounts/login/", {"username": username, "password": "correct-horse-battery"})


@pytest.mark.parametrize(("language", "title", "key_label"), [
    ("en", "Set up two-factor login", "Cannot scan? Type this key in the app instead:"),
    ("ar", "إعداد تسجيل الدخول بعاملين", "لا يمكنك المسح؟ اكتب هذا المفتاح في التطبيق بدلًا من ذلك:"),
])
def test_enrolment_page_shows_qr_code_and_secret(client, reviewer, language, title, key_label):
    client.force_login(reviewer)

    page = client.get(f"/{language}/accounts/two-factor/").content.decode()

    device = two_factor.totp_device_pending(user=reviewer)
    assert title in page and key_label in page
    assert '<figure class="two-factor-qr my-3" dir="ltr"><svg' in page
    assert two_factor.totp_secret_display(device) in page


def test_enrolment_with_a_wrong_code_says_so(client, reviewer):
    client.force_login(reviewer)
    client.get("/en/accounts/two-factor/")
    device = two_factor.totp_device_pending(user=reviewer)
    wrong = "000000" if code_for(device) != "000000" else "111111"

    response = client.post("/en/accounts/two-factor/", {"code": wrong})

    assert response.context["form"].errors["code"] == ["This code is not valid."]
    assert two_factor.two_factor_enabled(reviewer) is False


def test_enrolment_shows_the_recovery_codes_once(client, reviewer):
    with time_machine.travel(MOMENT, tick=False):
        client.force_login(reviewer)
        client.get("/en/accounts/two-factor/")
        device = two_factor.totp_device_pending(user=reviewer)
        response = client.post("/en/accounts/two-factor/", {"code": code_for(device)}, follow=True)
        again = client.get("/en/accounts/two-factor/recovery-codes/")

    codes = response.context["codes"]
    page = response.content.decode()
    assert response.redirect_chain == [("/en/accounts/two-factor/recovery-codes/", 302)]
    assert len(codes) == 10 and all(f"<li><code>{code}</code></li>" in page for code in codes)
    assert "Two-factor login is on." in page
    assert again.context["codes"] is None
    assert codes[0] not in again.content.decode()
    assert "You have 10 unused recovery codes." in again.content.decode()
    assert '<a class="btn btn-primary" href="/en/">I have saved my codes</a>' in page


def test_regenerating_recovery_codes_shows_new_ones(client, reviewer, enrol):
    with time_machine.travel(MOMENT, tick=False):
        _device, old_codes = enrol(reviewer)
        client.force_login(reviewer)
        client.post("/en/accounts/two-factor/verify/", {"code": old_codes[0]})
        response = client.post("/en/accounts/two-factor/recovery-codes/new/", follow=True)

    new_codes = response.context["codes"]
    assert len(new_codes) == 10 and not set(new_codes) & set(old_codes)
    assert "New recovery codes were made. The old ones no longer work." in response.content.decode()


@pytest.mark.parametrize("language", ["ar", "en"])
def test_login_with_password_then_app_code(client, reviewer, enrol, language):
    with time_machine.travel(MOMENT, tick=False):
        device, _codes = enrol(reviewer)
    with time_machine.travel(LATER, tick=False):
        login = _password_login(client, language=language)
        sent_on = client.get(login["Location"])
        prompt = client.get(sent_on["Location"])
        response = client.post(f"/{language}/accounts/two-factor/verify/",
                               {"code": code_for(device), "next": f"/{language}/"})
        home = client.get(f"/{language}/")

    assert (login["Location"], sent_on["Location"]) == (
        f"/{language}/", f"/{language}/accounts/two-factor/verify/?next=%2F{language}%2F")
    assert prompt.status_code == 200
    assert (response.status_code, response["Location"]) == (302, f"/{language}/")
    assert (home.status_code, home.wsgi_request.user.is_verified()) == (200, True)


def test_login_with_a_wrong_code_stays_on_the_code_page(client, reviewer, enrol):
    with time_machine.travel(MOMENT, tick=False):
        device, _codes = enrol(reviewer)
    with time_machine.travel(LATER, tick=False):
        _password_login(client)
        wrong = "000000" if code_for(device) != "000000" else "111111"
        response = client.post("/en/accounts/two-factor/verify/", {"code": wrong})
        home = client.get("/en/")

    assert response.context["form"].errors["code"] == ["This code is not valid."]
    assert home["Location"].startswith("/en/accounts/two-factor/verify/")


def test_login_with_a_recovery_code_used_once(client, reviewer, enrol):
    with time_machine.travel(MOMENT, tick=False):
        _device, codes = enrol(reviewer)
    with time_machine.travel(LATER, tick=False) as clock:
        _password_login(client)
        first = client.post("/en/accounts/two-factor/verify/", {"code": codes[3]}, follow=True)
        client.post("/en/accounts/logout/")
        clock.shift(datetime.timedelta(seconds=10))
        _password_login(client)
        second = client.post("/en/accounts/two-factor/verify/", {"code": codes[3]})

    assert first.redirect_chain == [("/en/", 302)]
    assert ("You signed in with a recovery code. 9 codes are left: make new ones if you run low."
            in first.content.decode())
    assert second.context["form"].errors["code"] == ["This code is not valid."]


def test_verify_ignores_an_outside_next(client, reviewer, enrol):
    with time_machine.travel(MOMENT, tick=False):
        device, _codes = enrol(reviewer)
    with time_machine.travel(LATER, tick=False):
        _password_login(client)
        response = client.post("/en/accounts/two-factor/verify/",
                               {"code": code_for(device), "next": "https://evil.example/"})

    assert response["Location"] == "/en/"


def test_verify_after_an_organiser_reset_lets_the_user_in(client, reviewer, organiser, enrol):
    with time_machine.travel(MOMENT, tick=False):
        enrol(reviewer)
        _password_login(client)
        two_factor.two_factor_reset(user=reviewer, actor=organiser)
        response = client.get("/en/accounts/two-factor/verify/")
        home = client.get("/en/")

    assert (response["Location"], home.status_code) == ("/en/", 200)
