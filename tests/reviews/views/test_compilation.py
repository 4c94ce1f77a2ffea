"""The regional compilation pages (objectives matrix, answers side by side, good practices and their
detail, regional figures): who may open them, what they show in Arabic and English, that a draft never
appears, and that their cost does not grow with the number of countries."""

import html
import uuid

import pytest
from django.utils import translation
from django.utils.translation import gettext

from reviews.models import Answer, Review
from tests.reviews.compilation_content import module_data, region_build, region_grow
from tests.reviews.views.fragments import LANG_DIR

pytestmark = pytest.mark.django_db

PAGES = {
    "matrix": "/{language}/reviews/cycles/arab-2028/matrix/",
    "compilations": "/{language}/reviews/cycles/arab-2028/compilations/",
    "practices": "/{language}/reviews/cycles/arab-2028/practices/",
    "figures": "/{language}/reviews/cycles/arab-2028/figures/",
}
PRACTICE = "/{language}/reviews/practices/{uid}/"


@pytest.fixture(scope="module")
def region(django_db_setup, django_db_blocker):
    """Egypt's draft, Morocco's review submitted and Jordan's accepted, with their tables: built once."""
    with module_data(django_db_blocker):
        yield region_build()


def _in(language, english: str) -> str:
    with translation.override(language):
        return gettext(english)


def _page(response) -> str:
    return html.unescape(response.content.decode())


def _get(client, region, user_key, url, **params):
    client.force_login(region[user_key])
    return client.get(url, params)


# --- access ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("page", [*PAGES, "practice"])
def test_compilation_pages_send_anonymous_to_login(client, region, page):
    url = PRACTICE.format(language="en", uid=region["practices"]["ma-6"].uid) if page == "practice" else PAGES[
        page].format(language="en")

    response = client.get(url)

    assert (response.status_code, response["Location"]) == (302, f"/en/accounts/login/?next={url}")


@pytest.mark.parametrize("user_key", ["focal_point", "contributor"])
@pytest.mark.parametrize("page", [*PAGES, "practice"])
def test_compilation_pages_forbidden_to_country_teams(client, region, page, user_key):
    url = PRACTICE.format(language="en", uid=region["practices"]["eg-6"].uid) if page == "practice" else PAGES[
        page].format(language="en")

    response = _get(client, region, user_key, url)

    assert (response.status_code, "Morocco" in _page(response), "Skills passport" in _page(response)) == (
        403, False, False)


@pytest.mark.parametrize("language", ["ar", "en"])
@pytest.mark.parametrize("user_key", ["reviewer", "organiser"])
@pytest.mark.parametrize(("page", "title"), [
    ("matrix", "Objectives matrix"), ("compilations", "Answers side by side"), ("practices", "Good practices"),
    ("figures", "Regional figures"),
])
def test_compilation_pages_open_to_regional_staff(client, region, page, title, user_key, language):
    response = _get(client, region, user_key, PAGES[page].format(language=language))

    content = _page(response)
    morocco = region["MA"].country
    assert response.status_code == 200
    assert f'<h1 class="h3">{_in(language, title)}</h1>' in content
    assert f'<html lang="{language}" dir="{"rtl" if language == "ar" else "ltr"}">' in content
    assert (getattr(morocco, f"name_{language}") in content, region["EG"].country.name_en in content) == (
        page != "figures", False)


def test_compilation_page_of_an_unknown_cycle_is_404(client, region):
    for url in PAGES.values():
        assert _get(client, region, "reviewer", url.format(language="en").replace("2028", "2099")).status_code == 404


# --- matrix ---------------------------------------------------------------------------------------------------


def test_matrix_shows_marks_linked_to_the_answers(client, region):
    response = _get(client, region, "reviewer", PAGES["matrix"].format(language="en"))

    content = _page(response)
    # The cell's name adds to its headers (the country, the objective) what it says: a screen reader reads them
    # together, and the page does not repeat 500 times what the headers already say.
    description = "reported · national priority · implementation stage: Achieved"
    assert [row.country.iso2 for row in response.context["matrix"].rows] == ["JO", "MA"]
    assert (f'<a href="/en/reviews/cycles/arab-2028/compilations/?objective=6#country-MA"'
            f' aria-label="{description}"><span class="stage stage-4">4</span><span class="priority">★</span></a>'
            in content)
    assert '<td class="matrix-cell"><span class="visually-hidden">not reported</span></td>' in content
    assert '<th scope="row" class="matrix-country">' in content and '<abbr title="Data">1</abbr>' in content
    assert f'<a href="/en/reviews/{region["MA"].uid}/">Morocco</a>' in content
    assert f'/en/reviews/{region["EG"].uid}/' not in content


