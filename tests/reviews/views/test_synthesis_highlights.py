"""The country-highlight pages of the synthesis editor, in Arabic and English: per objective, every country
that reports it with the passage the report quotes; per country, the picker of sentences of its last submitted
answers; choosing (with the conflict check), going back to the default, and the preview; staff only, 404 for a
review or an objective the page cannot show."""

import html
import re

import pytest
from django.contrib.messages import get_messages
from django.utils import translation
from django.utils.translation import gettext

from reviews.models import Answer, CountryHighlight, ObjectiveSynthesis, Review, SynthesisChange
from reviews.services.submission import review_submit
from reviews.services.highlights import highlight_choose
from reviews.services.synthesis import synthesis_chapters_ensure
from tests import factories

pytestmark = pytest.mark.django_db

COUNTRY_TEAMS = ["focal_point", "contributor", "other_focal_point"]
SENTENCES = "يعمل المغرب على إصلاح التوظيف. ألغيت الرسوم. تضاعفت عمليات التفتيش."


@pytest.fixture
def section(open_cycle) -> ObjectiveSynthesis:
    synthesis_chapters_ensure(cycle=open_cycle)
    return ObjectiveSynthesis.objects.select_related("chapter__cycle", "objective").get(
        chapter__cycle=open_cycle, objective__number=1)


@pytest.fixture
def morocco_review(open_cycle, other_focal_point, complete_review):
    """Morocco's review, submitted with objective 1; its answer 3.b has three Arabic sentences."""
    review = factories.ReviewFactory(cycle=open_cycle, country=other_focal_point.country)
    complete_review(review, other_focal_point, objective_numbers=(1,))
    Answer.objects.filter(review=review, prompt__code="3.b").update(text_ar=SENTENCES, text_en="",
                                                                    original_language="ar")
    review_submit(review=review, user=other_focal_point)
    return Review.objects.select_related("country").get(pk=review.pk)


def _url(section, suffix="", language="en") -> str:
    return (f"/{language}/reviews/cycles/arab-2028/synthesis/{section.chapter.uid}/objectives/"
            f"{section.objective.number}/highlights/{suffix}")


def _page(response) -> str:
    return html.unescape(response.content.decode())


