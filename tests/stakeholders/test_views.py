import time

import pytest
from django.core import signing
from django.urls import reverse
from django.utils import translation

from reviews.models import RoundTable
from reviews.services.synthesis import synthesis_chapters_ensure
from stakeholders.models import StakeholderOrganisation
from stakeholders.services.quotes import input_quote_choose
from tests import factories

pytestmark = pytest.mark.django_db


def _url(name, *args, language="en"):
    with translation.override(language):
        return reverse(name, args=args)


def _join_data(**extra):
    return {"name_ar": "جمعية الهجرة", "name_en": "", "category": 2, "contact_name": "Sara",
            "contact_email": "sara@example.org", "website": "", "fax": "",
            "started": signing.dumps(time.time() - 60, salt="stakeholders.join.started"), **extra}


@pytest.fixture
def category(reference):
    from reviews.models import StakeholderCategory

    return StakeholderCategory.objects.get(code="academia")


@pytest.mark.parametrize("language", ["ar", "en"])
def test_join_form_renders_in_both_languages(client, reference, language):
    response = client.get(_url("stakeholders:join", language=language))

    assert (response.status_code, 'name="fax"' in response.text, f'lang="{language}"' in response.text) == (
        200, True, True)


def test_join_request_is_kept_for_an_organiser(client, category):
    response = client.post(_url("stakeholders:join"), _join_data(category=category.pk))

    organisation = StakeholderOrganisation.objects.get()
    assert (response.status_code, response["Location"], organisation.status, organisation.name_ar) == (
        302, _url("stakeholders:join_done"), "pending", "جمعية الهجرة")


@pytest.mark.parametrize("tampered", [{"fax": "http://spam.example"}, {"started": "forged"}, {"started": "now"}])
def test_join_refuses_robots(client, category, tampered):
    if tampered["started" if "started" in tampered else "fax"] == "now":  # posted as soon as it was shown
        tampered = {"started": signing.dumps(time.time(), salt="stakeholders.join.started")}
    response = client.post(_url("stakeholders:join"), _join_data(category=category.pk, **tampered))

    assert (response.status_code, StakeholderOrganisation.objects.count()) == (400, 0)


def test_join_is_rate_limited(client, category, settings):
    settings.STAKEHOLDER_JOINS_PER_HOUR = 1
    client.post(_url("stakeholders:join"), _join_data(category=category.pk))

    response = client.post(_url("stakeholders:join"), _join_data(category=category.pk))

    assert (response.status_code, StakeholderOrganisation.objects.count()) == (429, 1)


@pytest.mark.parametrize("language", ["ar", "en"])
def test_an_organisation_sees_its_inputs_and_edits_a_draft(client, stakeholder, draft, accepted, language):
    client.force_login(stakeholder)

    listing = client.get(_url("stakeholders:inputs", language=language))
    editor = client.get(_url("stakeholders:input", draft.uid, language=language))

    assert (listing.status_code, draft.title in listing.text, accepted.title in listing.text) == (200, True, True)
    assert (editor.status_code, "answer-form" in editor.text, 'name="input-text_ar"' in editor.text) == (
        200, True, True)


def test_home_sends_an_organisation_to_its_inputs(client, stakeholder):
    client.force_login(stakeholder)

    response = client.get(_url("home"))

    assert (response.status_code, response["Location"]) == (302, _url("stakeholders:inputs"))


def test_autosave_answers_the_script_and_refuses_a_stale_version(client, stakeholder, draft):
    client.force_login(stakeholder)
    url = _url("stakeholders:input_save", draft.uid)
    data = {"input-title": "عنوان", "input-text_ar": "نص.", "input-text_en": "", "input-original_language": "",
            "input-round_tables": [RoundTable.objects.get(number=3).pk], "input-attribution": "named",
            "input-version": 1}

    saved = client.post(url, data, HTTP_X_REQUESTED_WITH="fetch")
    stale = client.post(url, {**data, "input-text_ar": "آخر."}, HTTP_X_REQUESTED_WITH="fetch")

    assert (saved.status_code, saved.json()["version"]) == (200, 2)
    assert (stale.status_code, stale.json()["text_ar"], stale.json()["stored"]["input-round_tables"]) == (
        409, "نص.", [str(RoundTable.objects.get(number=3).pk)])


@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_staff_moderate_a_submitted_input(client, reviewer, accepted, language):
    client.force_login(reviewer)

    queue = client.get(_url("stakeholders:moderation", language=language))
    page = client.get(_url("stakeholders:input", accepted.uid, language=language))

    assert (queue.status_code, accepted.title in queue.text) == (200, True)
    assert (page.status_code, _url("stakeholders:input_decline", accepted.uid, language=language) in page.text,
            'name="translation-text_en"' in page.text) == (200, True, True)


def test_compilation_filters_by_category_and_country(client, reviewer, accepted, other_organisation, open_cycle):
    other = factories.StakeholderInputFactory(organisation=other_organisation, cycle=open_cycle, status="accepted",
                                              title="Academia input")
    client.force_login(reviewer)

    everything = client.get(_url("stakeholders:compilation", open_cycle.slug))
    academia = client.get(_url("stakeholders:compilation", open_cycle.slug),
                          {"category": other_organisation.category.pk})

    assert ((accepted.title in everything.text, other.title in everything.text),
            (accepted.title in academia.text, other.title in academia.text)) == ((True, True), (False, True))


@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_quotes_page_lists_the_sentences_of_accepted_inputs(client, reviewer, accepted, open_cycle, language):
    chapter = next(row for row in synthesis_chapters_ensure(cycle=open_cycle)
                   if row.round_table_id and row.round_table.number == 1)
    input_quote_choose(chapter=chapter, stakeholder_input=accepted, first_sentence=1, last_sentence=1,
                       base_version=0, user=reviewer)
    client.force_login(reviewer)

    response = client.get(_url("stakeholders:quotes", open_cycle.slug, chapter.uid, language=language))

    assert (response.status_code, response.text.count('class="sentence user-text is-quoted"'),
            "يجب تحسين الوصول إلى العدالة." in response.text) == (200, 1, True)
