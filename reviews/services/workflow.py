"""The regional review of a submission: each transition is one service.

A transition locks the review's row, re-reads its status under the lock and only then
writes, so two people acting at once (a reviewer and the focal point, two reviewers)
end in one of the orders the rules allow, never in a mix; it records who, when and why,
and notifies.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from reviews import rules
from reviews.models import Notification, Review, ReviewEvent
from reviews.services.errors import DomainError, NotAllowed
from reviews.services.notifications import country_params, country_team, notify, regional_staff

Status = Review.Status


def review_lock(review: Review) -> Review:
    """The review's row, locked until the caller's transaction ends, with its status as committed.

    Only the review's own row is locked (`of=("self",)`): its cycle and country are read, not
    changed, and locking them would make every transition of the cycle wait on each other.
    SQLite ignores the lock (it serialises writers on the whole file); the status written
    with a condition on the status read (see `_transition`) keeps it right there too.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("review_lock() must run inside transaction.atomic.")
    return Review.objects.select_for_update(of=("self",)).select_related("cycle", "country").get(pk=review.pk)


def refused(review: Review) -> DomainError:
    return DomainError(
        _("This cannot be done while the review is “%(status)s”: somebody may have acted on it just now. "
          "Reload the page to see its current state.") % {"status": review.get_status_display()}
    )


def _transition(*, review: Review, actor, from_statuses: tuple, to_status: str, reason: str = "") -> Review:
    # The status is checked on the locked row, not on `review`, which the caller may have loaded
    # before somebody else acted; the event records the status the review really left.
    locked = review_lock(review)
    from_status = locked.status
    written = from_status in from_statuses and Review.objects.filter(pk=review.pk, status=from_status).update(
        status=to_status
    )
    if not written:
        review.refresh_from_db(fields=["status"])
        raise refused(review)
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
    notify(users=country_team(review), kind=Notification.Kind.REVISION, review=review,
           params=country_params(review), actor=reviewer, route="reviews:overview",
           route_kwargs={"uid": review.uid})
    return review


@transaction.atomic
def review_accept(*, review: Review, reviewer) -> Review:
    """In review → accepted."""
    if not rules.can_follow_region(reviewer):
        raise NotAllowed(_("Only regional staff accept reviews."))
    review = _transition(review=review, actor=reviewer, from_statuses=(Status.IN_REVIEW,),
                         to_status=Status.ACCEPTED)
    notify(users=country_team(review), kind=Notification.Kind.ACCEPTANCE, review=review,
           params=country_params(review), actor=reviewer, route="reviews:overview",
           route_kwargs={"uid": review.uid})
    return review


@transaction.atomic
def review_reopen(*, review: Review, organiser, reason: str) -> Review:
    """An organiser reopens an accepted review for another look: accepted → in review."""
    if not rules.can_manage_users(organiser):
        raise NotAllowed(_("Only an organiser reopens an accepted review."))
    if not reason.strip():
        raise DomainError(_("Say why the review is reopened."))
    if review.imported_from:
        raise DomainError(_("This review was brought in from an earlier cycle's records: it is read-only."))
    return _transition(review=review, actor=organiser, from_statuses=(Status.ACCEPTED,),
                       to_status=Status.IN_REVIEW, reason=reason.strip())


def submission_recorded(*, review: Review, user, from_status: str) -> None:
    """Called by review_submit: log the transition and tell the regional staff."""
    ReviewEvent.objects.create(review=review, from_status=from_status, to_status=Status.SUBMITTED, actor=user)
    notify(users=regional_staff(), kind=Notification.Kind.SUBMISSION, review=review, params=country_params(review),
           route="reviews:overview", route_kwargs={"uid": review.uid})
