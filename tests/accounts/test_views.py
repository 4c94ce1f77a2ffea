import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from accounts.models import Role
from reviews.models import Country

pytestmark = pytest.mark.django_db
User = get_user_model()


def test_user_list_is_for_organisers_only(client, focal_point, reviewer, organiser):
    for user, expected in [(focal_point, 403), (reviewer, 403), (organiser, 200)]:
        client.force_login(user)
        assert client.get("/en/users/").status_code == expected


def test_user_list_for_anonymous_redirects_to_login(client):
    response = client.get("/ar/users/")

    assert (response.status_code, response["Location"]) == (302, "/ar/accounts/login/?next=/ar/users/")


def test_organiser_creates_a_focal_point_with_an_invitation(client, organiser, egypt,
                                                          django_capture_on_commit_callbacks):
    client.force_login(organiser)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/users/new/", {
            "username": "fp2-eg", "email": "new.fp@example.org", "name_ar": "أمل حسن", "name_en": "Amal Hassan",
            "role": Role.FOCAL_POINT, "country": egypt.pk, "ministry_ar": "وزارة الخارجية",
            "ministry_en": "Ministry of Foreign Affairs",
        })

    assert response.status_code == 302
    user = User.objects.get(username="fp2-eg")
    assert (user.role, user.country, user.has_usable_password()) == (Role.FOCAL_POINT, egypt, False)
    assert (user.name_ar, user.name_en, user.ministry_ar, user.ministry_en) == (
        "أمل حسن", "Amal Hassan", "وزارة الخارجية", "Ministry of Foreign Affairs")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["new.fp@example.org"]
    assert "/en/accounts/reset/" in mail.outbox[0].body


def test_organiser_creates_a_reviewer_with_a_password(client, organiser, reference):
    from reviews.models import Organisation

    client.force_login(organiser)

    client.post("/en/users/new/", {
        "username": "rev-iom", "email": "rev@example.org", "role": Role.REVIEWER,
        "organisation": Organisation.objects.get(code="iom").pk, "password": "a-long-unusual-passphrase",
    })

    user = User.objects.get(username="rev-iom")
    assert user.check_password("a-long-unusual-passphrase") is True
    assert user.organisation.code == "iom"
    assert len(mail.outbox) == 0


@pytest.mark.parametrize(("language", "message"), [
    ("en", "A focal point or contributor needs a country."),
    ("ar", "يجب تحديد بلد لجهة التنسيق الوطنية أو المساهم."),
])
def test_user_create_refuses_a_focal_point_without_country(client, organiser, language, message):
    client.force_login(organiser)

    response = client.post(f"/{language}/users/new/", {
        "username": "nocountry", "email": "x@example.org", "role": Role.FOCAL_POINT,
    })

    assert response.status_code == 200
    assert response.context["form"].errors["country"] == [message]
    assert User.objects.filter(username="nocountry").exists() is False


def test_user_create_refuses_a_duplicate_username(client, organiser, focal_point, egypt):
    client.force_login(organiser)

    response = client.post("/en/users/new/", {
        "username": "FP-EG", "email": "x@example.org", "role": Role.CONTRIBUTOR, "country": egypt.pk,
    })

    assert response.context["form"].errors["username"] == ["This username is already taken."]


def test_organiser_edits_a_user_role_and_country(client, organiser, focal_point, morocco):
    client.force_login(organiser)

    response = client.post(f"/en/users/{focal_point.uid}/", {
        "email": "moved@example.org", "role": Role.CONTRIBUTOR, "country": morocco.pk, "ministry_en": "Interior",
    })

    assert response.status_code == 302
    focal_point.refresh_from_db()
    assert (focal_point.role, focal_point.country, focal_point.email) == (Role.CONTRIBUTOR, morocco,
                                                                          "moved@example.org")
    assert focal_point.username == "fp-eg"


def test_organiser_deactivates_and_reactivates_a_user(client, organiser, focal_point):
    client.force_login(organiser)

    client.post(f"/en/users/{focal_point.uid}/active/")
    focal_point.refresh_from_db()
    assert focal_point.is_active is False
    # Through the login page: axes' backend needs the request, which client.login() does not give.
    client.logout()
    response = client.post("/en/accounts/login/", {"username": "fp-eg", "password": "correct-horse-battery"})
    assert (response.status_code, response.wsgi_request.user.is_authenticated) == (200, False)

    client.force_login(organiser)
    client.post(f"/en/users/{focal_point.uid}/active/")
    focal_point.refresh_from_db()
    assert focal_point.is_active is True


