"""Compiling the region: the objectives matrix, answers side by side and the good-practice catalogue,
from the reviews the regional staff see (a draft stays private), at a cost that does not grow with
the number of countries."""

import pytest
from django.core.paginator import Paginator
from django.utils import translation

from reviews.models import Answer, Review, ReviewObjective
from reviews.selectors.compilation import COMPILED_STATUSES, answers_side_by_side, compiled_reviews, objective_matrix
from reviews.selectors.practices import practice_filter_choices, practices_catalogue, practices_visible_to
from tests.reviews.compilation_content import module_data, region_build, region_grow, submitted_review

pytestmark = pytest.mark.django_db

Stage = ReviewObjective.Stage
ROUND_TABLE_OBJECTIVES = [[2, 5, 6, 12, 18], [4, 8, 9, 10, 11, 13, 21], [14, 15, 16, 19, 20, 22], [1, 3, 7, 17, 23]]


@pytest.fixture(scope="module")
def region(django_db_setup, django_db_blocker):
    """Egypt's draft (complete, never submitted), Morocco submitted and Jordan accepted: built once."""
    with module_data(django_db_blocker):
        yield region_build()


@pytest.fixture
def cycle(region, english):
    return region["cycle"]


@pytest.fixture
def reviewer(region):
    return region["reviewer"]


@pytest.fixture
def organiser(region):
    return region["organiser"]


def _reported_cells(row) -> list[tuple]:
    return [(cell.objective.number, cell.is_priority, cell.stage_level) for cell in row.cells if cell.is_reported]


# --- compiled reviews -----------------------------------------------------------------------------------------


def test_compiled_reviews_leave_out_drafts(cycle, region, reviewer):
    assert sorted(compiled_reviews(user=reviewer, cycle=cycle).values_list("country__iso2", flat=True)) == [
        "JO", "MA"]
    assert list(compiled_reviews(user=reviewer, cycle=cycle, accepted_only=True)) == [region["JO"]]
    assert list(compiled_reviews(user=region["focal_point"], cycle=cycle)) == []  # its draft is no compilation


# --- matrix ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("user_fixture", ["reviewer", "organiser"])
def test_objective_matrix_cells_and_totals(request, cycle, region, user_fixture):
    matrix = objective_matrix(user=request.getfixturevalue(user_fixture), cycle=cycle)

    assert [row.country.iso2 for row in matrix.rows] == ["JO", "MA"]
    assert [_reported_cells(row) for row in matrix.rows] == [
        [(6, False, 2), (23, False, None)],
        [(2, False, 1), (6, True, 4)],
    ]
    assert [row.reported for row in matrix.rows] == [2, 2]
    assert [[c.objective.number for c in group.columns] for group in matrix.groups] == ROUND_TABLE_OBJECTIVES
    assert [group.round_table.number for group in matrix.groups] == [1, 2, 3, 4]
    assert [(c.objective.number, c.reported, c.priority) for c in matrix.columns if c.reported] == [
        (2, 1, 0), (6, 2, 1), (23, 1, 0)]
    assert sum(column.reported for column in matrix.columns) == 4
    assert [rt.number for rt in matrix.round_tables] == [1, 2, 3, 4]


def test_objective_matrix_cell_describes_itself(cycle, region, reviewer):
    morocco = objective_matrix(user=reviewer, cycle=cycle).rows[1]
    cells = {cell.objective.number: cell for cell in morocco.cells}

    assert cells[6].description == (
        "Morocco · Objective 6: Recruitment and decent work · reported · national priority"
        " · implementation stage: Achieved")
    assert cells[12].description == "Morocco · Objective 12: Screening and referral · not reported"


def test_objective_matrix_never_shows_a_draft(cycle, region, reviewer):
    matrix = objective_matrix(user=reviewer, cycle=cycle)

    assert "EG" not in [row.country.iso2 for row in matrix.rows]
    assert next(c for c in matrix.columns if c.objective.number == 23).reported == 1  # Jordan's, not Egypt's


def test_objective_matrix_accepted_only(cycle, region, reviewer):
    matrix = objective_matrix(user=reviewer, cycle=cycle, accepted_only=True)

    assert [(row.country.iso2, _reported_cells(row)) for row in matrix.rows] == [
        ("JO", [(6, False, 2), (23, False, None)])]


def test_objective_matrix_of_one_round_table(cycle, region, reviewer):
    matrix = objective_matrix(user=reviewer, cycle=cycle, round_table_number=1)

    assert [[c.objective.number for c in group.columns] for group in matrix.groups] == [[2, 5, 6, 12, 18]]
    assert [_reported_cells(row) for row in matrix.rows] == [[(6, False, 2)], [(2, False, 1), (6, True, 4)]]
    assert [rt.number for rt in matrix.round_tables] == [1, 2, 3, 4]


