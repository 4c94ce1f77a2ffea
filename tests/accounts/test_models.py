"""A user's name and ministry in Arabic and English: each reader reads them in their own language, or in the
other one marked with its `lang` and `dir` (accounts/models.py, the `person` and `ministry` filters)."""

import pytest
from django.template import Context, Template
from django.utils import translation

from tests import factories

pytestmark = pytest.mark.django_db


def _render(source: str, language: str, **context) -> str:
    with translation.override(language):
        return Template("{% load review_tags %}" + source).render(Context(context))


@pytest.mark.parametrize(("name_ar", "name_en", "language", "shown"), [
    ("عمر حداد", "Omar Haddad", "ar", {"text": "عمر حداد", "lang": "ar", "only_in": None}),
    ("عمر حداد", "Omar Haddad", "en", {"text": "Omar Haddad", "lang": "en", "only_in": None}),
    ("", "Omar Haddad", "ar", {"text": "Omar Haddad", "lang": "en", "only_in": "en"}),
    ("عمر حداد", "", "en", {"text": "عمر حداد", "lang": "ar", "only_in": "ar"}),
])
def test_user_name_in_each_language_falls_back_to_the_other(name_ar, name_en, language, shown):
    user = factories.UserFactory.build(name_ar=name_ar, name_en=name_en)

    assert user.name_in(language) == shown


def test_user_without_a_bilingual_name_shows_the_name_given_then_the_username():
    named = factories.UserFactory.build(first_name="Amal", last_name="Hassan")
    bare = factories.UserFactory.build(username="fp-eg", first_name="", last_name="")

    assert (named.name_in("ar"), bare.name_in("ar")) == (
        {"text": "Amal Hassan", "lang": "en", "only_in": None}, {"text": "fp-eg", "lang": "en", "only_in": None})


@pytest.mark.parametrize(("language", "html"), [
    ("ar", 'جهة التنسيق الوطنية – مصر · <span lang="en" dir="ltr">Ministry of Labour</span>'),
    ("en", "Focal point – Egypt · Ministry of Labour"),
])
def test_person_and_ministry_filters_mark_only_the_other_language(language, html):
    user = factories.UserFactory.build(name_ar="جهة التنسيق الوطنية – مصر", name_en="Focal point – Egypt",
                                       ministry_en="Ministry of Labour")

    assert _render("{{ user|person }} · {{ user|ministry }}", language, user=user) == html


def test_person_filter_escapes_a_name():
    user = factories.UserFactory.build(name_ar="", name_en="<b>Eve</b>")

    assert _render("{{ user|person }}", "ar", user=user) == '<span lang="en" dir="ltr">&lt;b&gt;Eve&lt;/b&gt;</span>'


def test_str_of_a_user_is_the_name_in_the_active_language():
    user = factories.UserFactory.build(name_ar="المنظِّم الإقليمي", name_en="Regional organiser")

    with translation.override("ar"):
        arabic = str(user)
    with translation.override("en"):
        english = str(user)

    assert (arabic, english) == ("المنظِّم الإقليمي", "Regional organiser")
