import datetime
import zoneinfo

import pytest
import time_machine

from reviews.models import Review, ReviewVersion
from reviews.selectors.snapshot import review_snapshot
from reviews.services.answers import answer_save
from reviews.services.errors import DomainError, NotAllowed
from reviews.services.submission import review_open, review_submit
from tests import factories

pytestmark = pytest.mark.django_db

BEIRUT = zoneinfo.ZoneInfo("Asia/Beirut")  # settings.TIME_ZONE: the deadline is a date in local time
JUNE = datetime.datetime(2027, 6, 1, 10, 0, tzinfo=BEIRUT)
JULY = datetime.datetime(2027, 7, 1, 10, 0, tzinfo=BEIRUT)


def _status(review):
    stored = Review.objects.get(pk=review.pk)
    return stored.status, stored.versions.count()


def test_review_open_creates_the_review_for_the_focal_point(open_cycle, focal_point, egypt):
    review = review_open(cycle=open_cycle, user=focal_point)

    assert (review.cycle, review.country, review.status) == (open_cycle, egypt, Review.Status.DRAFT)
    assert Review.objects.count() == 1


def test_review_open_is_idempotent(open_cycle, focal_point):
    first = review_open(cycle=open_cycle, user=focal_point)

    again = review_open(cycle=open_cycle, user=focal_point)

    assert again.pk == first.pk
    assert Review.objects.count() == 1


def test_review_open_gives_contributor_the_existing_review(review, open_cycle, contributor):
    assert review_open(cycle=open_cycle, user=contributor).pk == review.pk


def test_review_open_refused_to_contributor_before_the_focal_point_opens(open_cycle, contributor, english):
    with pytest.raises(NotAllowed) as refused:
        review_open(cycle=open_cycle, user=contributor)

    assert refused.value.message == "The focal point opens the review while the cycle is open."
    assert Review.objects.exists() is False


def test_review_open_refused_when_cycle_closed(open_cycle, focal_point):
    open_cycle.is_open = False
    open_cycle.save()

    with pytest.raises(NotAllowed):
        review_open(cycle=open_cycle, user=focal_point)

    assert Review.objects.exists() is False


def test_review_open_returns_existing_review_of_a_closed_cycle(review, open_cycle, focal_point):
    open_cycle.is_open = False
    open_cycle.save()

    assert review_open(cycle=open_cycle, user=focal_point).pk == review.pk


@pytest.mark.parametrize("user_fixture", ["reviewer", "organiser"])
def test_review_open_refused_to_regional_staff(request, open_cycle, user_fixture, english):
    with pytest.raises(NotAllowed) as refused:
        review_open(cycle=open_cycle, user=request.getfixturevalue(user_fixture))

    assert refused.value.message == "Only a country team has a review to open."
    assert Review.objects.exists() is False


def test_review_open_opens_each_country_its_own_review(open_cycle, focal_point, other_focal_point):
    egypt_review = review_open(cycle=open_cycle, user=focal_point)
    morocco_review = review_open(cycle=open_cycle, user=other_focal_point)

    assert egypt_review.pk != morocco_review.pk
    assert sorted(Review.objects.values_list("country__iso2", flat=True)) == ["EG", "MA"]


def test_review_submit_refused_while_items_are_missing(review, focal_point, english):
    with pytest.raises(DomainError) as refused:
        review_submit(review=review, user=focal_point)

    # 5 + 5 prompts in parts 1 and 2, prompt 3.0 and "choose an objective", 4 + 3 prompts in parts 4 and 5
    assert refused.value.message == "The review cannot be submitted yet: 19 required items are missing."
    assert _status(review) == (Review.Status.DRAFT, 0)


def test_review_submit_counts_a_missing_stage(review, focal_point, complete_review, english):
    rows = complete_review(review, focal_point)
    rows[0].stage = ""
    rows[0].save()

    with pytest.raises(DomainError) as refused:
        review_submit(review=review, user=focal_point)

    assert refused.value.message == "The review cannot be submitted yet: 1 required items are missing."
    assert _status(review) == (Review.Status.DRAFT, 0)


def test_review_submit_stores_first_version_with_the_snapshot(review, focal_point, complete_review):
    complete_review(review, focal_point, objective_numbers=(1, 6))
    factories.GovernmentEntityFactory(review=review, name="Ministry of Foreign Affairs", updated_by=focal_point)
    expected = review_snapshot(review)

    with time_machine.travel(JUNE, tick=False):
        version = review_submit(review=review, user=focal_point)

    stored = ReviewVersion.objects.get(pk=version.pk)
    assert (stored.review, stored.number, stored.submitted_by, stored.is_late) == (review, 1, focal_point, False)
    assert stored.content == expected
    assert stored.content == review_snapshot(review)
    assert [row["objective"] for row in stored.content["objectives"]] == [1, 6]
    submitted = Review.objects.get(pk=review.pk)
    assert (submitted.status, submitted.submitted_at, submitted.first_submitted_at, submitted.is_late) == (
        Review.Status.SUBMITTED, JUNE, JUNE, False
    )
    assert stored.submitted_at == JUNE