def test_objective_matrix_leaves_out_objectives_no_longer_reported(cycle, region, reviewer):
    ReviewObjective.objects.filter(review=region["MA"], objective__number=2).update(is_reported=False)

    morocco = objective_matrix(user=reviewer, cycle=cycle).rows[1]

    assert (_reported_cells(morocco), morocco.reported) == ([(6, True, 4)], 1)


@pytest.mark.parametrize("language", ["ar", "en"])
def test_objective_matrix_rows_by_country_name_in_the_active_language(cycle, region, reviewer, language):
    # Algeria, Jordan, Morocco, Tunisia; in Arabic without the article: الأردن، تونس، الجزائر، المغرب
    for iso2 in ("DZ", "TN"):
        submitted_review(cycle=cycle, iso2=iso2)
    translation.activate(language)

    rows = objective_matrix(user=reviewer, cycle=cycle).rows

    assert [row.country.iso2 for row in rows] == {"en": ["DZ", "JO", "MA", "TN"], "ar": ["JO", "TN", "DZ", "MA"]}[
        language]


# --- answers side by side -------------------------------------------------------------------------------------


def _cards(compilation) -> list[tuple]:
    return [(card.country.iso2, [(item.prompt.code, item.answer and item.answer.text_ar) for item in card.answers])
            for card in compilation.cards]


def test_answers_side_by_side_of_a_part_question(cycle, region, reviewer):
    Answer.objects.filter(review=region["MA"], prompt__code="1.3").update(text_ar="مشاورات المغرب")
    Answer.objects.filter(review=region["JO"], prompt__code="1.3").delete()

    compilation = answers_side_by_side(user=reviewer, cycle=cycle, prompt_code="1.3")

    assert _cards(compilation) == [("JO", [("1.3", None)]), ("MA", [("1.3", "مشاورات المغرب")])]
    assert (compilation.part.number, compilation.objective, compilation.not_reporting) == (1, None, [])
    morocco = compilation.cards[1].answers[0]
    assert (morocco.source_url, morocco.is_answered) == (f"/en/reviews/{region['MA'].uid}/parts/1/#prompt-1.3", True)
    assert compilation.cards[0].answers[0].is_answered is False
    assert [review.country.iso2 for review in compilation.countries] == ["JO", "MA"]


def test_answers_side_by_side_start_with_the_first_question(cycle, region, reviewer):
    for prompt_code in ("", "9.9", "3.0x"):
        compilation = answers_side_by_side(user=reviewer, cycle=cycle, prompt_code=prompt_code)

        assert ([p.code for p in compilation.prompts], len(compilation.cards)) == (["1.1"], 2)


def test_answers_side_by_side_of_an_objective(cycle, region, reviewer):
    compilation = answers_side_by_side(user=reviewer, cycle=cycle, objective_number=2)

    assert (compilation.objective.number, compilation.part.number) == (2, 3)
    assert [p.code for p in compilation.prompts] == ["3.a", "3.b", "3.c", "3.d", "3.e", "3.f"]
    assert [(card.country.iso2, card.is_priority, card.stage) for card in compilation.cards] == [
        ("MA", False, Stage.PLANNED)]
    answers = compilation.cards[0].answers
    assert [(item.prompt.code, item.is_answered) for item in answers] == [
        ("3.a", True), ("3.b", True), ("3.c", True), ("3.d", False), ("3.e", False), ("3.f", False)]
    assert answers[0].source_url == f"/en/reviews/{region['MA'].uid}/objectives/2/#prompt-3.a"
    assert [review.country.iso2 for review in compilation.not_reporting] == ["JO"]


def test_answers_side_by_side_of_one_objective_question(cycle, region, reviewer):
    Answer.objects.filter(review=region["JO"], objective__number=6, prompt__code="3.b").update(
        text_ar="", text_en="Jordan's results", original_language="en")

    compilation = answers_side_by_side(user=reviewer, cycle=cycle, objective_number=6, prompt_code="3.b")

    assert [(card.country.iso2, [(i.prompt.code, i.answer.text_en, i.answer.translation_status)
                                 for i in card.answers]) for card in compilation.cards] == [
        ("JO", [("3.b", "Jordan's results", "needed")]), ("MA", [("3.b", "", "needed")])]
    assert [(card.is_priority, card.stage_label) for card in compilation.cards] == [
        (False, "Under way"), (True, "Achieved")]


