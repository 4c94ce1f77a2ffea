"""The export tables: only reviews the user may see, headings and labels in the chosen language,
codes in the JSON, at a number of queries that does not grow with the countries."""

import datetime
import zoneinfo
from decimal import Decimal

import pytest
import time_machine
from django.contrib.auth.models import AnonymousUser

from reviews.models import (
    Answer,
    Country,
    GoodPracticeCriterion,
    GuidingPrinciple,
    Objective,
    PracticeType,
    Review,
    ReviewObjective,
    SdgTarget,
    StakeholderCategory,
)
from reviews.selectors.exports import export_json, export_tables
from reviews.services.submission import review_submit
from tests import factories

pytestmark = pytest.mark.django_db

JUNE = datetime.datetime(2027, 6, 1, 10, 0, tzinfo=zoneinfo.ZoneInfo("Asia/Beirut"))
# 1 reviews, 1 reported objectives + 3 of their code lists, 1 answers, 2 policies, 2 consultations, 1 entities,
# 3 practices, 1 indicators, 2 planned actions.
EXPORT_QUERIES = 18  # 17, and the stakeholders' inputs the staff see (one query; none for a country team)


def _every_table(review, user) -> None:
    """One row in each table of the review, with its code lists: every query of the export runs."""
    row = ReviewObjective.objects.get(review=review)
    row.principles.set(GuidingPrinciple.objects.filter(code="rule-of-law"))
    row.sdg_targets.set(SdgTarget.objects.filter(code="10.7"))
    row.partners.set(StakeholderCategory.objects.filter(code="migrants"))
    practice = factories.GoodPracticeFactory(review_objective=row, kind=PracticeType.objects.get(code="project"))
    practice.criteria.set(GoodPracticeCriterion.objects.filter(code="effective"))
    practice.partners.set(StakeholderCategory.objects.filter(code="academia"))
    factories.IndicatorFactory(review_objective=row, name="Recruitment cost", baseline_value=Decimal("12.50"),
                               updated_by=user)
    factories.GovernmentEntityFactory(review=review, updated_by=user)
    factories.ConsultationFactory(review=review).categories.set(StakeholderCategory.objects.filter(code="migrants"))
    factories.PolicyFactory(review=review).objectives.set(Objective.objects.filter(number=1))
    factories.PlannedActionFactory(review=review).objectives.set(Objective.objects.filter(number=1))


@pytest.fixture
def submit(open_cycle, complete_review):
    """`submit(iso2)`: the country's focal point fills every table and submits its review."""

    def submit(iso2: str) -> Review:
        country = Country.objects.get(iso2=iso2)
        focal_point = factories.FocalPointFactory(username=f"fp-{iso2.lower()}", country=country)
        review = factories.ReviewFactory(cycle=open_cycle, country=country)
        complete_review(review, focal_point)
        _every_table(review, focal_point)
        with time_machine.travel(JUNE, tick=False):
            review_submit(review=review, user=focal_point)
        return Review.objects.get(pk=review.pk)

    return submit


def _countries(tables) -> dict[str, list[str]]:
    """The countries each table holds rows of (the country is the first column of every table)."""
    return {name: sorted({row[0] for row in rows}) for name, (_headings, rows) in tables.items()}


# --- who sees what -------------------------------------------------------------------------------------------


@pytest.fixture
def draft_and_submitted(review, focal_point, complete_review, submit):
    """Egypt's review is a draft with every table filled; Morocco's is submitted."""
    complete_review(review, focal_point)
    _every_table(review, focal_point)
    return review, submit("MA")


@pytest.mark.parametrize("user_fixture", ["focal_point", "contributor"])
def test_export_tables_give_a_country_team_its_own_country_only(request, open_cycle, draft_and_submitted,
                                                                user_fixture):
    tables = export_tables(user=request.getfixturevalue(user_fixture), cycle=open_cycle)

    assert _countries(tables) == dict.fromkeys(tables, ["EG"])


def test_export_tables_give_another_country_its_own_country_only(open_cycle, draft_and_submitted):
    morocco_team = Review.objects.get(country__iso2="MA").versions.get().submitted_by

    tables = export_tables(user=morocco_team, cycle=open_cycle)

    assert _countries(tables) == dict.fromkeys(tables, ["MA"])


@pytest.mark.parametrize("user_fixture", ["reviewer", "organiser"])
def test_export_tables_never_give_regional_staff_a_draft(request, open_cycle, draft_and_submitted, user_fixture):
    tables = export_tables(user=request.getfixturevalue(user_fixture), cycle=open_cycle)

    assert _countries(tables) == dict.fromkeys(tables, ["MA"])
    assert Answer.objects.filter(review__country__iso2="EG").count() > 0


