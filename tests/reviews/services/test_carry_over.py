import pytest

from reviews.models import Answer, ChangeLog, Policy, ReviewCycle, ReviewObjective
from reviews.selectors.previous import carried_over_answers
from reviews.services.answers import answer_save
from reviews.services.carry_over import answer_carried_over_confirm
from reviews.services.errors import DomainError
from reviews.services.submission import review_open, review_submit
from tests.reviews.past import past_review_import

pytestmark = pytest.mark.django_db


def test_review_open_without_choosing_copies_nothing(open_cycle, organiser, focal_point):
    past_review_import(organiser)

    review = review_open(cycle=open_cycle, user=focal_point)

    assert (review.answers.count(), review.review_objectives.count(), review.policies.count()) == (0, 0, 0)


def test_review_open_from_previous_copies_answers_tables_and_objectives_marked_carried_over(
        open_cycle, organiser, focal_point):
    past_review_import(organiser)

    review = review_open(cycle=open_cycle, user=focal_point, from_previous=True)

    answers = Answer.objects.filter(review=review)
    assert answers.count() == 3
    assert set(answers.values_list("carried_over_from__slug", flat=True)) == {"arab-2024"}
    assert sorted(ReviewObjective.objects.filter(review=review).values_list("objective__number", "stage",
                                                                            "is_priority")) == [
        (1, "planned", True), (2, "planned", False)]
    assert list(Policy.objects.filter(review=review).values_list("title", flat=True)) == ["Old labour strategy"]
    assert (review.entities.count(), review.consultations.count(), review.planned_actions.count()) == (1, 1, 1)
    assert ChangeLog.objects.filter(review=review, field="carried_over_from").count() == 3
    review.refresh_from_db()
    assert review.plan_status == "in_preparation"


def test_review_open_from_previous_refused_without_a_previous_review(open_cycle, focal_point, english):
    with pytest.raises(DomainError) as error:
        review_open(cycle=open_cycle, user=focal_point, from_previous=True)

    assert error.value.message == "Your country has no review of the previous cycle to start from."
    assert open_cycle.reviews.count() == 0


def test_editing_or_confirming_a_carried_over_answer_removes_the_mark(open_cycle, organiser, focal_point, prompts):
    past_review_import(organiser)
    review = review_open(cycle=open_cycle, user=focal_point, from_previous=True)
    edited = Answer.objects.get(review=review, prompt=prompts["1.1"])
    confirmed = Answer.objects.select_related("prompt__part", "carried_over_from").get(
        review=review, prompt=prompts["3.a"], objective__number=1)

    answer_save(review=review, prompt=prompts["1.1"], objective=None, user=focal_point, text_ar=edited.text_ar,
                text_en="The team met four times in 2027.", original_language="en", base_version=edited.version)
    answer_carried_over_confirm(answer=confirmed, user=focal_point)

    assert [(a.prompt.code, a.objective.number) for a in carried_over_answers(review)] == [("3.a", 2)]
    assert ChangeLog.objects.filter(review=review, field="carried_over_from", after="").count() == 1


def test_unconfirmed_carried_over_answers_warn_but_do_not_block_the_submission(open_cycle, focal_point, review,
                                                                               complete_review):
    complete_review(review, focal_point)
    Answer.objects.filter(review=review, prompt__code="1.1").update(
        carried_over_from=ReviewCycle.objects.get(slug="arab-2024"))

    version = review_submit(review=review, user=focal_point)

    assert [a.prompt.code for a in carried_over_answers(review)] == ["1.1"]
    review.refresh_from_db()
    assert (version.number, review.status) == (1, "submitted")
