"""Comments on any place of a review: threaded, resolvable, shared with the country or internal."""

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.models import Role
from gcm_portal.limits import rate_limit_spend
from gcm_portal.validators import strip_bidi_controls
from reviews import rules
from reviews.models import Assignment, Comment, Notification, Review
from reviews.notifications import route_link
from reviews.selectors.comments import comment_place_exists
from reviews.services.errors import DomainError, NotAllowed, RateLimited
from reviews.services.notifications import (
    country_params,
    country_team,
    notify,
    regional_staff,
    user_language,
)
from reviews.services.search import search_index

MAX_BODY = 4000


def _may_comment(user, review: Review, visibility: str) -> bool:
    # Internal notes are the regional staff's alone.
    if visibility == Comment.Visibility.INTERNAL and not rules.can_follow_region(user):
        return False
    return rules.can_comment(user, review)


@transaction.atomic
def comment_add(*, review: Review, author, anchor: str, part_number: int, objective_number: int | None,
                body: str, visibility: str, parent: Comment | None = None) -> Comment:
    """Add a comment or a reply. The regional staff choose who reads it (shared or internal), every time:
    nothing is shared by default. A reply takes its thread's place and visibility. The place must be one
    of the review's own (`comment_place_exists`), and a user posts at most COMMENTS_PER_MINUTE comments a
    minute. Readers see it in their notifications at once and by e-mail in the next digest."""
    if parent is not None:
        if parent.review_id != review.pk or parent.parent_id is not None:
            raise DomainError(_("You can only reply to a comment of this review."))
        anchor, part_number = parent.anchor, parent.part_number
        objective_number, visibility = parent.objective_number, parent.visibility
    if not visibility and rules.is_country_team_of(author, review):
        visibility = Comment.Visibility.SHARED  # the country team has no choice to make: it writes to the staff
    if visibility not in Comment.Visibility.values:
        raise DomainError(_("Choose who can read the comment."))
    if not _may_comment(author, review, visibility):
        raise NotAllowed(_("You cannot comment here."))
    body = body.strip()
    if not body:
        raise DomainError(_("The comment is empty."))
    if len(body) > MAX_BODY:
        raise DomainError(_("The comment is longer than %(max)s characters.") % {"max": MAX_BODY})
    if not comment_place_exists(review=review, anchor=anchor, part_number=part_number,
                                objective_number=objective_number):
        raise DomainError(_("This place is not part of the review: the comment was not added."))
    if not rate_limit_spend(scope="comment", key=str(author.pk), limit=settings.COMMENTS_PER_MINUTE, period=60):
        raise RateLimited(_("You have posted many comments in a short time. Wait a minute, then try again."))
    comment = Comment.objects.create(
        review=review, author=author, anchor=anchor, part_number=part_number, objective_number=objective_number,
        body=body, visibility=visibility, parent=parent,
    )
    search_index(item=comment)
    if visibility == Comment.Visibility.SHARED:
        # E-mail comes in the digest (comment_digests_send): a burst of comments is one message, not many.
        notify(users=comment_readers(comment), kind=Notification.Kind.COMMENT, review=review,
               params=country_params(review), actor=author, email=False, **_link(comment))
    return comment


def comment_readers(comment: Comment) -> list:
    """Who hears of a shared comment: the staff when the country speaks; when the staff speak,
    the focal point and the contributors assigned to that part or objective."""
    review, author = comment.review, comment.author
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


def _link(comment: Comment) -> dict:
    """The page the comment is on, scrolled to its thread."""
    review = comment.review
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


@transaction.atomic
def comment_digests_send() -> int:
    """E-mail each reader of the shared comments made since the last digest one message per review,
    in the reader's language, then mark those comments e-mailed; returns the number of e-mails.

    Safe to run every few minutes and idempotent: a comment is e-mailed once, and a run with nothing new
    sends nothing. Rows are locked (skipping those another run holds), so two runs never send one comment
    twice; if sending fails, nothing is marked and the next run tries again."""
    pending = list(
        Comment.objects.select_for_update(skip_locked=True, of=("self",))
        .filter(visibility=Comment.Visibility.SHARED, emailed_at__isnull=True)
        .select_related("review__country", "author")
        .order_by("created_at", "pk")
    )
    digests: dict[tuple[int, int], tuple] = {}
    for comment in pending:
        for reader in comment_readers(comment):
            digests.setdefault((reader.pk, comment.review_id), (reader, comment.review, []))[2].append(comment)
    messages = [_digest_message(reader, review, comments)
                for reader, review, comments in digests.values() if reader.email]
    get_connection().send_messages(messages)
    Comment.objects.filter(pk__in=[comment.pk for comment in pending]).update(emailed_at=timezone.now())
    return len(messages)


def _digest_message(reader, review: Review, comments: list[Comment]) -> EmailMessage:
    """Plain text built from the portal's own values only: the country's name, each author's name on one
    line, a link reversed from the comment's (validated) place, and each body quoted line by line, so
    no comment can pass for a paragraph of the portal's own."""
    base = settings.PORTAL_BASE_URL.rstrip("/")
    with translation.override(user_language(reader)):
        country = review.country.name_ar if translation.get_language() == "ar" else review.country.name_en
        lines = [_("New comments on the review of %(country)s:") % {"country": country}, ""]
        for comment in comments:
            # The author's name in the reader's language, from the user (never a name stored as text).
            author = " ".join(strip_bidi_controls(comment.author.name_in(translation.get_language())["text"]).split())
            lines.append(_("%(author)s wrote:") % {"author": author})
            lines += [f"> {line}" for line in strip_bidi_controls(comment.body).splitlines()]
            link = _link(comment)
            lines += [f"{base}{route_link(link['route'], link['route_kwargs'], link['fragment'])}", ""]
        subject = _("New comments on the review of %(country)s") % {"country": country}
    return EmailMessage(subject=subject, body="\n".join(lines), to=[reader.email])
