"""The regional review's transitions: each allowed from one status only, to the right people,
logged as a ReviewEvent and notified to the country team."""

import pytest
from django.conf import settings
from django.core import mail

from reviews.models import Notification, Review, ReviewEvent
from reviews.services.answers import answer_save
from reviews.services.errors import DomainError, NotAllowed
from reviews.services.submission import review_submit
from reviews.services.workflow import review_accept, review_reopen, review_take, revision_request
from tests import factories

pytestmark = pytest.mark.django_db

Status = Review.Status
REFUSED = ("This cannot be done while the review is “%s”: somebody may have acted on it just now. "
           "Reload the page to see its current state.")


def _events(review) -> list[tuple]:
    return list(ReviewEvent.objects.filter(review=review).order_by("pk").values_list(
        "from_status", "to_status", "actor__username", "reason"))


def _status(review) -> str:
    return Review.objects.get(pk=review.pk).status


def _bring(review, status, *, reviewer):
    """Walk a submitted review through the real transitions to `status`."""
    steps = {
        Status.SUBMITTED: [],
        Status.IN_REVIEW: [lambda: review_take(review=review, reviewer=reviewer)],
        Status.ACCEPTED: [lambda: review_take(review=review, reviewer=reviewer),
                          lambda: review_accept(review=review, reviewer=reviewer)],
        Status.REVISION_REQUESTED: [lambda: review_take(review=review, reviewer=reviewer),
                                    lambda: revision_request(review=review, reviewer=reviewer, reason="Add figures.")],
    }
    for step in steps[status]:
        step()
    return Review.objects.get(pk=review.pk)


# --- take ---------------------------------------------------------------------------------------------------


def test_review_take_moves_submitted_to_in_review(submitted_review, reviewer):
    taken = review_take(review=submitted_review, reviewer=reviewer)

    assert (taken.status, _status(submitted_review)) == (Status.IN_REVIEW, Status.IN_REVIEW)
    assert _events(submitted_review) == [
        (Status.DRAFT, Status.SUBMITTED, "fp-eg", ""),
        (Status.SUBMITTED, Status.IN_REVIEW, "reviewer-escwa", ""),
    ]


def test_review_take_by_organiser(submitted_review, organiser):
    review_take(review=submitted_review, reviewer=organiser)

    assert _status(submitted_review) == Status.IN_REVIEW
    assert _events(submitted_review)[-1] == (Status.SUBMITTED, Status.IN_REVIEW, "organiser", "")


def test_review_take_refused_on_a_draft(review, reviewer, english):
    with pytest.raises(DomainError) as refused:
        review_take(review=review, reviewer=reviewer)

    assert refused.value.message == REFUSED % "Draft"
    assert (_status(review), _events(review)) == (Status.DRAFT, [])


@pytest.mark.parametrize(("status", "label"), [(Status.IN_REVIEW, "In review"), (Status.ACCEPTED, "Accepted"),
                                               (Status.REVISION_REQUESTED, "Revision requested")])
def test_review_take_refused_unless_submitted(submitted_review, reviewer, status, label, english):
    review = _bring(submitted_review, status, reviewer=reviewer)
    events = _events(review)

    with pytest.raises(DomainError) as refused:
        review_take(review=review, reviewer=reviewer)

    assert refused.value.message == REFUSED % label
    assert (_status(review), _events(review)) == (status, events)


@pytest.mark.parametrize("user_fixture", ["focal_point", "contributor", "other_focal_point"])
def test_review_take_refused_to_country_teams(request, submitted_review, user_fixture, english):
    with pytest.raises(NotAllowed) as refused:
        review_take(review=submitted_review, reviewer=request.getfixturevalue(user_fixture))

    assert refused.value.message == "Only regional staff review submissions."
    assert (_status(submitted_review), len(_events(submitted_review))) == (Status.SUBMITTED, 1)


def test_review_take_on_a_stale_instance_records_the_status_it_left(review, focal_point, reviewer,
                                                                   complete_review):
    loaded_as_draft = Review.objects.get(pk=review.pk)
    complete_review(review, focal_point)
    review_submit(review=review, user=focal_point)

    review_take(review=loaded_as_draft, reviewer=reviewer)

    assert _events(review) == [
        (Status.DRAFT, Status.SUBMITTED, "fp-eg", ""),
        (Status.SUBMITTED, Status.IN_REVIEW, "reviewer-escwa", ""),
    ]


# --- revision request ----------------------------------------------------------------------------------------


