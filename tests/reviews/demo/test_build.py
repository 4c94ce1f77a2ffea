from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Count, Q
from django.utils import translation

from reviews.demo.build import demo_content_load
from reviews.demo.load import demo_load
from reviews.models import (
    Answer,
    Assignment,
    Consultation,
    GoodPractice,
    GovernmentEntity,
    Indicator,
    PlannedAction,
    Policy,
    Review,
    ReviewObjective,
    ReviewVersion,
)
from reviews.selectors.workspace import review_progress
from reviews.services.reference import cycle_create

pytestmark = pytest.mark.django_db

DRAFT, SUBMITTED = Review.Status.DRAFT, Review.Status.SUBMITTED
DEFAULT_STATES = {
    "EG": DRAFT, "IQ": DRAFT, "JO": SUBMITTED, "LB": DRAFT, "MA": DRAFT, "MR": DRAFT, "OM": SUBMITTED,
    "PS": SUBMITTED, "TN": SUBMITTED,
}


def _states() -> dict[str, str]:
    return dict(Review.objects.filter(cycle__slug="arab-2028").values_list("country__iso2", "status"))


def _reported() -> dict[str, int]:
    rows = ReviewObjective.objects.filter(is_reported=True).values_list("review__country__iso2")
    return dict(rows.annotate(n=Count("pk")))


def _everything() -> tuple:
    counts = tuple(model.objects.count() for model in (
        Answer, Assignment, Consultation, GoodPractice, GovernmentEntity, Indicator, PlannedAction, Policy, Review,
        ReviewObjective, ReviewVersion,
    ))
    reviews = sorted(Review.objects.values_list("country__iso2", "status", "submitted_at", "updated_at"))
    return counts, reviews


def test_demo_content_load_puts_each_country_in_its_state():
    demo_load()

    assert _states() == DEFAULT_STATES
    assert _reported() == {"EG": 8, "JO": 23, "LB": 4, "MA": 8, "OM": 8, "PS": 3, "TN": 14}


def test_demo_content_load_submits_complete_reviews_with_a_snapshot():
    translation.activate("en")  # review_progress labels what is missing in the active language
    demo_load()

    reviews = Review.objects.filter(cycle__slug="arab-2028").select_related("country").order_by("country__iso2")
    missing = {review.country.iso2: len(review_progress(review).missing) for review in reviews}
    versions = dict(ReviewVersion.objects.values_list("review__country__iso2").annotate(n=Count("pk")))

    assert versions == {"JO": 1, "OM": 1, "PS": 1, "TN": 1}
    assert {iso2 for iso2, n in missing.items() if n == 0} == {"JO", "OM", "PS", "TN"}
    assert ReviewVersion.objects.get(review__country__iso2="PS").content["objectives"][0]["objective"] == 4
    answers = dict(Answer.objects.values_list("review__country__iso2").annotate(n=Count("pk")))
    assert answers == {"EG": 34, "JO": 156, "LB": 16, "MA": 35, "OM": 66, "PS": 36, "TN": 102}


def test_demo_content_load_writes_arabic_and_english_except_where_untranslated():
    demo_load()

    jordan = Answer.objects.get(review__country__iso2="JO", prompt__code="1.1")
    assert jordan.original_language == "en"
    assert jordan.text_en.startswith("This review is fictional demo content") is True
    assert ("Jordan" in jordan.text_en, "الأردن" in jordan.text_ar) == (True, True)
    tunisia = Answer.objects.get(review__country__iso2="TN", prompt__code="3.a", objective__number=6)
    assert tunisia.original_language == "ar"
    assert ("Recruitment and decent work" in tunisia.text_en, "التوظيف والعمل اللائق" in tunisia.text_ar) == (True, True)
    lebanon = Answer.objects.filter(review__country__iso2="LB")
    assert set(lebanon.values_list("text_en", flat=True)) == {""}
    assert lebanon.filter(text_ar="").count() == 0
    assert Answer.objects.exclude(review__country__iso2="LB").filter(Q(text_en="") | Q(text_ar="")).count() == 0


def test_demo_content_load_gives_egypt_contributor_part_4_and_objective_6():
    demo_load()

    assignments = Assignment.objects.values_list("review__country__iso2", "contributor__username", "part__number",
                                                 "objective__number")
    assert sorted(assignments, key=str) == [("EG", "contrib-eg", 4, None), ("EG", "contrib-eg", None, 6)]
    written = Answer.objects.filter(review__country__iso2="EG").filter(Q(prompt__part__number=4) | Q(objective__number=6))
    assert set(written.values_list("updated_by__username", flat=True)) == {"contrib-eg"}


def test_demo_content_load_is_idempotent_and_leaves_submitted_reviews_alone():
    demo_load()
    first = _everything()

    demo_load()

    assert _everything() == first


def test_demo_content_load_writes_nothing_in_a_closed_cycle(reference, focal_point):
    closed = cycle_create(slug="arab-2028", name_ar="دورة مغلقة", name_en="Closed cycle", is_open=False)

    demo_content_load(cycle=closed)

    assert Review.objects.count() == 0


def test_load_demo_full_submits_every_country_with_every_objective():
    call_command("load_demo", "--full", "--force", stdout=StringIO())

    assert set(_states().values()) == {SUBMITTED}
    assert len(_states()) == 22
    assert set(_reported().values()) == {23}
    assert ReviewVersion.objects.count() == 22
    assert ReviewObjective.objects.filter(stage="").count() == 0
    assert Review.objects.filter(plan_status="").count() == 0
    per_objective = ReviewObjective.objects.annotate(
        n_practices=Count("practices", distinct=True), n_indicators=Count("indicators", distinct=True),
        n_principles=Count("principles", distinct=True), n_targets=Count("sdg_targets", distinct=True),
        n_partners=Count("partners", distinct=True),
    )
    assert set(per_objective.values_list("n_practices", flat=True)) == {1, 2}
    assert set(per_objective.values_list("n_indicators", flat=True)) == {1, 2}
    assert per_objective.filter(Q(n_principles=0) | Q(n_targets=0) | Q(n_partners=0)).count() == 0
    assert Answer.objects.filter(Q(text_en="") | Q(text_ar="")).count() == 0
    part_rows = {model.__name__: set(dict(model.objects.values_list("review__country__iso2").annotate(n=Count("pk")))
                                     .values())
                 for model in (GovernmentEntity, Consultation, Policy, PlannedAction)}
    assert part_rows == {"GovernmentEntity": {5}, "Consultation": {3}, "Policy": {3}, "PlannedAction": {3}}