def test_matrix_filters_keep_accepted_in_the_links(client, region):
    response = _get(client, region, "reviewer", PAGES["matrix"].format(language="en"), accepted="1",
                    round_table="4")

    content = _page(response)
    matrix = response.context["matrix"]
    assert ([row.country.iso2 for row in matrix.rows], [c.objective.number for c in matrix.columns]) == (
        ["JO"], [1, 3, 7, 17, 23])
    assert '<a href="/en/reviews/cycles/arab-2028/compilations/?objective=23&accepted=1#country-JO"' in content
    assert '<option value="4" selected>4</option>' in content


@pytest.mark.parametrize("language", ["ar", "en"])
def test_matrix_names_the_round_tables_and_objectives_in_the_language(client, region, language):
    response = _get(client, region, "reviewer", PAGES["matrix"].format(language=language))

    group = response.context["matrix"].groups[0]
    content = _page(response)
    with translation.override(language):
        title, label = group.round_table.title, group.columns[0].objective.short_label
    assert f'<th scope="colgroup" colspan="5" class="matrix-group">{title}</th>' in content
    assert f'<abbr title="{label}">2</abbr>' in content


# --- answers side by side -------------------------------------------------------------------------------------


def test_compilations_show_the_active_language_or_mark_the_other(client, region):
    Answer.objects.filter(review=region["MA"], prompt__code="1.1").update(
        text_ar="نص المغرب", text_en="Morocco's text", translation_verified_at=None)

    english = _page(_get(client, region, "reviewer", PAGES["compilations"].format(language="en"), prompt="1.1"))
    arabic = _page(_get(client, region, "reviewer", PAGES["compilations"].format(language="ar"), prompt="1.1"))

    jordan = Answer.objects.get(review=region["JO"], prompt__code="1.1")
    assert '<div class="user-text" dir="auto" lang="en">Morocco\'s text</div>' in english
    assert (f'<span class="badge text-bg-secondary">Only in Arabic</span><div class="user-text" dir="auto"'
            f' lang="ar">{jordan.text_ar}</div>') in english
    assert '<div class="user-text" dir="auto" lang="ar">نص المغرب</div>' in arabic
    assert "Morocco's text" not in arabic
    assert english.count("Translation status: Draft translation") == 1  # Morocco's; Jordan's needs one
    assert english.count("Translation status: Needs translation") == 1
    assert f'<a href="/en/reviews/{region["MA"].uid}/parts/1/#prompt-1.1">' in english


def test_compilations_of_an_objective_card_per_country(client, region):
    response = _get(client, region, "reviewer", PAGES["compilations"].format(language="en"), objective="6")

    content = _page(response)
    compilation = response.context["compilation"]
    assert [(card.country.iso2, len(card.answers)) for card in compilation.cards] == [("JO", 6), ("MA", 6)]
    assert '<article class="card h-100" id="country-MA" aria-labelledby="country-MA-name">' in content
    assert '<span class="badge text-bg-warning">★ National priority</span>' in content
    assert '<span class="badge text-bg-light">Implementation stage: Achieved</span>' in content
    assert f'<a href="/en/reviews/{region["MA"].uid}/objectives/6/#prompt-3.f">' in content
    assert '<option value="6" selected>6. Recruitment and decent work</option>' in content


def test_compilations_filter_by_country_and_accepted(client, region):
    by_country = _get(client, region, "reviewer", PAGES["compilations"].format(language="en"), objective="6",
                      country="MA")
    accepted = _get(client, region, "reviewer", PAGES["compilations"].format(language="en"), objective="6",
                    accepted="1")

    assert [card.country.iso2 for card in by_country.context["compilation"].cards] == ["MA"]
    assert [card.country.iso2 for card in accepted.context["compilation"].cards] == ["JO"]


def test_compilations_never_show_a_draft(client, region):
    response = _get(client, region, "reviewer", PAGES["compilations"].format(language="en"), objective="23",
                    country="EG")

    egypt_answer = Answer.objects.filter(review=region["EG"], objective__number=23).first()
    assert (response.context["compilation"].cards, egypt_answer.text_ar in _page(response)) == ([], False)


# --- good practices -------------------------------------------------------------------------------------------


def test_practices_catalogue_lists_and_filters(client, region):
    everything = _get(client, region, "reviewer", PAGES["practices"].format(language="en"))
    filtered = _get(client, region, "reviewer", PAGES["practices"].format(language="en"), criterion="effective",
                    objective="6")

    practice = region["practices"]["jo-6"]
    assert [p.title for p in everything.context["page"]] == [
        "Skills passport", "Labour inspection unit", "Fair recruitment charter", "Regional data platform"]
    assert "Egypt's unpublished draft" not in _page(everything)
    assert [p.title for p in filtered.context["page"]] == ["Labour inspection unit"]
    assert (f'<a href="/en/reviews/practices/{practice.uid}/" lang="en" dir="ltr">Labour inspection unit</a>'
            in _page(filtered))