def test_revision_request_moves_in_review_to_revision_requested(submitted_review, reviewer):
    review = _bring(submitted_review, Status.IN_REVIEW, reviewer=reviewer)

    requested = revision_request(review=review, reviewer=reviewer, reason="  Add the 2026 figures to 1.3.  ")

    assert (requested.status, _status(review)) == (Status.REVISION_REQUESTED, Status.REVISION_REQUESTED)
    assert _events(review)[-1] == (Status.IN_REVIEW, Status.REVISION_REQUESTED, "reviewer-escwa",
                                   "Add the 2026 figures to 1.3.")
    assert requested.is_editable_by_country is True


@pytest.mark.parametrize("reason", ["", "   \n "])
def test_revision_request_requires_a_reason(submitted_review, reviewer, reason, english):
    review = _bring(submitted_review, Status.IN_REVIEW, reviewer=reviewer)

    with pytest.raises(DomainError) as refused:
        revision_request(review=review, reviewer=reviewer, reason=reason)

    assert refused.value.message == "Say what should be revised."
    assert (_status(review), len(_events(review))) == (Status.IN_REVIEW, 2)
    assert Notification.objects.filter(kind=Notification.Kind.REVISION).exists() is False


def test_revision_request_refused_from_submitted(submitted_review, reviewer, english):
    with pytest.raises(DomainError) as refused:
        revision_request(review=submitted_review, reviewer=reviewer, reason="Add figures.")

    assert refused.value.message == REFUSED % "Submitted"
    assert (_status(submitted_review), len(_events(submitted_review))) == (Status.SUBMITTED, 1)
    assert Notification.objects.filter(kind=Notification.Kind.REVISION).exists() is False


def test_revision_request_refused_to_focal_point(submitted_review, reviewer, focal_point, english):
    review = _bring(submitted_review, Status.IN_REVIEW, reviewer=reviewer)

    with pytest.raises(NotAllowed) as refused:
        revision_request(review=review, reviewer=focal_point, reason="Let us change it.")

    assert refused.value.message == "Only regional staff request revisions."
    assert _status(review) == Status.IN_REVIEW


def test_revision_request_notifies_the_country_team_only(submitted_review, reviewer, organiser, focal_point,
                                                         contributor, other_focal_point):
    other_contributor = factories.ContributorFactory(username="contrib-ma", country=other_focal_point.country)
    review = _bring(submitted_review, Status.IN_REVIEW, reviewer=reviewer)
    before = set(Notification.objects.values_list("pk", flat=True))

    revision_request(review=review, reviewer=reviewer, reason="Add figures.")

    new = Notification.objects.exclude(pk__in=before).order_by("user__username")
    assert [(n.user.username, n.kind, n.review_id, n.params, n.actor, n.route, n.route_kwargs) for n in new] == [
        (username, Notification.Kind.REVISION, review.pk, {"country_ar": "مصر", "country_en": "Egypt"}, reviewer,
         "reviews:overview", {"uid": str(review.uid)})
        for username in ["contrib-eg", "fp-eg"]
    ]
    assert other_contributor.notifications.exists() is False


def test_revision_request_emails_each_reader_in_their_language(submitted_review, reviewer, focal_point, contributor,
                                                               django_capture_on_commit_callbacks):
    focal_point.preferred_language = "en"
    focal_point.save()
    contributor.preferred_language = "ar"
    contributor.save()
    review = _bring(submitted_review, Status.IN_REVIEW, reviewer=reviewer)

    with django_capture_on_commit_callbacks(execute=True):
        revision_request(review=review, reviewer=reviewer, reason="Add figures.")

    base = settings.PORTAL_BASE_URL.rstrip("/")
    assert sorted((message.to, message.subject, message.body) for message in mail.outbox) == [
        (["contrib-eg@example.org"], "طلب الفريق الإقليمي تنقيح استعراض مصر.",
         f"طلب الفريق الإقليمي تنقيح استعراض مصر.\n\n{base}/ar/reviews/{review.uid}/\n"),
        (["fp-eg@example.org"], "The regional team asked for revisions of the review of Egypt.",
         f"The regional team asked for revisions of the review of Egypt.\n\n{base}/en/reviews/{review.uid}/\n"),
    ]


def test_revision_request_emails_nobody_before_the_commit(submitted_review, reviewer, focal_point,
                                                          django_capture_on_commit_callbacks):
    review = _bring(submitted_review, Status.IN_REVIEW, reviewer=reviewer)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        revision_request(review=review, reviewer=reviewer, reason="Add figures.")

    assert (len(callbacks), mail.outbox) == (1, [])


