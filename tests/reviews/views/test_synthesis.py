"""The synthesis editor's pages, for each kind of user, in Arabic and English: the overview of the
chapters, the chapter editor and its autosave, citations, featured practices and the preview."""

import html

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import gettext

from reviews.models import ChapterCitation, ObjectiveSynthesis, Review, ReviewObjective, SynthesisChapter
from reviews.services.submission import review_submit
from reviews.services.synthesis import (
    chapter_cite,
    chapter_feature_practice,
    chapter_text_save,
    synthesis_chapters_ensure,
)
from tests import factories
from tests.reviews.views.fragments import LANG_DIR

pytestmark = pytest.mark.django_db

SYNTHESIS = "/{language}/reviews/cycles/arab-2028/synthesis/"
TEXT_CONFLICT = ("%(name)s saved this text while you were editing it. Your text was not saved: compare both "
                 "versions, merge them and save again.")
COUNTRY_TEAMS = ["focal_point", "contributor", "other_focal_point"]


def _in(language, message, **params) -> str:
    with translation.override(language):
        return gettext(message) % params if params else gettext(message)


def _page(response) -> str:
    return html.unescape(response.content.decode())


def _messages(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def _url(chapter, suffix="", language="en") -> str:
    return f"{SYNTHESIS.format(language=language)}{chapter.uid}/{suffix}"


@pytest.fixture
def chapters(open_cycle) -> list[SynthesisChapter]:
    return synthesis_chapters_ensure(cycle=open_cycle)


@pytest.fixture
def round_table_4(chapters) -> SynthesisChapter:
    """The chapter of round table 4: objectives 1, 3, 7, 17 and 23."""
    return chapters[7]


@pytest.fixture
def morocco_review(open_cycle, other_focal_point, complete_review):
    """Morocco's review, complete and submitted by its focal point (objective 1 reported)."""
    review = factories.ReviewFactory(cycle=open_cycle, country=other_focal_point.country)
    complete_review(review, other_focal_point)
    review_submit(review=review, user=other_focal_point)
    return Review.objects.get(pk=review.pk)


def _stored(item):
    item = type(item).objects.get(pk=item.pk)
    return item.text_ar, item.text_en, item.version


def _text_post(prefix, *, text_ar="", text_en="", version, objective=None):
    data = {f"{prefix}-text_ar": text_ar, f"{prefix}-text_en": text_en, f"{prefix}-original_language": "",
            f"{prefix}-version": version}
    if objective is not None:
        data["objective"] = objective
    return data


# --- access ---------------------------------------------------------------------------------------------------


def _all_pages(chapter):
    return [SYNTHESIS.format(language="en"), _url(chapter), _url(chapter, "preview/?lang=ar")]


@pytest.mark.parametrize("user_fixture", COUNTRY_TEAMS)
def test_synthesis_pages_forbidden_to_country_teams(request, client, round_table_4, user_fixture):
    client.force_login(request.getfixturevalue(user_fixture))

    statuses = [client.get(url).status_code for url in _all_pages(round_table_4)]

    assert statuses == [403, 403, 403]


@pytest.mark.parametrize("user_fixture", COUNTRY_TEAMS)
@pytest.mark.parametrize("suffix", ["text/", "verify/", "cite/", "feature/"])
def test_synthesis_writes_forbidden_to_country_teams(request, client, round_table_4, user_fixture, suffix):
    client.force_login(request.getfixturevalue(user_fixture))

    response = client.post(_url(round_table_4, suffix), _text_post("chapter", text_ar="نص", version=1))

    assert (response.status_code, _stored(round_table_4)) == (403, ("", "", 1))


def test_synthesis_overview_forbidden_to_country_teams_creates_nothing(client, open_cycle, focal_point):
    client.force_login(focal_point)
    before = SynthesisChapter.objects.count()

    response = client.get(SYNTHESIS.format(language="en"))

    assert (response.status_code, SynthesisChapter.objects.count()) == (403, before)


def test_synthesis_pages_send_anonymous_to_login(client, round_table_4):
    responses = [client.get(url) for url in _all_pages(round_table_4)]
    saved = client.post(_url(round_table_4, "text/"), _text_post("chapter", text_ar="نص", version=1))

    assert [(r.status_code, r["Location"].split("?next=")[0]) for r in [*responses, saved]] == [
        (302, "/en/accounts/login/")] * 4
    assert _stored(round_table_4) == ("", "", 1)


def test_synthesis_of_an_unknown_cycle_or_chapter_is_404(client, round_table_4, reviewer):
    client.force_login(reviewer)

    unknown_cycle = client.get("/en/reviews/cycles/arab-2099/synthesis/")
    wrong_cycle = client.get(f"/en/reviews/cycles/arab-2024/synthesis/{round_table_4.uid}/")
    unknown_chapter = client.get("/en/reviews/cycles/arab-2028/synthesis/00000000-0000-0000-0000-000000000000/")

    assert [unknown_cycle.status_code, wrong_cycle.status_code, unknown_chapter.status_code] == [404, 404, 404]


# --- overview -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["ar", "en"])
@pytest.mark.parametrize("user_fixture", ["reviewer", "organiser"])
def test_synthesis_overview_lists_the_chapters(request, client, open_cycle, user_fixture, language):
    client.force_login(request.getfixturevalue(user_fixture))

    response = client.get(SYNTHESIS.format(language=language))

    page = _page(response)
    chapters = list(SynthesisChapter.objects.filter(cycle=open_cycle))
    assert (response.status_code, len(chapters)) == (200, 11)
    assert [c.pk for c in response.context["chapters"]] == [c.pk for c in chapters]
    for chapter in chapters:
        title = getattr(chapter, f"title_{language}")
        assert f'<a href="/{language}/reviews/cycles/arab-2028/synthesis/{chapter.uid}/" {LANG_DIR[language]}>{title}</a>' in page
    assert f'<h1 class="h3">{_in(language, "Regional synthesis")}</h1>' in page


def _writes(queries) -> list[str]:
    return [query["sql"] for query in queries
            if query["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))]


def test_synthesis_overview_get_only_reads(client, open_cycle, reviewer):
    """The chapters exist once the cycle is set up: showing them writes nothing."""
    client.force_login(reviewer)
    def stored():
        return (SynthesisChapter.objects.filter(cycle=open_cycle).count(),
                ObjectiveSynthesis.objects.filter(chapter__cycle=open_cycle).count())
    before = stored()

    with CaptureQueriesContext(connection) as queries:
        response = client.get(SYNTHESIS.format(language="en"))

    assert (response.status_code, len(response.context["chapters"])) == (200, 11)
    assert _writes(queries.captured_queries) == []
    assert stored() == before == (11, 23)


def test_synthesis_overview_of_a_cycle_without_chapters_creates_none(client, reference, reviewer):
    """A cycle made outside cycle_create (here a bare factory row) has no chapters: the page shows
    none rather than creating them."""
    cycle = factories.ReviewCycleFactory(slug="arab-2030")
    client.force_login(reviewer)

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/en/reviews/cycles/arab-2030/synthesis/")

    assert (response.status_code, list(response.context["chapters"])) == (200, [])
    assert _writes(queries.captured_queries) == []
    assert SynthesisChapter.objects.filter(cycle=cycle).count() == 0


def test_synthesis_overview_shows_translation_status_and_last_change(client, round_table_4, reviewer,
                                                                     submitted_review):
    chapter_text_save(chapter=round_table_4, user=reviewer, text_ar="نص", text_en="", original_language=None,
                      base_version=1)
    chapter_cite(chapter=round_table_4, review=submitted_review, prompt_code="1.1", objective_number=None,
                 note="", user=reviewer)
    client.force_login(reviewer)

    response = client.get(SYNTHESIS.format(language="en"))

    row = _page(response).split('<tr class="chapter-round_table">')[4].split("</tr>")[0]
    change = response.context["chapters"][7].last_change
    assert '<span class="badge text-bg-light translation-needed">Needs translation</span>' in row
    assert '<td class="text-center">0/5</td>' in row
    assert '<td class="text-center">1</td>' in row
    assert (change.field, change.user) == ("citations", reviewer)
    assert f'<td class="small last-change">{reviewer} · ' in row


def test_dashboard_links_to_the_synthesis(client, open_cycle, reviewer):
    client.force_login(reviewer)

    response = client.get("/en/reviews/cycles/arab-2028/dashboard/")

    assert '<a class="btn btn-sm btn-link" href="/en/reviews/cycles/arab-2028/synthesis/">Synthesis</a>' in _page(
        response)


# --- chapter editor -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["ar", "en"])
@pytest.mark.parametrize("user_fixture", ["reviewer", "organiser"])
def test_synthesis_chapter_editor_shows_both_languages_side_by_side(request, client, round_table_4, user_fixture,
                                                                    language):
    client.force_login(request.getfixturevalue(user_fixture))

    response = client.get(_url(round_table_4, language=language))

    page = _page(response)
    assert response.status_code == 200
    assert ('<textarea class="form-control" name="chapter-text_ar" id="id_chapter-text_ar" rows="12" dir="rtl" '
            'lang="ar" maxlength="50000">') in page
    assert ('<textarea class="form-control" name="chapter-text_en" id="id_chapter-text_en" rows="12" dir="ltr" '
            'lang="en" maxlength="50000">') in page
    assert [section.objective.number for section, _form in response.context["sections"]] == [1, 3, 7, 17, 23]
    assert 'name="o17-text_ar"' in page
    assert f'<h1 class="h3" {LANG_DIR[language]}>{getattr(round_table_4, f"title_{language}")}</h1>' in page
    assert f'action="/{language}/reviews/cycles/arab-2028/synthesis/{round_table_4.uid}/text/"' in page


def test_synthesis_practices_page_lists_the_practices_of_the_round_table(client, round_table_4, submitted_review,
                                                                        reviewer):
    row = ReviewObjective.objects.get(review=submitted_review, objective__number=1)
    practice = factories.GoodPracticeFactory(review_objective=row, title="Data hub")
    client.force_login(reviewer)

    on_round_table = client.get(_url(round_table_4, "practices/"))
    elsewhere = client.get(_url(round_table_4.cycle.synthesis_chapters.get(round_table__number=1), "practices/"))
    chapter = _page(client.get(_url(round_table_4)))

    assert list(on_round_table.context["practices"]) == [practice]
    assert list(elsewhere.context["practices"]) == []
    assert f'<button type="submit" form="feature-on" name="practice" value="{practice.uid}"' in _page(on_round_table)
    # The chapter's page lists what it features, and leads to the choice.
    assert (f'href="{_url(round_table_4, "practices/")}">Choose among 1 good practice reported</a>' in chapter)
    assert "No good practice featured yet." in chapter


def test_synthesis_practices_page_of_the_key_messages_is_404(client, chapters, reviewer):
    client.force_login(reviewer)
    messages_chapter = next(chapter for chapter in chapters if chapter.kind == SynthesisChapter.Kind.KEY_MESSAGES)

    assert client.get(_url(messages_chapter, "practices/")).status_code == 404


# --- autosave -------------------------------------------------------------------------------------------------


def test_synthesis_text_save_answers_like_the_answer_autosave(client, round_table_4, reviewer):
    client.force_login(reviewer)

    response = client.post(_url(round_table_4, "text/"), _text_post("chapter", text_ar="نص الفصل", version=1))

    body = response.json()
    assert (response.status_code, body["ok"], body["version"], body["original_language"], body["updated_by"]) == (
        200, True, 2, "ar", str(reviewer))
    assert body["updated_at"] != ""
    assert _stored(round_table_4) == ("نص الفصل", "", 2)


def test_synthesis_text_save_of_an_objective_section(client, round_table_4, reviewer):
    client.force_login(reviewer)

    response = client.post(_url(round_table_4, "text/"),
                           _text_post("o3", text_en="Information campaigns", version=1, objective=3))

    section = round_table_4.objective_syntheses.get(objective__number=3)
    assert (response.status_code, response.json()["version"]) == (200, 2)
    assert _stored(section) == ("", "Information campaigns", 2)
    assert _stored(round_table_4) == ("", "", 1)


def test_synthesis_text_save_of_an_objective_of_another_round_table_is_404(client, round_table_4, reviewer):
    client.force_login(reviewer)

    response = client.post(_url(round_table_4, "text/"), _text_post("o2", text_ar="نص", version=1, objective=2))

    assert response.status_code == 404


@pytest.mark.parametrize("language", ["ar", "en"])
def test_synthesis_text_save_conflict_is_409_with_the_stored_text(client, round_table_4, reviewer, organiser,
                                                                  language):
    chapter_text_save(chapter=round_table_4, user=organiser, text_ar="نص المنظم", text_en="Organiser's text",
                      original_language=None, base_version=1)
    client.force_login(reviewer)

    response = client.post(_url(round_table_4, "text/", language=language),
                           _text_post("chapter", text_ar="نص المراجع", version=1))

    body = response.json()
    assert response.status_code == 409
    assert {key: body[key] for key in ("ok", "conflict", "message", "text_ar", "text_en", "version", "updated_by")} == {
        "ok": False, "conflict": True, "message": _in(language, TEXT_CONFLICT, name=organiser),
        "text_ar": "نص المنظم", "text_en": "Organiser's text", "version": 2, "updated_by": str(organiser),
    }
    assert _stored(round_table_4) == ("نص المنظم", "Organiser's text", 2)


def test_synthesis_text_save_refuses_a_text_too_long(client, round_table_4, reviewer):
    client.force_login(reviewer)

    response = client.post(_url(round_table_4, "text/"), _text_post("chapter", text_ar="ن" * 50_001, version=1))

    assert (response.status_code, list(response.json()["errors"])) == (400, ["text_ar"])
    assert _stored(round_table_4) == ("", "", 1)


def test_synthesis_text_save_forbidden_to_country_team_in_json(client, round_table_4, focal_point):
    client.force_login(focal_point)

    response = client.post(_url(round_table_4, "text/"), _text_post("chapter", text_ar="نص", version=1))

    assert (response.status_code, response.json()) == (
        403, {"ok": False, "message": "Only the regional staff write the regional synthesis."})


def test_synthesis_text_save_by_get_is_refused(client, round_table_4, reviewer):
    client.force_login(reviewer)

    assert client.get(_url(round_table_4, "text/")).status_code == 405


# --- verification ---------------------------------------------------------------------------------------------


def test_synthesis_verify_marks_the_translation(client, round_table_4, reviewer, organiser):
    chapter_text_save(chapter=round_table_4, user=reviewer, text_ar="نص", text_en="Text", original_language=None,
                      base_version=1)
    client.force_login(organiser)

    response = client.post(_url(round_table_4, "verify/"), {"verified": "1", "version": 2})

    stored = SynthesisChapter.objects.get(pk=round_table_4.pk)
    assert (response.status_code, response["Location"]) == (302, _url(round_table_4))
    assert (stored.translation_status, stored.translation_verified_by) == ("verified", organiser)
    assert _messages(response) == ["Translation status saved."]


def test_synthesis_verify_of_a_changed_text_is_refused_with_a_message(client, round_table_4, reviewer, organiser):
    chapter_text_save(chapter=round_table_4, user=reviewer, text_ar="نص", text_en="Text", original_language=None,
                      base_version=1)
    client.force_login(organiser)

    response = client.post(_url(round_table_4, "verify/"), {"verified": "1", "version": 1})

    assert SynthesisChapter.objects.get(pk=round_table_4.pk).translation_verified_at is None
    assert _messages(response) == [f"{reviewer} changed this text since you read it. Read it again before "
                                   "verifying the translation."]


def test_synthesis_verify_with_a_garbled_version_is_a_conflict(client, round_table_4, reviewer):
    chapter_text_save(chapter=round_table_4, user=reviewer, text_ar="نص", text_en="Text", original_language=None,
                      base_version=1)
    client.force_login(reviewer)

    response = client.post(_url(round_table_4, "verify/"), {"verified": "1", "version": "two"})

    assert (response.status_code, SynthesisChapter.objects.get(pk=round_table_4.pk).translation_status) == (
        302, "draft")


# --- citations and practices ----------------------------------------------------------------------------------


def test_synthesis_cite_adds_a_citation(client, round_table_4, submitted_review, morocco_review, reviewer):
    client.force_login(reviewer)

    response = client.post(_url(round_table_4, "cite/"), {
        "review": morocco_review.uid, "prompt_code": "3.a", "objective_number": "1", "note": "Labour survey"})

    assert (response.status_code, response["Location"]) == (302, _url(round_table_4) + "#citations")
    assert list(ChapterCitation.objects.values_list("review__country__iso2", "prompt_code", "objective_number",
                                                    "note")) == [("MA", "3.a", 1, "Labour survey")]
    assert _messages(response) == ["Citation added."]


def test_synthesis_cite_refused_shows_why(client, round_table_4, submitted_review, reviewer):
    client.force_login(reviewer)

    response = client.post(_url(round_table_4, "cite/"), {
        "review": submitted_review.uid, "prompt_code": "1.1", "objective_number": "1"}, follow=True)

    assert ('<div class="alert alert-danger" role="alert">Question 1.1 is answered once for the whole part: '
            'choose no objective.</div>') in _page(response)
    assert ChapterCitation.objects.count() == 0


def test_synthesis_cite_of_a_draft_review_is_not_offered(client, round_table_4, review, reviewer):
    client.force_login(reviewer)

    response = client.post(_url(round_table_4, "cite/"), {"review": review.uid, "prompt_code": "1.1"})

    assert (response.status_code, ChapterCitation.objects.count()) == (302, 0)
    assert _messages(response) == ["Select a valid choice. That choice is not one of the available choices."]


def test_synthesis_citation_remove(client, round_table_4, submitted_review, reviewer):
    citation = chapter_cite(chapter=round_table_4, review=submitted_review, prompt_code="1.1",
                            objective_number=None, note="", user=reviewer)
    client.force_login(reviewer)

    response = client.post(_url(round_table_4, f"citations/{citation.uid}/remove/"))

    assert (response.status_code, ChapterCitation.objects.count()) == (302, 0)


def test_synthesis_feature_and_stop_featuring_a_practice(client, round_table_4, submitted_review, reviewer):
    row = ReviewObjective.objects.get(review=submitted_review, objective__number=1)
    practice = factories.GoodPracticeFactory(review_objective=row)
    client.force_login(reviewer)

    featured = client.post(_url(round_table_4, "feature/"), {"practice": practice.uid, "featured": "1"})
    listed = list(round_table_4.featured_practices.all())
    client.post(_url(round_table_4, "feature/"), {"practice": practice.uid, "featured": "0"})

    assert (featured.status_code, featured["Location"]) == (302, _url(round_table_4) + "#practices")
    assert (listed, list(round_table_4.featured_practices.all())) == ([practice], [])


def test_synthesis_feature_from_the_practices_page_returns_to_the_practice(client, round_table_4, submitted_review,
                                                                         reviewer):
    row = ReviewObjective.objects.get(review=submitted_review, objective__number=1)
    practice = factories.GoodPracticeFactory(review_objective=row)
    client.force_login(reviewer)

    featured = client.post(_url(round_table_4, "feature/"), {"practice": practice.uid, "featured": "1",
                                                             "back": "practices"})
    chapter = _page(client.get(_url(round_table_4)))

    assert featured["Location"] == f'{_url(round_table_4, "practices/")}#practice-{practice.uid}'
    assert f'<button type="submit" form="feature-off" name="practice" value="{practice.uid}"' in chapter


def test_synthesis_feature_a_practice_of_a_draft_is_404(client, round_table_4, review, reviewer):
    row = factories.ReviewObjectiveFactory(review=review, objective=round_table_4.objective_syntheses.first().objective)
    practice = factories.GoodPracticeFactory(review_objective=row)
    client.force_login(reviewer)

    response = client.post(_url(round_table_4, "feature/"), {"practice": practice.uid, "featured": "1"})
    garbled = client.post(_url(round_table_4, "feature/"), {"practice": "not-a-uuid", "featured": "1"})

    assert (response.status_code, garbled.status_code, round_table_4.featured_practices.count()) == (404, 404, 0)


# --- preview --------------------------------------------------------------------------------------------------


@pytest.fixture
def written(round_table_4, submitted_review, morocco_review, reviewer):
    """Round table 4's chapter in Arabic only, citing Egypt (part 1) and Morocco (objective 1),
    featuring Egypt's practice on objective 1."""
    chapter_text_save(chapter=round_table_4, user=reviewer, text_ar="تقدمت المنطقة في جمع البيانات.", text_en="",
                      original_language=None, base_version=1)
    chapter_cite(chapter=round_table_4, review=submitted_review, prompt_code="1.1", objective_number=None,
                 note="", user=reviewer)
    chapter_cite(chapter=round_table_4, review=morocco_review, prompt_code="3.a", objective_number=1,
                 note="Labour survey", user=reviewer)
    row = ReviewObjective.objects.get(review=submitted_review, objective__number=1)
    practice = factories.GoodPracticeFactory(review_objective=row, title="Migration data hub",
                                             description="A shared data platform.")
    chapter_feature_practice(chapter=round_table_4, practice=practice, user=reviewer, featured=True)
    return round_table_4


@pytest.mark.parametrize("language", ["ar", "en"])
def test_synthesis_preview_in_arabic_shows_the_arabic_text(client, written, reviewer, language):
    client.force_login(reviewer)

    response = client.get(_url(written, "preview/?lang=ar", language=language))

    page = _page(response)
    assert response.status_code == 200
    assert '<article class="synthesis-preview border rounded p-4 bg-white" lang="ar" dir="rtl">' in page
    assert ('<div class="user-text chapter-text" lang="ar" dir="rtl">تقدمت المنطقة في جمع البيانات.</div>'
            in page)
    assert "only-in" not in page
    assert f'<h1 class="h3 chapter-title">{written.title_ar}</h1>' in page


@pytest.mark.parametrize("language", ["ar", "en"])
def test_synthesis_preview_in_english_marks_a_text_only_in_arabic(client, written, reviewer, language):
    client.force_login(reviewer)

    response = client.get(_url(written, "preview/?lang=en", language=language))

    page = _page(response)
    assert '<p class="only-in mb-1"><span class="badge text-bg-warning">Only in Arabic</span></p>' in page
    assert ('<div class="user-text chapter-text" lang="ar" dir="rtl">تقدمت المنطقة في جمع البيانات.</div>'
            in page)
    assert f'<h1 class="h3 chapter-title">{written.title_en}</h1>' in page
    assert page.count('<p class="text-secondary fst-italic not-written">Not written yet.</p>') == 5  # the sections


def test_synthesis_preview_in_english_once_written_in_english(client, written, reviewer):
    chapter_text_save(chapter=written, user=reviewer, text_ar=written.text_ar, text_en="The region improved data.",
                      original_language=None, base_version=2)
    client.force_login(reviewer)

    response = client.get(_url(written, "preview/?lang=en"))

    page = _page(response)
    assert '<div class="user-text chapter-text" lang="en" dir="ltr">The region improved data.</div>' in page
    assert 'class="only-in' not in page  # (the countries' highlights, written in Arabic only, are marked)


def test_synthesis_preview_links_the_sources_and_shows_the_practices(client, written, submitted_review,
                                                                     morocco_review, reviewer):
    client.force_login(reviewer)

    response = client.get(_url(written, "preview/?lang=en", language="ar"))

    page = _page(response)
    # The links stay in the user's interface language; the text around them is the report's.
    assert (f'<li class="citation"><a href="/ar/reviews/{morocco_review.uid}/objectives/1/#prompt-3.a">Morocco, '
            'answer to question <span dir="ltr">3.a</span> (objective 1)</a> — <span class="user-text" lang="en" '
            'dir="ltr">Labour survey</span></li>') in page
    assert (f'<li class="citation"><a href="/ar/reviews/{submitted_review.uid}/parts/1/#prompt-1.1">Egypt, answer '
            'to question <span dir="ltr">1.1</span></a></li>') in page
    assert '<h3 class="h6 card-title"><span lang="en" dir="ltr">Migration data hub</span></h3>' in page
    assert '<p class="card-text small user-text" lang="en" dir="ltr">A shared data platform.</p>' in page
    section = page.split('id="objective-1"')[1].split("</section>")[0]
    assert ("Morocco" in section, "Migration data hub" in section, "Egypt" in section) == (True, True, True)


def test_synthesis_preview_of_an_unknown_language_falls_back_to_arabic(client, written, reviewer):
    client.force_login(reviewer)

    response = client.get(_url(written, "preview/?lang=fr"))

    assert (response.context["lang"], response.context["chapter"].shown) == (
        "ar", {"text": "تقدمت المنطقة في جمع البيانات.", "lang": "ar", "only_in": None})