def test_answers_side_by_side_take_the_first_objective_of_a_round_table(cycle, region, reviewer):
    by_round_table = answers_side_by_side(user=reviewer, cycle=cycle, round_table_number=4)
    outside = answers_side_by_side(user=reviewer, cycle=cycle, round_table_number=4, objective_number=6)
    inside = answers_side_by_side(user=reviewer, cycle=cycle, round_table_number=4, objective_number=23)

    assert [o.number for o in by_round_table.objectives] == [1, 3, 7, 17, 23]
    assert [(c.objective.number, len(c.cards)) for c in (by_round_table, outside, inside)] == [(1, 0), (1, 0),
                                                                                               (23, 1)]
    assert [rt.number for rt in by_round_table.round_tables] == [1, 2, 3, 4]


def test_answers_side_by_side_of_an_objective_question_without_objective(cycle, region, reviewer):
    compilation = answers_side_by_side(user=reviewer, cycle=cycle, prompt_code="3.c")

    assert (compilation.objective.number, [p.code for p in compilation.prompts]) == (2, ["3.c"])


def test_answers_side_by_side_of_one_country(cycle, region, reviewer):
    compilation = answers_side_by_side(user=reviewer, cycle=cycle, objective_number=6, country_iso2="ma")

    assert [card.country.iso2 for card in compilation.cards] == ["MA"]
    assert [review.country.iso2 for review in compilation.countries] == ["JO", "MA"]


def test_answers_side_by_side_accepted_only_and_never_a_draft(cycle, region, reviewer):
    accepted = answers_side_by_side(user=reviewer, cycle=cycle, objective_number=6, accepted_only=True)
    everything = answers_side_by_side(user=reviewer, cycle=cycle, objective_number=23)
    drafts = answers_side_by_side(user=reviewer, cycle=cycle, country_iso2="EG")

    assert [card.country.iso2 for card in accepted.cards] == ["JO"]
    assert ([card.country.iso2 for card in everything.cards], everything.not_reporting) == (["JO"], [region["MA"]])
    assert drafts.cards == []


# --- good practices -------------------------------------------------------------------------------------------


@pytest.fixture
def practices(region):
    """Morocco's practices under objectives 2 and 6, Jordan's under 6 and 23, one of Egypt's draft under 6."""
    return region["practices"]


def _titles(practices) -> list[str]:
    return [practice.title for practice in practices]


def test_practices_catalogue_by_objective_then_country(cycle, practices, reviewer):
    catalogue = practices_catalogue(user=reviewer, cycle=cycle)

    assert _titles(catalogue) == [
        "Skills passport", "Labour inspection unit", "Fair recruitment charter", "Regional data platform"]


def test_practices_catalogue_pages_read_only_the_page_asked_for(cycle, practices, reviewer,
                                                                 django_assert_num_queries):
    catalogue = practices_catalogue(user=reviewer, cycle=cycle)
    practice_filter_choices(user=reviewer, cycle=cycle)  # the reference lists, read once
    practices_catalogue(user=reviewer, cycle=cycle)

    with django_assert_num_queries(2):  # the page's practices with their countries, their criteria's ids
        second = Paginator(catalogue, 3).get_page(2)
        titles = _titles(second)

    assert (len(catalogue), titles, catalogue[-1].title, catalogue[0].title) == (
        4, ["Regional data platform"], "Regional data platform", "Skills passport")


@pytest.mark.parametrize(("filters", "expected"), [
    ({"objective_number": 6}, ["Labour inspection unit", "Fair recruitment charter"]),
    ({"round_table_number": 4}, ["Regional data platform"]),
    ({"kind_code": "project"}, ["Skills passport"]),
    ({"criterion_code": "effective"}, ["Skills passport", "Labour inspection unit"]),
    ({"country_iso2": "jo"}, ["Labour inspection unit", "Regional data platform"]),
    ({"accepted_only": True}, ["Labour inspection unit", "Regional data platform"]),
    ({"country_iso2": "EG"}, []),
    ({"objective_number": 6, "criterion_code": "effective", "accepted_only": True}, ["Labour inspection unit"]),
])
def test_practices_catalogue_filters(cycle, practices, reviewer, filters, expected):
    assert _titles(practices_catalogue(user=reviewer, cycle=cycle, **filters)) == expected


def test_practices_catalogue_leaves_out_objectives_no_longer_reported(cycle, practices, reviewer):
    ReviewObjective.objects.filter(review__country__iso2="MA", objective__number=2).update(is_reported=False)

    assert _titles(practices_catalogue(user=reviewer, cycle=cycle, country_iso2="MA")) == [
        "Fair recruitment charter"]


def test_practices_visible_to_follow_the_reviews(region, practices, reviewer):
    morocco_team = region["MA"].country.users.get()

    assert sorted(_titles(practices_visible_to(reviewer))) == [
        "Fair recruitment charter", "Labour inspection unit", "Regional data platform", "Skills passport"]
    assert _titles(practices_visible_to(region["focal_point"])) == ["Egypt's unpublished draft"]
    assert sorted(_titles(practices_visible_to(morocco_team))) == ["Fair recruitment charter", "Skills passport"]