def test_inactive_member_of_the_country_team_is_not_notified(submitted_review, reviewer, focal_point, contributor,
                                                             django_capture_on_commit_callbacks):
    contributor.is_active = False
    contributor.save()
    review = _bring(submitted_review, Status.IN_REVIEW, reviewer=reviewer)

    with django_capture_on_commit_callbacks(execute=True):
        revision_request(review=review, reviewer=reviewer, reason="Add figures.")

    assert list(Notification.objects.filter(kind=Notification.Kind.REVISION).values_list("user__username",
                                                                                          flat=True)) == ["fp-eg"]
    assert [message.to for message in mail.outbox] == [["fp-eg@example.org"]]


# --- accept and reopen ---------------------------------------------------------------------------------------


def test_review_accept_moves_in_review_to_accepted_and_tells_the_country(submitted_review, reviewer, focal_point,
                                                                          contributor):
    review = _bring(submitted_review, Status.IN_REVIEW, reviewer=reviewer)

    accepted = review_accept(review=review, reviewer=reviewer)

    assert (accepted.status, _status(review)) == (Status.ACCEPTED, Status.ACCEPTED)
    assert _events(review)[-1] == (Status.IN_REVIEW, Status.ACCEPTED, "reviewer-escwa", "")
    assert sorted(Notification.objects.filter(kind=Notification.Kind.ACCEPTANCE).values_list(
        "user__username", flat=True)) == ["contrib-eg", "fp-eg"]


def test_review_accept_refused_from_submitted(submitted_review, reviewer, english):
    with pytest.raises(DomainError) as refused:
        review_accept(review=submitted_review, reviewer=reviewer)

    assert refused.value.message == REFUSED % "Submitted"
    assert _status(submitted_review) == Status.SUBMITTED
    assert Notification.objects.filter(kind=Notification.Kind.ACCEPTANCE).exists() is False


def test_review_accept_refused_to_focal_point(submitted_review, reviewer, focal_point, english):
    review = _bring(submitted_review, Status.IN_REVIEW, reviewer=reviewer)

    with pytest.raises(NotAllowed) as refused:
        review_accept(review=review, reviewer=focal_point)

    assert refused.value.message == "Only regional staff accept reviews."
    assert _status(review) == Status.IN_REVIEW


def test_review_reopen_moves_accepted_to_in_review(submitted_review, reviewer, organiser):
    review = _bring(submitted_review, Status.ACCEPTED, reviewer=reviewer)

    reopened = review_reopen(review=review, organiser=organiser, reason=" The figures of 1.3 contradict 2.1. ")

    assert (reopened.status, _status(review)) == (Status.IN_REVIEW, Status.IN_REVIEW)
    assert _events(review) == [
        (Status.DRAFT, Status.SUBMITTED, "fp-eg", ""),
        (Status.SUBMITTED, Status.IN_REVIEW, "reviewer-escwa", ""),
        (Status.IN_REVIEW, Status.ACCEPTED, "reviewer-escwa", ""),
        (Status.ACCEPTED, Status.IN_REVIEW, "organiser", "The figures of 1.3 contradict 2.1."),
    ]


@pytest.mark.parametrize("user_fixture", ["reviewer", "focal_point"])
def test_review_reopen_refused_to_anyone_but_an_organiser(request, submitted_review, reviewer, user_fixture,
                                                          english):
    review = _bring(submitted_review, Status.ACCEPTED, reviewer=reviewer)

    with pytest.raises(NotAllowed) as refused:
        review_reopen(review=review, organiser=request.getfixturevalue(user_fixture), reason="Another look.")

    assert refused.value.message == "Only an organiser reopens an accepted review."
    assert (_status(review), len(_events(review))) == (Status.ACCEPTED, 3)


@pytest.mark.parametrize("reason", ["", "  "])
def test_review_reopen_requires_a_reason(submitted_review, reviewer, organiser, reason, english):
    review = _bring(submitted_review, Status.ACCEPTED, reviewer=reviewer)

    with pytest.raises(DomainError) as refused:
        review_reopen(review=review, organiser=organiser, reason=reason)

    assert refused.value.message == "Say why the review is reopened."
    assert (_status(review), len(_events(review))) == (Status.ACCEPTED, 3)


def test_review_reopen_refused_unless_accepted(submitted_review, reviewer, organiser, english):
    review = _bring(submitted_review, Status.IN_REVIEW, reviewer=reviewer)

    with pytest.raises(DomainError) as refused:
        review_reopen(review=review, organiser=organiser, reason="Another look.")

    assert refused.value.message == REFUSED % "In review"
    assert (_status(review), len(_events(review))) == (Status.IN_REVIEW, 2)