def test_export_tables_keep_a_review_sent_back_for_revision(open_cycle, reviewer, draft_and_submitted):
    Review.objects.filter(country__iso2="MA").update(status=Review.Status.REVISION_REQUESTED)

    tables = export_tables(user=reviewer, cycle=open_cycle)

    assert [row[:3] for row in tables["countries"][1]] == [["MA", "Morocco", "Revision requested"]]


@pytest.mark.parametrize("who", ["no role", "anonymous"])
def test_export_tables_are_empty_for_users_without_a_role(open_cycle, draft_and_submitted, who):
    user = AnonymousUser() if who == "anonymous" else factories.UserFactory(role="")

    tables = export_tables(user=user, cycle=open_cycle)

    assert {name: rows for name, (_headings, rows) in tables.items()} == dict.fromkeys(tables, [])


def test_export_tables_filter_by_status(open_cycle, organiser, submit):
    submit("MA")
    accepted = submit("JO")
    Review.objects.filter(pk=accepted.pk).update(status=Review.Status.ACCEPTED)

    only_accepted = export_tables(user=organiser, cycle=open_cycle, statuses=["accepted"])
    both = export_tables(user=organiser, cycle=open_cycle, statuses=["accepted", "submitted"])

    assert _countries(only_accepted) == dict.fromkeys(only_accepted, ["JO"])
    assert _countries(both) == dict.fromkeys(both, ["JO", "MA"])


def test_export_tables_leave_out_other_cycles(open_cycle, organiser, submit):
    submit("MA")
    other = factories.ReviewCycleFactory(slug="arab-2024")

    assert _countries(export_tables(user=organiser, cycle=other)) == dict.fromkeys(
        export_tables(user=organiser, cycle=other), [])


# --- headings and labels -------------------------------------------------------------------------------------


def test_export_tables_headings_in_english(open_cycle, organiser):
    tables = export_tables(user=organiser, cycle=open_cycle, language="en")

    changed = ["Last changed by", "Last changed"]
    assert {name: headings for name, (headings, _rows) in tables.items()} == {
        "countries": ["ISO code", "Country", "Status", "Submitted", "Submitted late", "Objectives reported",
                      "National implementation plan"],
        "objectives_reported": ["Country", "Objective", "Short label", "Round table", "National priority",
                                "Implementation stage", "Guiding principles applied", "SDG targets", "Partners",
                                *changed],
        "answers": ["Country", "Part", "Guiding prompt", "Objective", "Arabic text", "English text",
                    "Original language", "Translation status", "Status", *changed],
        "policies": ["Country", "Title", "Kind", "Year", "Status", "Objectives addressed", "Link", "Attachment",
                     *changed],
        "consultations": ["Country", "Date", "Format", "Stakeholder categories", "Participants", "Summary",
                          *changed],
        "entities": ["Country", "Entity", "Level", "Role in the review", *changed],
        "practices": ["Country", "Objective", "Title", "Kind", "Description", "Criteria met", "Period", "Partners",
                      "Link", *changed],
        "indicators": ["Country", "Objective", "Suggested indicator", "Indicator name", "Unit", "Baseline value",
                       "Baseline year", "Latest value", "Latest year", "Source", *changed],
        "planned_actions": ["Country", "Part", "Action", "Objectives", "Lead entity", "Timeframe", "Support needed",
                            *changed],
    }


def test_export_tables_headings_in_arabic_are_all_translated(open_cycle, organiser):
    arabic = export_tables(user=organiser, cycle=open_cycle, language="ar")
    english = export_tables(user=organiser, cycle=open_cycle, language="en")

    assert arabic["answers"][0] == ["البلد", "الجزء", "سؤال توجيهي", "الهدف", "النص العربي", "النص الإنكليزي",
                                    "اللغة الأصلية", "حالة الترجمة", "الحالة", "آخر من عدّله", "آخر تعديل"]
    untranslated = [heading for name in arabic for heading, other in zip(arabic[name][0], english[name][0])
                    if heading == other]
    assert untranslated == []


@pytest.mark.parametrize(("language", "expected"), [
    ("en", ["MA", "Morocco", "Submitted", JUNE, "No", 1, "Adopted"]),
    ("ar", ["MA", "المغرب", "مُقدَّم", JUNE, "لا", 1, "معتمدة"]),
])
def test_export_tables_country_row_reads_in_the_chosen_language(open_cycle, organiser, submit, language, expected):
    Review.objects.filter(pk=submit("MA").pk).update(plan_status="adopted")

    tables = export_tables(user=organiser, cycle=open_cycle, language=language)

    assert tables["countries"][1] == [expected]


def test_export_tables_join_code_lists_and_keep_numbers(open_cycle, organiser, submit):
    submit("MA")

    tables = export_tables(user=organiser, cycle=open_cycle)

    objective = tables["objectives_reported"][1][0]
    indicator = tables["indicators"][1][0]
    assert (objective[:9], objective[9]) == (
        ["MA", 1, "Data", 4, "No", "Under way", "rule-of-law", "10.7", "migrants"], "fp-ma")
    assert (indicator[:6], indicator[9]) == (["MA", 1, None, "Recruitment cost", "%", Decimal("12.50")], "")


