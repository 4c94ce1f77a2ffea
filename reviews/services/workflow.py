"""The regional review of a submission: each transition is one service.

A transition is a compare-and-set on the review's status, so two reviewers acting at
once cannot both succeed; it records who, when and why, and notifies.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from reviews import rules
from reviews.models import Review, ReviewEvent
from reviews.services.errors import DomainError, NotAllowed
from reviews.services.notifications import country_params, country_team, notify, regional_staff

Status = Review.Status


def _transition(*, review: Review, actor, from_statuses: tuple, to_status: str, reason: str = "") -> Review:
    # One compare-and-set per allowed status, so the event records the status the review really
    # left, not the one a stale instance remembers.
    from_status = next(
        (status for status in from_statuses
         if Review.objects.filter(pk=review.pk, status=status).update(status=to_status)),
        None,
    )
    if from_status is None:
        review.refresh_from_db(fields=["status"])
        raise DomainError(
            _("This cannot be done while the review is “%(status)s”: somebody may have acted on it just now. "
              "Reload the page to see its current state.") % {"status": review.get_status_display()}
        )
    review.refresh_from_db()
    ReviewEvent.objects.create(review=review, from_status=from_status, to_status=to_status, actor=actor,
                               reason=reason)
    return review


@transaction.atomic
def review_take(*, review: Review, reviewer) -> Review:
    """A reviewer takes a submitted review: submitted → in review."""
    if not rules.can_follow_region(reviewer):
        raise NotAllowed(_("Only regional staff review submissions."))
    return _transition(review=review, actor=reviewer, from_statuses=(Status.SUBMITTED,), to_status=Status.IN_REVIEW)


@transaction.atomic
def revision_request(*, review: Review, reviewer, reason: str) -> Review:
    """In review → revision requested. The reason is required: the country team reads it."""
    if not rules.can_follow_region(reviewer):
        raise NotAllowed(_("Only regional staff request revisions."))
    if not reason.strip():
        raise DomainError(_("Say what should be revised."))
    review = _transition(review=review, actor=reviewer, from_statuses=(Status.IN_REVIEW,),
                         to_status=Status.REVISION_REQUESTED, reason=reason.strip())
    notify(users=country_team(review), kind="revision", review=review,
           params=country_params(review, actor=str(reviewer)), path=f"/reviews/{review.uid}/")
    return review


@transaction.atomic
def review_accept(*, review: Review, reviewer) -> Review:
    """In review → accepted."""
    if not rules.can_follow_region(reviewer):
        raise NotAllowed(_("Only regional staff accept reviews."))
    review = _transition(review=review, actor=reviewer, from_statuses=(Status.IN_REVIEW,),
                         to_status=Status.ACCEPTED)
    notify(users=country_team(review), kind="acceptance", review=review,
           params=country_params(review, actor=str(reviewer)), path=f"/reviews/{review.uid}/")
    return review


@transaction.atomic
def review_reopen(*, review: Review, organiser, reason: str) -> Review:
    """An organiser reopens an accepted review for another look: accepted → in review."""
    if not rules.can_manage_users(organiser):
        raise NotAllowed(_("Only an organiser reopens an accepted review."))
    if not reason.strip():
        raise DomainError(_("Say why the review is reopened."))
    return _transition(review=review, actor=organiser, from_statuses=(Status.ACCEPTED,),
                       to_status=Status.IN_REVIEW, reason=reason.strip())


def submission_recorded(*, review: Review, user, from_status: str) -> None:
    """Called by review_submit: log the transition and tell the regional staff."""
    ReviewEvent.objects.create(review=review, from_status=from_status, to_status=Status.SUBMITTED, actor=user)
    notify(users=regional_staff(), kind="submission", review=review, params=country_params(review),
           path=f"/reviews/{review.uid}/")