def test_organiser_cannot_deactivate_themselves(client, organiser):
    client.force_login(organiser)

    client.post(f"/en/users/{organiser.uid}/active/")

    organiser.refresh_from_db()
    assert organiser.is_active is True


def test_toggle_active_refuses_get(client, organiser, focal_point):
    client.force_login(organiser)

    assert client.get(f"/en/users/{focal_point.uid}/active/").status_code == 405


def test_non_organiser_cannot_create_users(client, reviewer, egypt):
    client.force_login(reviewer)

    response = client.post("/en/users/new/", {
        "username": "sneaky", "email": "s@example.org", "role": Role.ORGANISER,
    })

    assert response.status_code == 403
    assert User.objects.filter(username="sneaky").exists() is False


@pytest.mark.parametrize("language", ["ar", "en"])
def test_demo_logins_reach_their_home_page(client, language):
    from reviews.demo.load import demo_load

    demo_load()
    for username in ["fp-eg", "fp-ma", "contrib-jo", "reviewer-escwa", "organiser"]:
        client.logout()
        response = client.post(f"/{language}/accounts/login/", {"username": username, "password": "gcm-demo-2026"})
        assert (username, response.status_code, response["Location"]) == (username, 302, f"/{language}/")
        assert client.get(f"/{language}/").status_code == 200
    client.logout()
    client.post("/en/accounts/login/", {"username": "fp-eg", "password": "gcm-demo-2026"})
    page = client.get("/en/").content.decode()
    assert "Egypt" in page and "Morocco" not in page
    assert Country.objects.count() == 22


def test_password_reset_sends_a_link_in_the_users_language(client, focal_point):
    client.post("/ar/accounts/password_reset/", {"email": focal_point.email})

    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "كلمة مرورك على بوابة استعراض الاتفاق العالمي للهجرة"
    assert "/ar/accounts/reset/" in mail.outbox[0].body


def test_password_change_page_in_both_languages(client, focal_point):
    client.force_login(focal_point)

    assert "تغيير كلمة المرور" in client.get("/ar/accounts/password_change/").content.decode()
    assert "Change your password" in client.get("/en/accounts/password_change/").content.decode()


# --- security settings and two-factor reset -------------------------------------------------------------


def test_security_settings_are_for_organisers_only(client, focal_point, reviewer, organiser):
    statuses = []
    for user in (focal_point, reviewer, organiser):
        client.force_login(user)
        statuses.append(client.get("/en/users/security/").status_code)

    assert statuses == [403, 403, 200]


@pytest.mark.parametrize(("language", "label"), [
    ("en", "Regional reviewers must use two-factor login"),
    ("ar", "يجب على المراجعين الإقليميين استخدام تسجيل الدخول بعاملين"),
])
def test_organiser_requires_two_factor_for_staff_and_it_is_recorded(client, organiser, language, label):
    from accounts.models import SecurityEvent, TwoFactorPolicy

    client.force_login(organiser)
    form_page = client.get(f"/{language}/users/security/").content.decode()

    response = client.post(f"/{language}/users/security/", {"require_reviewers": "on", "require_organisers": "on"},
                           follow=True)

    policy = TwoFactorPolicy.objects.get()
    assert label in form_page
    assert (policy.require_reviewers, policy.require_organisers, policy.require_country_teams) == (True, True, False)
    assert policy.updated_by == organiser
    assert response.redirect_chain == [(f"/{language}/users/security/", 302)]
    assert [event.kind for event in response.context["events"]] == [SecurityEvent.Kind.POLICY_CHANGED]


def test_organiser_resets_a_users_two_factor(client, organiser, reviewer, enrol):
    from accounts.models import SecurityEvent
    from accounts.two_factor import two_factor_enabled

    enrol(reviewer)
    client.force_login(organiser)
    edit_page = client.get(f"/en/users/{reviewer.uid}/").content.decode()

    response = client.post(f"/en/users/{reviewer.uid}/two-factor/reset/", follow=True)

    assert "Reset two-factor login (lost phone)" in edit_page
    assert response.redirect_chain == [(f"/en/users/{reviewer.uid}/", 302)]
    assert two_factor_enabled(reviewer) is False
    assert SecurityEvent.objects.filter(kind=SecurityEvent.Kind.TWO_FACTOR_RESET).values_list(
        "actor", "subject").get() == (organiser.pk, reviewer.pk)
    assert "This user has not set up two-factor login." in response.content.decode()