# --- JSON ----------------------------------------------------------------------------------------------------


def test_export_json_answers_carry_codes_and_both_texts(open_cycle, organiser, submit, prompts):
    morocco = submit("MA")
    answer = Answer.objects.get(review=morocco, prompt=prompts["1.1"])
    Answer.objects.filter(pk=answer.pk).update(text_ar="نص عربي", text_en="English text", original_language="en")

    data = export_json(user=organiser, cycle=open_cycle)

    first = data["answers"][0]
    assert {key: first[key] for key in ("country", "part", "prompt", "objective", "text_ar", "text_en",
                                        "original_language", "translation_status", "review_status")} == {
        "country": "MA", "part": 1, "prompt": "1.1", "objective": None, "text_ar": "نص عربي",
        "text_en": "English text", "original_language": "en", "translation_status": "draft",
        "review_status": "submitted",
    }
    assert [(answer["prompt"], answer["objective"]) for answer in data["answers"] if answer["part"] == 3] == [
        ("3.0", None), ("3.a", 1), ("3.b", 1), ("3.c", 1)]
    assert (data["cycle"], data["statuses"], list(data)[3:]) == ("arab-2028", None, [
        "countries", "objectives_reported", "answers", "policies", "consultations", "entities", "practices",
        "indicators", "planned_actions"])


def test_export_leaves_out_answers_of_objectives_taken_off_the_list(open_cycle, organiser, submit, prompts, objectives):
    morocco = submit("MA")
    kept = factories.AnswerFactory(review=morocco, prompt=prompts["3.a"], objective=objectives[4], text_ar="باق")
    factories.ReviewObjectiveFactory(review=morocco, objective=objectives[4], is_reported=False)
    factories.AnswerFactory(review=morocco, prompt=prompts["3.a"], objective=objectives[8], text_ar="بلا هدف")

    data = export_json(user=organiser, cycle=open_cycle)

    assert [(answer["prompt"], answer["objective"]) for answer in data["answers"] if answer["part"] == 3] == [
        ("3.0", None), ("3.a", 1), ("3.b", 1), ("3.c", 1)]
    assert Answer.objects.filter(pk=kept.pk).exists()  # kept in the workspace: the objective may come back


def test_export_json_keeps_decimals_exact_and_dates_iso(open_cycle, organiser, submit):
    submit("MA")

    data = export_json(user=organiser, cycle=open_cycle)

    assert (data["indicators"][0]["baseline_value"], data["consultations"][0]["date"],
            data["countries"][0]["submitted_at"]) == ("12.50", "2027-03-15", "2027-06-01T10:00:00+03:00")


def test_export_json_is_empty_for_a_team_without_a_review(open_cycle, other_focal_point, submit):
    submit("JO")

    data = export_json(user=other_focal_point, cycle=open_cycle, statuses=["submitted"])

    assert ({key: value for key, value in data.items() if key != "statuses" and isinstance(value, list)},
            data["statuses"]) == (
        dict.fromkeys(["countries", "objectives_reported", "answers", "policies", "consultations", "entities",
                       "practices", "indicators", "planned_actions"], []), ["submitted"])


# --- cost ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("countries", [3, 22])
def test_export_tables_queries_do_not_grow_with_countries(open_cycle, organiser, submit, countries,
                                                          django_assert_num_queries):
    for iso2 in Country.objects.order_by("iso2").values_list("iso2", flat=True)[:countries]:
        submit(iso2)

    with django_assert_num_queries(EXPORT_QUERIES):
        tables = export_tables(user=organiser, cycle=open_cycle, language="ar")

    assert {name: len(rows) for name, (_headings, rows) in tables.items() if name != "answers"} == dict.fromkeys(
        ["countries", "objectives_reported", "policies", "consultations", "entities", "practices", "indicators",
         "planned_actions"], countries)


def test_export_tables_queries_are_the_same_for_a_country_team(open_cycle, submit, django_assert_num_queries):
    focal_point = submit("MA").versions.get().submitted_by
    submit("JO")

    with django_assert_num_queries(EXPORT_QUERIES - 1):  # a country team sees no stakeholder input: not asked
        export_tables(user=focal_point, cycle=open_cycle)


@pytest.mark.parametrize("countries", [3, 22])
def test_export_json_queries_do_not_grow_with_countries(open_cycle, reviewer, submit, countries,
                                                        django_assert_num_queries):
    for iso2 in Country.objects.order_by("iso2").values_list("iso2", flat=True)[:countries]:
        submit(iso2)

    with django_assert_num_queries(EXPORT_QUERIES):
        data = export_json(user=reviewer, cycle=open_cycle)

    assert len(data["countries"]) == countries