# --- resubmission ----------------------------------------------------------------------------------------------


def test_review_submit_after_revision_request_returns_to_submitted_as_version_2(submitted_review, prompts, reviewer,
                                                                                focal_point):
    review = _bring(submitted_review, Status.REVISION_REQUESTED, reviewer=reviewer)
    answer = review.answers.get(prompt=prompts["1.3"])
    answer_save(review=review, prompt=prompts["1.3"], objective=None, user=focal_point, text_ar="أرقام 2026",
                text_en="", original_language=None, base_version=answer.version)

    version = review_submit(review=review, user=focal_point)

    assert (version.number, version.submitted_by, _status(review)) == (2, focal_point, Status.SUBMITTED)
    assert list(review.versions.order_by("number").values_list("number", flat=True)) == [1, 2]
    assert _events(review) == [
        (Status.DRAFT, Status.SUBMITTED, "fp-eg", ""),
        (Status.SUBMITTED, Status.IN_REVIEW, "reviewer-escwa", ""),
        (Status.IN_REVIEW, Status.REVISION_REQUESTED, "reviewer-escwa", "Add figures."),
        (Status.REVISION_REQUESTED, Status.SUBMITTED, "fp-eg", ""),
    ]


def test_review_submit_tells_the_regional_staff(submitted_review, reviewer, organiser, focal_point, contributor):
    review = _bring(submitted_review, Status.REVISION_REQUESTED, reviewer=reviewer)

    review_submit(review=review, user=focal_point)

    assert sorted(Notification.objects.filter(kind=Notification.Kind.SUBMISSION).values_list(
        "user__username", "params")) == [
        ("organiser", {"country_ar": "مصر", "country_en": "Egypt"}),
        ("reviewer-escwa", {"country_ar": "مصر", "country_en": "Egypt"}),
    ]


# --- two reviewers at once -------------------------------------------------------------------------------------


def test_accept_and_revision_request_at_once_let_exactly_one_win(submitted_review, reviewer, organiser,
                                                                  english):
    _bring(submitted_review, Status.IN_REVIEW, reviewer=reviewer)
    seen_by_first = Review.objects.get(pk=submitted_review.pk)
    seen_by_second = Review.objects.get(pk=submitted_review.pk)

    review_accept(review=seen_by_first, reviewer=reviewer)
    with pytest.raises(DomainError) as refused:
        revision_request(review=seen_by_second, reviewer=organiser, reason="Add figures.")

    assert refused.value.message == REFUSED % "Accepted"
    assert (_status(submitted_review), seen_by_second.status) == (Status.ACCEPTED, Status.ACCEPTED)
    assert _events(submitted_review)[1:] == [
        (Status.SUBMITTED, Status.IN_REVIEW, "reviewer-escwa", ""),
        (Status.IN_REVIEW, Status.ACCEPTED, "reviewer-escwa", ""),
    ]
    assert Notification.objects.filter(kind=Notification.Kind.REVISION).exists() is False


def test_revision_request_and_accept_at_once_let_exactly_one_win(submitted_review, reviewer, organiser, english):
    _bring(submitted_review, Status.IN_REVIEW, reviewer=reviewer)
    seen_by_first = Review.objects.get(pk=submitted_review.pk)
    seen_by_second = Review.objects.get(pk=submitted_review.pk)

    revision_request(review=seen_by_first, reviewer=organiser, reason="Add figures.")
    with pytest.raises(DomainError) as refused:
        review_accept(review=seen_by_second, reviewer=reviewer)

    assert refused.value.message == REFUSED % "Revision requested"
    assert _status(submitted_review) == Status.REVISION_REQUESTED
    assert _events(submitted_review)[1:] == [
        (Status.SUBMITTED, Status.IN_REVIEW, "reviewer-escwa", ""),
        (Status.IN_REVIEW, Status.REVISION_REQUESTED, "organiser", "Add figures."),
    ]
    assert Notification.objects.filter(kind=Notification.Kind.ACCEPTANCE).exists() is False


def test_two_reviewers_taking_at_once_let_exactly_one_win(submitted_review, reviewer, organiser):
    seen_by_first = Review.objects.get(pk=submitted_review.pk)
    seen_by_second = Review.objects.get(pk=submitted_review.pk)

    review_take(review=seen_by_first, reviewer=reviewer)
    with pytest.raises(DomainError):
        review_take(review=seen_by_second, reviewer=organiser)

    assert _status(submitted_review) == Status.IN_REVIEW
    assert _events(submitted_review)[1:] == [(Status.SUBMITTED, Status.IN_REVIEW, "reviewer-escwa", "")]
