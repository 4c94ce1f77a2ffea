"""Country reviews with content, for the tests of the regional compilations (matrix, answers side by side,
good practices, figures).

The small region the tests read is built once per test module: `module_data` keeps it in a transaction
that each test's own transaction nests in (a savepoint, rolled back after the test), and that is rolled
back when the module ends. Loading the reference data for every test would cost most of the run.
"""

import datetime
from contextlib import contextmanager

from django.db import transaction

from accounts.services import user_sync_staff_access
from reviews.models import (
    Country,
    GoodPracticeCriterion,
    Organisation,
    PlanStatus,
    Policy,
    PracticeType,
    Review,
    ReviewObjective,
    StakeholderCategory,
)
from reviews.services.reference import cycle_create, reference_load
from reviews.services.submission import review_submit
from reviews.services.workflow import review_accept, review_take
from tests import factories
from tests.reviews.conftest import review_complete

Stage = ReviewObjective.Stage


@contextmanager
def module_data(django_db_blocker):
    """Rows written inside stay for the tests of one module, then are rolled back."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)


def submitted_review(*, cycle, iso2: str, objectives=(6,), priorities=(), stages=None, accepted_by=None) -> Review:
    """The country's review, complete for `objectives`, submitted by its focal point; accepted when
    `accepted_by` (a reviewer) is given. Stages are "under way" unless `stages` says otherwise (set after
    the submission, so a stage may also be left blank)."""
    country = Country.objects.get(iso2=iso2)
    focal_point = factories.FocalPointFactory(username=f"focal-{iso2.lower()}", country=country)
    review = factories.ReviewFactory(cycle=cycle, country=country)
    review_complete(review, focal_point, objective_numbers=objectives)
    ReviewObjective.objects.filter(review=review, objective__number__in=priorities).update(is_priority=True)
    review_submit(review=review, user=focal_point)
    for number, stage in (stages or {}).items():
        ReviewObjective.objects.filter(review=review, objective__number=number).update(stage=stage)
    if accepted_by is not None:
        review_take(review=review, reviewer=accepted_by)
        review_accept(review=review, reviewer=accepted_by)
    return Review.objects.select_related("country", "cycle").get(pk=review.pk)


def _practice(review: Review, number: int, title: str, kind: str, *criteria: str):
    practice = factories.GoodPracticeFactory(
        review_objective=ReviewObjective.objects.get(review=review, objective__number=number), title=title,
        kind=PracticeType.objects.get(code=kind))
    practice.criteria.set(GoodPracticeCriterion.objects.filter(code__in=criteria))
    return practice


def _consultation(review: Review, *categories: str):
    consultation = factories.ConsultationFactory(review=review)
    consultation.categories.set(StakeholderCategory.objects.filter(code__in=categories))


def region_build() -> dict:
    """The open cycle "arab-2028" with Egypt's draft (complete, never submitted), Morocco's review submitted
    and Jordan's accepted, their practices, consultations, policies and plans; the users of the roles."""
    reference_load()
    cycle = cycle_create(
        slug="arab-2028", name_ar="الاستعراض الإقليمي الثالث", name_en="Third regional review",
        opens=datetime.date(2026, 10, 1), submission_deadline=datetime.date(2027, 9, 30),
        conference=datetime.date(2028, 2, 15), is_open=True,
    )
    egypt = Country.objects.get(iso2="EG")
    reviewer = factories.ReviewerFactory(username="reviewer-escwa", organisation=Organisation.objects.get(code="escwa"))
    organiser = factories.OrganiserFactory(username="organiser")
    user_sync_staff_access(user=organiser)
    focal_point = factories.FocalPointFactory(username="fp-eg", country=egypt)
    contributor = factories.ContributorFactory(username="contrib-eg", country=egypt)

    draft = factories.ReviewFactory(cycle=cycle, country=egypt, plan_status=PlanStatus.ADOPTED)
    review_complete(draft, focal_point, objective_numbers=(6, 23))
    morocco = submitted_review(cycle=cycle, iso2="MA", objectives=(2, 6), priorities=(6,),
                               stages={2: Stage.PLANNED, 6: Stage.ACHIEVED})
    jordan = submitted_review(cycle=cycle, iso2="JO", objectives=(6, 23), stages={23: ""}, accepted_by=reviewer)
    Review.objects.filter(pk=morocco.pk).update(plan_status=PlanStatus.ADOPTED)
    Review.objects.filter(pk=jordan.pk).update(plan_status=PlanStatus.IN_PREPARATION)

    practices = {
        "ma-2": _practice(morocco, 2, "Skills passport", "project", "effective", "replicable"),
        "ma-6": _practice(morocco, 6, "Fair recruitment charter", "legislation-policy", "participatory"),
        "jo-6": _practice(jordan, 6, "Labour inspection unit", "structure", "effective"),
        "jo-23": _practice(jordan, 23, "Regional data platform", "cooperation"),
        "eg-6": _practice(draft, 6, "Egypt's unpublished draft", "project", "effective"),
    }
    _consultation(morocco, "migrants", "civil-society")
    _consultation(morocco, "civil-society", "academia")
    _consultation(jordan, "migrants")
    _consultation(draft, "trade-unions")
    for review, year, status in [(morocco, 2019, Policy.Status.ADOPTED), (morocco, 2021, Policy.Status.ADOPTED),
                                 (morocco, 2022, Policy.Status.DRAFT), (jordan, 2021, Policy.Status.ADOPTED),
                                 (draft, 2018, Policy.Status.ADOPTED)]:
        factories.PolicyFactory(review=review, year=year, status=status)
    return {
        "cycle": cycle, "EG": draft, "MA": Review.objects.get(pk=morocco.pk), "JO": Review.objects.get(pk=jordan.pk),
        "practices": practices, "reviewer": reviewer, "organiser": organiser, "focal_point": focal_point,
        "contributor": contributor,
    }


def tables_fill(review: Review) -> None:
    """One good practice (with criteria and partners), one consultation and one adopted policy."""
    categories = list(StakeholderCategory.objects.order_by("position")[:2])
    practice = factories.GoodPracticeFactory(review_objective=review.review_objectives.first(),
                                             kind=PracticeType.objects.order_by("position").first())
    practice.criteria.set(GoodPracticeCriterion.objects.order_by("position")[:2])
    practice.partners.set(categories)
    consultation = factories.ConsultationFactory(review=review)
    consultation.categories.set(categories)
    factories.PolicyFactory(review=review, year=2021)


def region_grow(*, cycle, countries: int) -> int:
    """Submit reviews, with their tables, for the countries without one (by ISO code) until `countries`
    reviews are compiled; the number of compiled reviews."""
    compiled = Review.objects.filter(cycle=cycle).exclude(status=Review.Status.DRAFT)
    missing = countries - compiled.count()
    for position, iso2 in enumerate(Country.objects.exclude(reviews__cycle=cycle).order_by("iso2")
                                    .values_list("iso2", flat=True)[:missing]):
        review = submitted_review(cycle=cycle, iso2=iso2, objectives=(5, 6, 15 + position % 8), priorities=(6,))
        tables_fill(review)
    return compiled.count()
