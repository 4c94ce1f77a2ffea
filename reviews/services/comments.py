"""Comments on any place of a review: threaded, resolvable, shared with the country or internal."""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Role
from reviews import rules
from reviews.models import Assignment, Comment, Notification, Review
from reviews.services.errors import DomainError, NotAllowed
from reviews.services.notifications import country_params, country_team, notify, regional_staff

MAX_BODY = 4000


def _may_comment(user, review: Review, visibility: str) -> bool:
    # Internal notes are the regional staff's alone.
    if visibility == Comment.Visibility.INTERNAL and not rules.can_follow_region(user):
        return False
    return rules.can_comment(user, review)


@transaction.atomic
def comment_add(*, review: Review, author, anchor: str, part_number: int, objective_number: int | None,
                body: str, visibility: str, parent: Comment | None = None) -> Comment:
    """Add a comment or a reply. A reply takes its thread's place and visibility."""
    if parent is not None:
        if parent.review_id != review.pk or parent.parent_id is not None:
            raise DomainError(_("You can only reply to a comment of this review."))
        anchor, part_number = parent.anchor, parent.part_number
        objective_number, visibility = parent.objective_number, parent.visibility
    if visibility not in Comment.Visibility.values:
        raise DomainError(_("Choose who can read the comment."))
    if not _may_comment(author, review, visibility):
        raise NotAllowed(_("You cannot comment here."))
    body = body.strip()
    if not body:
        raise DomainError(_("The comment is empty."))
    if len(body) > MAX_BODY:
        raise DomainError(_("The comment is longer than %(max)s characters.") % {"max": MAX_BODY})
    comment = Comment.objects.create(
        review=review, author=author, anchor=anchor, part_number=part_number, objective_number=objective_number,
        body=body, visibility=visibility, parent=parent,
    )
    if visibility == Comment.Visibility.SHARED:
        notify(users=_readers(review, comment, author), kind=Notification.Kind.COMMENT, review=review,
               params=country_params(review, actor=str(author)), **_link(review, comment))
    return comment


def _readers(review: Review, comment: Comment, author):
    """Who hears of a shared comment: the staff when the country speaks; when the staff speak,
    the focal point and the contributors assigned to that part or objective."""
    if rules.is_country_team_of(author, review):
        return [user for user in regional_staff() if user.pk != author.pk]
    assigned = set(
        Assignment.objects.filter(review=review)
        .filter(_assignment_filter(comment))
        .values_list("contributor_id", flat=True)
    )
    return [user for user in country_team(review) if user.role == Role.FOCAL_POINT or user.pk in assigned]


def _assignment_filter(comment: Comment):

    condition = Q(part__number=comment.part_number)
    if comment.objective_number:
        condition |= Q(objective__number=comment.objective_number)
    return condition


def _link(review: Review, comment: Comment) -> dict:
    """The page the comment is on, scrolled to its thread."""
    if comment.objective_number:
        route, number = "reviews:objective", comment.objective_number
    else:
        route, number = "reviews:part", comment.part_number
    return {"route": route, "route_kwargs": {"uid": review.uid, "number": number},
            "fragment": f"comments-{comment.anchor}"}


@transaction.atomic
def comment_set_resolved(*, comment: Comment, user, resolved: bool) -> Comment:
    """Resolve or reopen a thread: its author's side (regional staff) or the focal point."""
    review = comment.review
    allowed = rules.can_follow_region(user) or (
        rules.is_focal_point_of(user, review) and comment.visibility == Comment.Visibility.SHARED
    )
    if not allowed or comment.parent_id is not None:
        raise NotAllowed(_("You cannot resolve this comment."))
    comment.is_resolved = resolved
    comment.resolved_by = user if resolved else None
    comment.resolved_at = timezone.now() if resolved else None
    comment.save(update_fields=["is_resolved", "resolved_by", "resolved_at"])
    return comment