@pytest.mark.parametrize("language", ["ar", "en"])
@pytest.mark.parametrize("user_key", ["reviewer", "organiser"])
def test_practice_detail_for_regional_staff(client, region, user_key, language):
    practice = region["practices"]["ma-2"]

    response = _get(client, region, user_key, PRACTICE.format(language=language, uid=practice.uid))

    content = _page(response)
    with translation.override(language):
        criteria = [criterion.name for criterion in practice.criteria.all()]
    assert response.status_code == 200
    assert '<h1 class="h3" id="practice-title"><span lang="en" dir="ltr">Skills passport</span>' in content
    assert f'<a href="/{language}/reviews/{region["MA"].uid}/objectives/2/#table-practices">' in content
    assert "<br>".join(criteria) in content


def test_practice_detail_of_a_draft_or_unknown_is_404(client, region):
    draft = _get(client, region, "reviewer", PRACTICE.format(language="en", uid=region["practices"]["eg-6"].uid))
    unknown = _get(client, region, "reviewer", PRACTICE.format(language="en", uid=uuid.uuid4()))

    assert (draft.status_code, unknown.status_code) == (404, 404)


# --- figures --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["ar", "en"])
def test_figures_draw_bars_as_html(client, region, language):
    response = _get(client, region, "reviewer", PAGES["figures"].format(language=language))

    content = _page(response)
    with translation.override(language):
        migrants = response.context["figures"].stakeholders[0].label
    assert (f'<th scope="row" class="bar-chart-label"><span {LANG_DIR[language]}>{migrants}</span></th>\n'
            f'      <td class="bar-chart-value">2</td>\n'
            f'      <td class="bar-chart-track" aria-hidden="true"><div class="bar-chart-bar share-100">'
            f'</div></td>') in content
    assert f"<caption>{_in(language, 'Stakeholders consulted')}</caption>" in content
    assert content.count('<table class="table table-sm align-middle bar-chart">') == 5
    assert "<svg" not in content


def test_dashboard_links_to_the_compilation_pages(client, region):
    content = _page(_get(client, region, "reviewer", "/en/reviews/cycles/arab-2028/dashboard/"))

    for url in PAGES.values():
        assert f'href="{url.format(language="en")}"' in content


# --- cost -----------------------------------------------------------------------------------------------------


# Built: session and user, the cycle, then the selector's queries (see the selector tests), the reference lists and
# the cycle's template kept in memory once read (selectors/reference.py); before them, the page's key
# (views/page_cache.py): the cycle, the generations of the reviews shown (the matrix also finds the previous
# cycle's) and the unread count, which the navigation's badge then shows. Kept: the same page again, only its key.
PAGE_QUERIES = {
    ("matrix", ""): (9, 6),
    ("compilations", "objective=6"): (9, 5),
    ("compilations", "prompt=2.1"): (8, 5),
    ("practices", ""): (11, 5),
    ("figures", ""): (10, 5),
}


def _main(response) -> bytes:
    return response.content.partition(b'<main')[2].partition(b"</main>")[0]


def test_compilation_pages_queries_do_not_grow_with_countries(client, region, django_assert_num_queries):
    Review.objects.filter(pk=region["EG"].pk).delete()  # Egypt's draft makes way: every country compiled
    client.force_login(region["reviewer"])
    for countries in (3, 22):
        region_grow(cycle=region["cycle"], countries=countries)

        for (page, query), (built, kept) in PAGE_QUERIES.items():
            url = f"{PAGES[page].format(language='en')}?{query}"
            client.get(f"{url}&first=1")  # reference lists, read once per process
            with django_assert_num_queries(built):
                response = client.get(url)
            with django_assert_num_queries(kept):
                again = client.get(url)

            assert (page, query, response.status_code) == (page, query, 200)
            assert _main(again) == _main(response)  # the frame's sign-out form carries a new CSRF token


def test_matrix_weighs_under_120_kb_for_22_countries(client, region):
    """Issue 16's ceiling: the matrix of the whole region under 120 KB of HTML (it was 142 KB)."""
    Review.objects.filter(pk=region["EG"].pk).delete()
    region_grow(cycle=region["cycle"], countries=22)
    client.force_login(region["reviewer"])

    for language in ("ar", "en"):
        page = client.get(PAGES["matrix"].format(language=language)).content

        assert page.count(b'class="matrix-cell"') == 22 * 23
        assert len(page) < 120_000