def test_practice_filter_choices(cycle, region, reviewer):
    choices = practice_filter_choices(user=reviewer, cycle=cycle)

    assert [o.number for o in choices.objectives] == list(range(1, 24))
    assert [rt.number for rt in choices.round_tables] == [1, 2, 3, 4]
    assert [kind.code for kind in choices.kinds][:2] == ["legislation-policy", "project"]
    assert len(choices.criteria) == 7
    assert [review.country.iso2 for review in choices.countries] == ["JO", "MA"]


# --- cost -----------------------------------------------------------------------------------------------------


def _few_then_many(region):
    """Compile 3, then 22 reviews (every country: Egypt's draft makes way), yielding the number each time."""
    Review.objects.filter(pk=region["EG"].pk).delete()
    for countries in (3, 22):
        assert region_grow(cycle=region["cycle"], countries=countries) == countries
        yield countries


# The reviews, the reported objectives; the objectives with their round table are kept in memory once read.
MATRIX_QUERIES = 2
# The reviews, the countries reporting the objective, the answers. The objectives and the cycle's parts and
# prompts are kept in memory (selectors/reference.py) once read; checking the reference-data version reads the
# cache (in these tests' in-memory cache, no query; with the database cache, one).
OBJECTIVE_COMPILATION_QUERIES = 3
PART_COMPILATION_QUERIES = 2  # the reviews, the answers
# The reviews' ids, the practices' order (a few numbers each), one page of practices, their criteria; then the
# filter choices: the reviews (countries, objectives, kinds and criteria are the reference lists, kept in memory
# once read).
CATALOGUE_QUERIES = 5


def test_objective_matrix_queries_do_not_grow_with_countries(region, cycle, reviewer, django_assert_num_queries):
    objective_matrix(user=reviewer, cycle=cycle)  # the objectives, read once
    for countries in _few_then_many(region):
        with django_assert_num_queries(MATRIX_QUERIES):
            matrix = objective_matrix(user=reviewer, cycle=cycle)
            cells = [(row.country.name, [(c.description, c.stage_level) for c in row.cells], row.reported)
                     for row in matrix.rows]
            totals = [(c.objective.round_table.title, c.reported, c.priority) for c in matrix.columns]

        assert len(cells) == countries
        assert totals[2][1:] == (countries, countries - 1)  # objective 6: every country, Jordan not a priority


def test_answers_side_by_side_queries_do_not_grow_with_countries(region, cycle, reviewer,
                                                                 django_assert_num_queries):
    answers_side_by_side(user=reviewer, cycle=cycle, objective_number=6)  # the cycle's template, read once
    for countries in _few_then_many(region):
        with django_assert_num_queries(OBJECTIVE_COMPILATION_QUERIES):
            by_objective = answers_side_by_side(user=reviewer, cycle=cycle, objective_number=6)
            objective_cards = [(card.country.name, card.stage_label, [
                (i.answer.text_ar, i.answer.translation_status, i.source_url) for i in card.answers if i.answer])
                for card in by_objective.cards]
        with django_assert_num_queries(PART_COMPILATION_QUERIES):
            by_part = answers_side_by_side(user=reviewer, cycle=cycle, prompt_code="2.1")
            part_cards = [(card.country.name, [i.answer.text_ar for i in card.answers]) for card in by_part.cards]

        assert [len(answers) for _name, _stage, answers in objective_cards] == [3] * countries  # 3.a, 3.b, 3.c
        assert [len(answers) for _name, answers in part_cards] == [1] * countries


def test_practices_catalogue_queries_do_not_grow_with_countries(region, cycle, reviewer,
                                                                django_assert_num_queries):
    practice_filter_choices(user=reviewer, cycle=cycle)  # the reference lists, read once
    practices_catalogue(user=reviewer, cycle=cycle)
    for countries in _few_then_many(region):
        with django_assert_num_queries(CATALOGUE_QUERIES):
            page = Paginator(practices_catalogue(user=reviewer, cycle=cycle), 20).get_page(1)
            shown = [(p.title, p.kind.name, p.review_objective.review.country.name,
                      p.review_objective.objective.number, p.review_objective.objective.round_table.title,
                      [c.name for c in p.criteria.all()]) for p in page]
            choices = practice_filter_choices(user=reviewer, cycle=cycle)
            names = [review.country.name for review in choices.countries]

        # Morocco's and Jordan's four practices, and one for each country added.
        practices = 4 + (countries - 2)
        assert (page.paginator.count, len(shown), len(names)) == (practices, min(practices, 20), countries)


def test_compiled_statuses_are_every_status_but_the_draft():
    """A new status must be placed on purpose."""
    assert set(Review.Status.values) - set(COMPILED_STATUSES) == {Review.Status.DRAFT}