def _messages(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def _in(language, message, **params) -> str:
    with translation.override(language):
        return gettext(message) % params if params else gettext(message)


def _stored(section, review):
    row = CountryHighlight.objects.filter(section=section, review=review).first()
    return row and (row.prompt_code, row.first_sentence, row.last_sentence, row.version)


# --- access ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("user_fixture", COUNTRY_TEAMS)
@pytest.mark.parametrize("suffix", ["", "{uid}/", "{uid}/choose/", "{uid}/reset/"])
def test_highlight_pages_refused_to_country_teams(request, client, section, morocco_review, user_fixture, suffix):
    client.force_login(request.getfixturevalue(user_fixture))
    url = _url(section, suffix.format(uid=morocco_review.uid))

    response = client.post(url, {"prompt": "3.b", "3.b-first_sentence": 0, "3.b-last_sentence": 0,
                                 "3.b-version": 0}) if suffix.endswith(("choose/", "reset/")) else client.get(url)

    assert (response.status_code, _stored(section, morocco_review)) == (403, None)


def test_highlight_pages_send_anonymous_to_login(client, section, morocco_review):
    response = client.get(_url(section, f"{morocco_review.uid}/"))

    assert (response.status_code, response["Location"].split("?next=")[0]) == (302, "/en/accounts/login/")


def test_highlight_pages_of_a_draft_or_an_objective_elsewhere_are_404(client, open_cycle, section, morocco_review,
                                                                      review, complete_review, focal_point,
                                                                      reviewer):
    complete_review(review, focal_point)  # Egypt's draft: not the regional staff's to see
    other_chapter = ObjectiveSynthesis.objects.get(chapter__cycle=open_cycle, objective__number=2).chapter
    not_reported = ObjectiveSynthesis.objects.select_related("chapter__cycle", "objective").get(
        chapter__cycle=open_cycle, objective__number=3)
    client.force_login(reviewer)

    statuses = [
        client.get(_url(section, f"{review.uid}/")).status_code,
        client.post(_url(section, f"{review.uid}/choose/"), {"prompt": "3.a"}).status_code,
        client.post(_url(section, f"{review.uid}/reset/"), {"version": 1}).status_code,
        client.get(f"/en/reviews/cycles/arab-2028/synthesis/{other_chapter.uid}/objectives/1/highlights/").status_code,
        client.get(_url(not_reported, f"{morocco_review.uid}/")).status_code,
    ]

    assert statuses == [404, 404, 404, 404, 404]


# --- the list --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["ar", "en"])
def test_highlights_list_each_reporting_country_with_its_passage(client, section, morocco_review,
                                                                 submitted_review, reviewer, language):
    highlight_choose(section=section, review=morocco_review, prompt_code="3.b", first_sentence=1, last_sentence=2,
                     base_version=0, user=reviewer)
    client.force_login(reviewer)

    response = client.get(_url(section, language=language))

    page = _page(response)
    egypt, morocco = (page.split(f'id="country-{iso2}"')[1].split("</li>")[0] for iso2 in ("EG", "MA"))
    assert response.status_code == 200
    egypt_answer = Answer.objects.get(review=submitted_review, prompt__code="3.a", objective__number=1).text_ar
    assert f'<p class="user-text mb-0" lang="ar" dir="rtl">{egypt_answer}</p>' in egypt
    assert _in(language, "Default passage") in egypt and "reset/" not in egypt
    assert '<p class="user-text mb-0" lang="ar" dir="rtl">ألغيت الرسوم. تضاعفت عمليات التفتيش.</p>' in morocco
    with translation.override(language):
        chosen = gettext('Chosen passage: question <span dir="ltr">%(code)s</span>, sentences %(first)s to '
                         '%(last)s') % {"code": "3.b", "first": 2, "last": 3}
    assert chosen in morocco
    assert '<input type="hidden" name="version" value="1">' in morocco


# --- the picker ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["ar", "en"])
def test_highlight_picker_numbers_the_sentences_in_the_answers_language(client, section, morocco_review, reviewer,
                                                                        language):
    client.force_login(reviewer)

    response = client.get(_url(section, f"{morocco_review.uid}/", language=language))

    page = _page(response)
    answer = re.sub(r">\s+<", "><", page.split('id="answer-3.b"')[1].split("</section>")[0])
    assert response.status_code == 200
    assert [code for code in ("3.a", "3.b", "3.c", "3.d") if f'id="answer-{code}"' in page] == ["3.a", "3.b", "3.c"]
    assert ('<ol class="sentences border rounded py-2 bg-white" lang="ar" dir="rtl">'
            '<li class="sentence user-text">يعمل المغرب على إصلاح التوظيف.</li>'
            '<li class="sentence user-text">ألغيت الرسوم.</li>'
            '<li class="sentence user-text">تضاعفت عمليات التفتيش.</li>') in answer
    assert ('<select class="form-select form-select-sm" name="3.b-last_sentence" id="id_3.b-last_sentence">'
            '<option value="0" selected>1</option><option value="1">2</option><option value="2">3</option>'
            ) in answer
    quoted = _in(language, "(quoted now)")
    assert '<li class="sentence user-text is-quoted">' in page.split('id="answer-3.a"')[1].split("</section>")[0]
    assert quoted in page


def test_highlight_choose_saves_and_goes_back_to_the_list(client, section, morocco_review, reviewer):
    client.force_login(reviewer)

    response = client.post(_url(section, f"{morocco_review.uid}/choose/"), {
        "prompt": "3.b", "3.b-first_sentence": "1", "3.b-last_sentence": "2", "3.b-version": "0"})

    assert response["Location"] == _url(section) + "#country-MA"
    assert (_stored(section, morocco_review), _messages(response)) == (("3.b", 1, 2, 1),
                                                                       ["Passage chosen for Morocco."])
    assert SynthesisChange.objects.get().after == "3.b 2-3"


@pytest.mark.parametrize("language", ["ar", "en"])
def test_highlight_choose_refuses_a_range_back_to_front(client, section, morocco_review, reviewer, language):
    client.force_login(reviewer)

    response = client.post(_url(section, f"{morocco_review.uid}/choose/", language=language), {
        "prompt": "3.b", "3.b-first_sentence": "2", "3.b-last_sentence": "0", "3.b-version": "0"})

    assert response["Location"] == _url(section, f"{morocco_review.uid}/", language=language) + "#answer-3.b"
    assert (_stored(section, morocco_review), _messages(response)) == (
        None, [_in(language, "The first sentence comes before the last one, or is the same.")])


@pytest.mark.parametrize("posted", [{"prompt": "1.1"}, {"prompt": "3.b", "3.b-first_sentence": "7",
                                                        "3.b-last_sentence": "9", "3.b-version": "0"}])
def test_highlight_choose_refuses_a_question_or_sentences_not_offered(client, section, morocco_review, reviewer,
                                                                      posted):
    client.force_login(reviewer)

    response = client.post(_url(section, f"{morocco_review.uid}/choose/"), posted)

    assert (response.status_code, _stored(section, morocco_review), len(_messages(response))) == (302, None, 1)


@pytest.mark.parametrize("language", ["ar", "en"])
def test_highlight_choose_on_a_stale_page_says_who_chose_meanwhile(client, section, morocco_review, reviewer,
                                                                   organiser, language):
    highlight_choose(section=section, review=morocco_review, prompt_code="3.a", first_sentence=0, last_sentence=0,
                     base_version=0, user=organiser)
    client.force_login(reviewer)

    response = client.post(_url(section, f"{morocco_review.uid}/choose/", language=language), {
        "prompt": "3.b", "3.b-first_sentence": "0", "3.b-last_sentence": "1", "3.b-version": "0"})

    expected = _in(language, "%(name)s chose another passage for this country while you were choosing. Look at "
                             "their choice and choose again if you still prefer yours.", name=organiser)
    assert (_messages(response), _stored(section, morocco_review)) == ([expected], ("3.a", 0, 0, 1))


def test_highlight_reset_goes_back_to_the_default(client, section, morocco_review, reviewer):
    highlight_choose(section=section, review=morocco_review, prompt_code="3.b", first_sentence=0, last_sentence=0,
                     base_version=0, user=reviewer)
    client.force_login(reviewer)

    response = client.post(_url(section, f"{morocco_review.uid}/reset/"), {"version": "1"})

    assert response["Location"] == _url(section) + "#country-MA"
    assert (_stored(section, morocco_review), _messages(response)) == (
        None, ["Morocco is quoted with its default passage again."])


# --- preview ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["ar", "en"])
def test_round_table_preview_quotes_each_country_under_its_objective(client, section, morocco_review, reviewer,
                                                                     language):
    highlight_choose(section=section, review=morocco_review, prompt_code="3.b", first_sentence=1, last_sentence=1,
                     base_version=0, user=reviewer)
    client.force_login(reviewer)

    response = client.get(f"/{language}/reviews/cycles/arab-2028/synthesis/{section.chapter.uid}/preview/?lang=en")

    page = _page(response)
    objective_1 = page.split('id="objective-1"')[1].split("</section>")[0]
    assert '<h3 class="h6 mt-3">Country highlights</h3>' in objective_1
    assert ('<li class="country-highlight mb-2"><span class="fw-semibold">Morocco</span> <span class="badge '
            'text-bg-warning one-language">Only in Arabic</span>:\n        <q class="user-text" lang="ar" dir="rtl">'
            'ألغيت الرسوم.</q></li>') in objective_1
    assert "Country highlights" not in page.split('id="objective-3"')[1].split("</section>")[0]
