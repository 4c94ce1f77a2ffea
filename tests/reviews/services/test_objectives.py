import pytest

from reviews.models import GoodPractice, Review, ReviewObjective
from reviews.services.errors import NotAllowed
from reviews.services.objectives import objectives_choose
from tests import factories

pytestmark = pytest.mark.django_db


def _chosen(review):
    """(objective number, reported, priority) for every objective the review ever chose."""
    return list(
        ReviewObjective.objects.filter(review=review).order_by("objective__number")
        .values_list("objective__number", "is_reported", "is_priority")
    )


def _pks(objectives, *numbers):
    return {objectives[number].pk for number in numbers}


def test_objectives_choose_adds_reported_objectives(review, objectives, focal_point):
    objectives_choose(review=review, user=focal_point, reported=_pks(objectives, 2, 6), priorities=set())

    assert _chosen(review) == [(2, True, False), (6, True, False)]
    assert set(ReviewObjective.objects.filter(review=review).values_list("updated_by", flat=True)) == {
        focal_point.pk
    }


def test_objectives_choose_priority_implies_reported(review, objectives, focal_point):
    objectives_choose(review=review, user=focal_point, reported=_pks(objectives, 2), priorities=_pks(objectives, 2, 9))

    assert _chosen(review) == [(2, True, True), (9, True, True)]


def test_objectives_choose_marks_existing_objective_as_priority(review, objectives, focal_point):
    objectives_choose(review=review, user=focal_point, reported=_pks(objectives, 2, 6), priorities=set())

    objectives_choose(review=review, user=focal_point, reported=_pks(objectives, 2, 6), priorities=_pks(objectives, 6))

    assert _chosen(review) == [(2, True, False), (6, True, True)]


def test_objectives_choose_unchecking_keeps_content(review, objectives, focal_point):
    row = factories.ReviewObjectiveFactory(review=review, objective=objectives[6], stage="advanced", is_priority=True)
    factories.GoodPracticeFactory(review_objective=row, title="Labour inspections")
    factories.IndicatorFactory(review_objective=row, name="Recruitment costs")

    objectives_choose(review=review, user=focal_point, reported=_pks(objectives, 2), priorities=set())

    assert _chosen(review) == [(2, True, False), (6, False, False)]
    row.refresh_from_db()
    assert (row.stage, list(row.practices.values_list("title", flat=True)), row.indicators.count()) == (
        "advanced", ["Labour inspections"], 1
    )


def test_objectives_choose_rechecking_restores_content(review, objectives, focal_point):
    row = factories.ReviewObjectiveFactory(review=review, objective=objectives[6], stage="advanced")
    practice = factories.GoodPracticeFactory(review_objective=row)
    objectives_choose(review=review, user=focal_point, reported=set(), priorities=set())

    objectives_choose(review=review, user=focal_point, reported=_pks(objectives, 6), priorities=set())

    assert _chosen(review) == [(6, True, False)]
    restored = ReviewObjective.objects.get(review=review, objective=objectives[6])
    assert (restored.pk, restored.stage) == (row.pk, "advanced")
    assert list(GoodPractice.objects.filter(review_objective=restored)) == [practice]


def test_objectives_choose_ignores_unknown_objectives(review, objectives, focal_point):
    objectives_choose(review=review, user=focal_point, reported=_pks(objectives, 4) | {999_999},
                      priorities={999_998})

    assert _chosen(review) == [(4, True, False)]


def test_objectives_choose_refused_to_contributor(review, objectives, contributor, english):
    factories.AssignmentFactory(review=review, contributor=contributor, part=review.cycle.parts.get(number=3))

    with pytest.raises(NotAllowed) as refused:
        objectives_choose(review=review, user=contributor, reported=_pks(objectives, 1), priorities=set())

    assert refused.value.message == "Only the focal point chooses the objectives reported."
    assert _chosen(review) == []


def test_objectives_choose_refused_to_focal_point_of_another_country(review, objectives, other_focal_point):
    with pytest.raises(NotAllowed):
        objectives_choose(review=review, user=other_focal_point, reported=_pks(objectives, 1), priorities=set())

    assert _chosen(review) == []


def test_objectives_choose_refused_once_submitted(review, objectives, focal_point):
    factories.ReviewObjectiveFactory(review=review, objective=objectives[1])
    Review.objects.filter(pk=review.pk).update(status=Review.Status.SUBMITTED)
    review.refresh_from_db()

    with pytest.raises(NotAllowed):
        objectives_choose(review=review, user=focal_point, reported=set(), priorities=set())

    assert _chosen(review) == [(1, True, False)]
