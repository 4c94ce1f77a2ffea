"""The password rules (settings.AUTH_PASSWORD_VALIDATORS): length, common, numeric, similarity,
each explained in the user's language."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.utils import translation

from accounts.models import User

AMAL = User(username="amal.hassan", first_name="Amal", last_name="Hassan", email="amal.hassan@example.org")


def _refusals(password: str, language: str) -> list[tuple[str, str]]:
    with translation.override(language):
        try:
            validate_password(password, AMAL)
        except ValidationError as error:
            return [(item.code, item.messages[0]) for item in error.error_list]
    return []


@pytest.mark.parametrize(("password", "language", "expected"), [
    ("short-pw", "en", [("password_too_short", "This password is too short. It must contain at least 10 characters.")]),
    ("short-pw", "ar", [("password_too_short", "كلمة المرور هذه قصيرة جدًا. يجب أن تتكون من 10 أحرف على الأقل.")]),
    ("password123", "en", [("password_too_common", "This password is too common.")]),
    ("password123", "ar", [("password_too_common", "كلمة المرور هذه شائعة جداً.")]),
    ("8675309421337", "ar", [("password_entirely_numeric", "كلمة المرور هذه تتكون من أرقام فقط.")]),
    ("amal.hassan1", "en", [("password_too_similar", "The password is too similar to the username.")]),
    ("amal.hassan1", "ar", [("password_too_similar", "كلمة المرور مشابهة جداً لـ اسم المستخدم.")]),
])
def test_weak_passwords_are_refused_with_a_reason_in_the_users_language(password, language, expected):
    assert _refusals(password, language) == expected


def test_a_long_unusual_passphrase_is_accepted():
    assert _refusals("migration-data-2028-review", "ar") == []
