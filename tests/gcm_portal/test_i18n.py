import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_root_redirects_to_arabic_even_for_english_browsers(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")

    assert response.status_code == 302
    assert response["Location"] == "/ar/"


def test_root_follows_the_language_the_user_chose(client):
    client.cookies["django_language"] = "en"

    response = client.get("/")

    assert response["Location"] == "/en/"


@pytest.mark.parametrize(("prefix", "lang", "direction", "stylesheet"), [
    ("ar", "ar", "rtl", "bootstrap.rtl.min.css"),
    ("en", "en", "ltr", "bootstrap.min.css"),
])
def test_pages_carry_language_direction_and_matching_bootstrap(client, prefix, lang, direction, stylesheet):
    response = client.get(f"/{prefix}/accounts/login/")

    content = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{lang}" dir="{direction}">' in content
    assert f"/static/vendor/bootstrap/css/{stylesheet}" in content
    assert re.search(r"(src|href)=\"(https?:)?//", content) is None  # nothing loaded from elsewhere


def test_login_page_is_translated(client):
    assert "تسجيل الدخول" in client.get("/ar/accounts/login/").content.decode()
    assert "Sign in" in client.get("/en/accounts/login/").content.decode()


def test_language_switcher_keeps_the_user_on_the_same_page(client, organiser):
    client.force_login(organiser)

    response = client.post(reverse("set_language"), {"language": "en", "next": "/ar/users/?role=reviewer"})

    assert response.status_code == 302
    assert response["Location"] == "/en/users/?role=reviewer"
    assert client.cookies["django_language"].value == "en"


def test_language_switcher_offers_the_other_language(client):
    arabic = client.get("/ar/accounts/login/").content.decode()
    english = client.get("/en/accounts/login/").content.decode()

    assert 'name="language" value="en"' in arabic and 'name="next" type="hidden" value="/ar/accounts/login/"' in arabic
    assert 'name="language" value="ar"' in english and "العربيّة" in english


def test_dates_and_numbers_follow_the_language(reference):
    from datetime import date

    from django.utils import formats, translation

    with translation.override("ar"):
        arabic = formats.date_format(date(2027, 9, 30), "DATE_FORMAT")
        arabic_number = formats.number_format(12345.5, decimal_pos=1, use_l10n=True, force_grouping=True)
    with translation.override("en"):
        english = formats.date_format(date(2027, 9, 30), "DATE_FORMAT")
        english_number = formats.number_format(12345.5, decimal_pos=1, use_l10n=True, force_grouping=True)

    assert arabic == "30 سبتمبر 2027"
    assert english == "30 September 2027"
    assert arabic_number == "12٬345٫5"
    assert english_number == "12,345.5"


@pytest.mark.parametrize("language", ["ar", "en"])
def test_ids_printed_into_forms_are_never_grouped(language):
    from django.template import Context, Template
    from django.utils import translation

    with translation.override(language):
        rendered = Template('<input value="{{ pk }}"><input value="{{ version }}">').render(
            Context({"pk": 15186, "version": 1000})
        )

    assert rendered == '<input value="15186"><input value="1000">'
