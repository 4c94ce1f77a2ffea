"""Opening a review and submitting it."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Role
from reviews import rules
from reviews.models import Review, ReviewCycle, ReviewVersion
from reviews.selectors.snapshot import review_snapshot
from reviews.selectors.workspace import review_progress
from reviews.services.carry_over import review_carry_over
from reviews.services.errors import DomainError, NotAllowed
from reviews.services.workflow import refused, review_lock, submission_recorded


def review_open(*, cycle: ReviewCycle, user, from_previous: bool = False) -> Review:
    """The focal point opens the cycle: their country's review is created on first visit. With
    `from_previous` (the focal point's choice, never a default) a new review starts as a copy of the previous
    cycle's review (services/carry_over.py); an existing review is returned as it is."""
    if not user.is_country_team:
        raise NotAllowed(_("Only a country team has a review to open."))
    existing = Review.objects.filter(cycle=cycle, country_id=user.country_id).first()
    if existing is not None:
        return existing
    if user.role != Role.FOCAL_POINT or not cycle.is_open:
        raise NotAllowed(_("The focal point opens the review while the cycle is open."))
    try:
        with transaction.atomic():
            review = Review.objects.create(cycle=cycle, country_id=user.country_id)
            if from_previous:
                review_carry_over(review=review, user=user)
            return review
    except IntegrityError:  # opened at the same moment in another tab
        return Review.objects.get(cycle=cycle, country_id=user.country_id)


@transaction.atomic
def review_submit(*, review: Review, user) -> ReviewVersion:
    """Submit the review: only its focal point, only when nothing required is missing.

    The review becomes read-only for the country team, and an immutable snapshot of all
    its content is stored as a new version. After the deadline it is accepted, marked late.
    """
    review = review_lock(review)  # a reviewer's transition waits, then sees this one's outcome
    if not rules.can_submit(user, review):
        if review.status not in (Review.Status.DRAFT, Review.Status.REVISION_REQUESTED):
            raise DomainError(_("This review was already submitted."))
        if not review.cycle.is_open:
            raise DomainError(_("This review cycle is closed: reviews can no longer be submitted."))
        raise NotAllowed(_("Only the focal point submits the review."))
    missing = review_progress(review).missing
    if missing:
        raise DomainError(_("The review cannot be submitted yet: %(count)s required items are missing.")
                          % {"count": len(missing)})
    now = timezone.now()
    deadline = review.cycle.submission_deadline
    is_late = deadline is not None and timezone.localdate(now) > deadline
    number = review.versions.count() + 1
    version = ReviewVersion.objects.create(
        review=review, number=number, content=review_snapshot(review), submitted_by=user, submitted_at=now,
        is_late=is_late,
    )
    from_status = review.status
    review.status = Review.Status.SUBMITTED
    review.submitted_at = now
    review.first_submitted_at = review.first_submitted_at or now
    review.is_late = is_late
    # Written on condition of the status read under the lock: on SQLite, which has no row locks,
    # a transition committed meanwhile makes this refuse instead of overwriting it.
    written = Review.objects.filter(pk=review.pk, status=from_status).update(
        status=review.status, submitted_at=now, first_submitted_at=review.first_submitted_at, is_late=is_late,
        updated_at=now,
    )
    if not written:
        raise refused(Review.objects.get(pk=review.pk))
    submission_recorded(review=review, user=user, from_status=from_status)
    return version
