"""Fragments in the other language carry their lang and dir, and English-only items are marked as such on
Arabic pages (and Arabic-only ones on English pages)."""

import html

import pytest
from django.template import Context, Template
from django.utils import translation

from reviews.models import ReviewObjective
from stakeholders.services.inputs import input_message_add
from tests import factories


def _render(source: str, **context) -> str:
    return Template("{% load review_tags %}" + source).render(Context(context))


@pytest.mark.parametrize(("text", "attributes"), [
    ("Labour mobility scheme", 'lang="en" dir="ltr"'),
    ("برنامج تنقل العمالة", 'lang="ar" dir="rtl"'),
    ("2019–2023", 'dir="auto"'),
])
def test_lang_dir_from_the_first_letter(text, attributes):
    assert _render("{{ text|lang_dir }}", text=text) == attributes


@pytest.mark.parametrize(("language", "texts", "only"), [
    ("ar", ("Labour mobility", "Described in English."), "en"),
    ("ar", ("برنامج", "وصف"), ""),
    ("ar", ("برنامج", "Described in English."), ""),  # both languages: nothing to mark
    ("en", ("برنامج", "وصف"), "ar"),
    ("en", ("Labour mobility", "Described."), ""),
])
def test_only_in_names_the_language_when_it_is_not_the_pages(language, texts, only):
    with translation.override(language):
        assert _render("{% only_in a b as only %}{{ only }}", a=texts[0], b=texts[1]) == only


@pytest.mark.parametrize(("language", "badge"), [("ar", "بالإنكليزية فقط"), ("en", None)])
def test_practices_page_marks_an_english_practice(client, submitted_review, reviewer, language, badge):
    row = ReviewObjective.objects.filter(review=submitted_review, is_reported=True).first()
    practice = factories.GoodPracticeFactory(review_objective=row, title="Labour mobility scheme",
                                             description="Workers move between the two countries.")
    client.force_login(reviewer)

    page = html.unescape(client.get(f"/{language}/reviews/cycles/{submitted_review.cycle.slug}/practices/")
                         .content.decode())

    assert f'<a href="/{language}/reviews/practices/{practice.uid}/" lang="en" dir="ltr">Labour mobility scheme</a>' in page
    assert ('<span class="badge text-bg-warning one-language">' in page) is (badge is not None)
    if badge:
        assert f'<span class="badge text-bg-warning one-language">{badge}</span>' in page



@pytest.mark.parametrize("language", ["ar", "en"])
def test_user_text_of_unrecorded_language_carries_its_own_lang_and_dir(client, open_cycle, reviewer, language):
    """Titles people type (here a stakeholder input's) are marked with the language of their text, not only left
    to dir="auto": an English title on an Arabic page is read and laid out as English, and the other way round."""
    english = factories.StakeholderInputFactory(cycle=open_cycle, status="submitted", title="Fair recruitment now")
    arabic = factories.StakeholderInputFactory(cycle=open_cycle, status="submitted", title="التوظيف العادل")
    input_message_add(stakeholder_input=english, user=reviewer, body="Which country?")
    input_message_add(stakeholder_input=english, user=english.organisation.account, body="الأردن.")
    client.force_login(reviewer)

    listing = client.get(f"/{language}/stakeholders/moderation/").content.decode()
    detail = client.get(f"/{language}/stakeholders/inputs/{english.uid}/").content.decode()

    assert f'href="/{language}/stakeholders/inputs/{english.uid}/" lang="en" dir="ltr">Fair recruitment now</a>' in listing
    assert f'href="/{language}/stakeholders/inputs/{arabic.uid}/" lang="ar" dir="rtl">التوظيف العادل</a>' in listing
    assert '<h1 class="h4" lang="en" dir="ltr">Fair recruitment now</h1>' in detail
    assert '<div lang="en" dir="ltr" class="user-text"><p>Which country?</p></div>' in detail  # the thread
    assert '<div lang="ar" dir="rtl" class="user-text"><p>الأردن.</p></div>' in detail


@pytest.mark.parametrize(("language", "shown"), [
    ("ar", '<span lang="en" dir="ltr">Migrant Voices</span>'),  # no Arabic name: the English one, marked
    ("en", "Migrant Voices"),
])
def test_an_organisations_name_is_shown_in_the_pages_language_or_marked(client, open_cycle, reviewer, language,
                                                                       shown):
    organisation = factories.StakeholderOrganisationFactory(name_ar="", name_en="Migrant Voices")
    factories.StakeholderInputFactory(organisation=organisation, cycle=open_cycle, status="submitted")
    client.force_login(reviewer)

    page = client.get(f"/{language}/stakeholders/moderation/").content.decode()

    assert f"<td>{shown} <span class=\"text-secondary small\">·" in page