def test_two_factor_reset_is_for_organisers_only(client, reviewer, focal_point, enrol):
    from accounts.two_factor import two_factor_enabled

    enrol(focal_point)
    client.force_login(reviewer)

    response = client.post(f"/en/users/{focal_point.uid}/two-factor/reset/")

    assert (response.status_code, two_factor_enabled(focal_point)) == (403, True)


def test_two_factor_reset_refuses_get(client, organiser, reviewer):
    client.force_login(organiser)

    assert client.get(f"/en/users/{reviewer.uid}/two-factor/reset/").status_code == 405


def test_user_list_shows_who_uses_two_factor(client, organiser, reviewer, enrol):
    enrol(reviewer)
    client.force_login(organiser)

    users = client.get("/en/users/").context["users"]

    assert {user.username: user.has_two_factor for user in users} == {"organiser": False, "reviewer-escwa": True}


def _lock_out(client, username):
    for n in range(5):
        client.post("/en/accounts/login/", {"username": username, "password": "wrong-guess"},
                    REMOTE_ADDR=f"10.0.0.{n}")


LOCKOUT_TEXTS = {
    "en": ("Locked out after 5 wrong passwords, the last at", "Unlock", "fp-eg was unlocked and can sign in again.",
           "This user is not locked out.", "Locked out"),
    "ar": ("أُوقف تسجيل الدخول بعد 5 محاولات بكلمة مرور خاطئة، آخرها في", "رفع الإيقاف",
           "رُفع الإيقاف عن fp-eg ويمكنه تسجيل الدخول مجددًا.", "تسجيل دخول هذا المستخدم غير موقوف.",
           "موقوف مؤقتًا"),
}


@pytest.mark.parametrize("language", ["ar", "en"])
def test_organiser_sees_a_lockout_and_unlocks(client, organiser, focal_point, language):
    import time_machine

    from accounts.models import SecurityEvent
    from tests.accounts.conftest import MOMENT

    locked, button, done, not_locked, badge = LOCKOUT_TEXTS[language]
    with time_machine.travel(MOMENT, tick=False):
        _lock_out(client, "fp-eg")
        client.force_login(organiser)
        list_page = " ".join(client.get(f"/{language}/users/").content.decode().split())
        edit_page = " ".join(client.get(f"/{language}/users/{focal_point.uid}/").content.decode().split())

        response = client.post(f"/{language}/users/{focal_point.uid}/lockout/reset/", follow=True)
        page = " ".join(response.content.decode().split())
        client.logout()
        login = client.post(f"/{language}/accounts/login/",
                            {"username": "fp-eg", "password": "correct-horse-battery"}, REMOTE_ADDR="10.0.9.9")

    assert badge in list_page
    assert (locked in edit_page, button in edit_page) == (True, True)
    assert response.redirect_chain == [(f"/{language}/users/{focal_point.uid}/", 302)]
    assert (done in page, not_locked in page) == (True, True)
    assert SecurityEvent.objects.filter(kind=SecurityEvent.Kind.LOCKOUT_RESET).values_list(
        "actor", "subject").get() == (organiser.pk, focal_point.pk)
    assert login.status_code == 302


@pytest.mark.parametrize("user_fixture", ["reviewer", "other_focal_point"])
def test_lockout_reset_is_for_organisers_only(client, focal_point, user_fixture, request):
    from accounts.selectors import user_lockout

    _lock_out(client, "fp-eg")
    client.force_login(request.getfixturevalue(user_fixture))

    response = client.post(f"/en/users/{focal_point.uid}/lockout/reset/")

    assert (response.status_code, user_lockout(user=focal_point) is not None) == (403, True)


def test_lockout_reset_refuses_get(client, organiser, reviewer):
    client.force_login(organiser)

    assert client.get(f"/en/users/{reviewer.uid}/lockout/reset/").status_code == 405