def test_review_submit_on_deadline_day_is_on_time(review, focal_point, complete_review):
    complete_review(review, focal_point)

    with time_machine.travel(datetime.datetime(2027, 9, 30, 23, 30, tzinfo=BEIRUT), tick=False):
        version = review_submit(review=review, user=focal_point)

    assert (version.is_late, Review.objects.get(pk=review.pk).is_late) == (False, False)


def test_review_submit_after_deadline_is_accepted_and_marked_late(review, focal_point, complete_review):
    complete_review(review, focal_point)

    with time_machine.travel(datetime.datetime(2027, 10, 1, 0, 30, tzinfo=BEIRUT), tick=False):
        version = review_submit(review=review, user=focal_point)

    submitted = Review.objects.get(pk=review.pk)
    assert (version.is_late, submitted.is_late, submitted.status) == (True, True, Review.Status.SUBMITTED)


def test_review_submit_without_deadline_is_never_late(review, focal_point, complete_review):
    review.cycle.submission_deadline = None
    review.cycle.save()
    complete_review(review, focal_point)

    with time_machine.travel(datetime.datetime(2030, 1, 1, 12, 0, tzinfo=BEIRUT), tick=False):
        version = review_submit(review=review, user=focal_point)

    assert version.is_late is False


@pytest.mark.parametrize("user_fixture", ["contributor", "other_focal_point", "reviewer"])
def test_review_submit_refused_to_anyone_but_the_focal_point(request, review, focal_point, complete_review,
                                                             user_fixture, english):
    complete_review(review, focal_point)
    factories.AssignmentFactory(review=review, contributor=request.getfixturevalue("contributor"),
                                part=review.cycle.parts.get(number=1))

    with pytest.raises(NotAllowed) as refused:
        review_submit(review=review, user=request.getfixturevalue(user_fixture))

    assert refused.value.message == "Only the focal point submits the review."
    assert _status(review) == (Review.Status.DRAFT, 0)


def test_review_submit_refuses_a_second_submit(review, focal_point, complete_review, english):
    complete_review(review, focal_point)
    review_submit(review=review, user=focal_point)

    with pytest.raises(DomainError) as refused:
        review_submit(review=review, user=focal_point)

    assert refused.value.message == "This review was already submitted."
    assert _status(review) == (Review.Status.SUBMITTED, 1)


def _answer_text(version, code):
    content = ReviewVersion.objects.get(pk=version.pk).content
    return next(answer["text_ar"] for answer in content["answers"] if answer["prompt"] == code)


def test_review_submit_after_revision_request_stores_second_version(review, prompts, focal_point, complete_review):
    complete_review(review, focal_point)
    original = review.answers.get(prompt__code="1.1").text_ar
    with time_machine.travel(JUNE, tick=False):
        first = review_submit(review=review, user=focal_point)
    Review.objects.filter(pk=review.pk).update(status=Review.Status.REVISION_REQUESTED)
    review.refresh_from_db()
    answer_save(review=review, prompt=prompts["1.1"], objective=None, user=focal_point, text_ar="نص منقح",
                text_en="", original_language=None, base_version=1)

    with time_machine.travel(JULY, tick=False):
        second = review_submit(review=review, user=focal_point)

    assert [(v.number, v.submitted_at) for v in review.versions.order_by("number")] == [(1, JUNE), (2, JULY)]
    assert (_answer_text(first, "1.1"), _answer_text(second, "1.1")) == (original, "نص منقح")
    submitted = Review.objects.get(pk=review.pk)
    assert (submitted.status, submitted.first_submitted_at, submitted.submitted_at) == (
        Review.Status.SUBMITTED, first.submitted_at, second.submitted_at
    )


def test_review_submit_refused_when_cycle_closed(review, focal_point, complete_review, english):
    complete_review(review, focal_point)
    review.cycle.is_open = False
    review.cycle.save()

    with pytest.raises(DomainError) as refused:
        review_submit(review=review, user=focal_point)

    assert refused.value.message == "This review cycle is closed: reviews can no longer be submitted."

    assert _status(review) == (Review.Status.DRAFT, 0)


def test_answer_save_refused_after_submission(review, prompts, focal_point, complete_review):
    complete_review(review, focal_point)
    review_submit(review=review, user=focal_point)
    review.refresh_from_db()
    before = review.answers.get(prompt__code="1.1")

    with pytest.raises(NotAllowed):
        answer_save(review=review, prompt=prompts["1.1"], objective=None, user=focal_point, text_ar="تعديل متأخر",
                    text_en="", original_language=None, base_version=before.version)

    after = review.answers.get(prompt__code="1.1")
    assert (after.text_ar, after.version) == (before.text_ar, before.version)
