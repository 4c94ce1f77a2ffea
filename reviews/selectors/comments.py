"""Comments a user may read: the country team never sees the regional staff's internal notes."""

from collections import defaultdict

from django.db.models import Prefetch, QuerySet

from reviews import rules
from reviews.models import Comment, Review


def comments_visible_to(user, review: Review) -> QuerySet[Comment]:
    if rules.can_follow_region(user):
        return Comment.objects.filter(review=review)
    if rules.is_country_team_of(user, review):
        return Comment.objects.filter(review=review, visibility=Comment.Visibility.SHARED)
    return Comment.objects.none()


def comment_threads_by_anchor(user, review: Review) -> dict[str, list[Comment]]:
    """Top-level comments with their replies, grouped by place: two queries for a whole page."""
    visible = comments_visible_to(user, review)
    threads = (
        visible.filter(parent__isnull=True)
        .select_related("author", "resolved_by")
        .prefetch_related(Prefetch("replies", queryset=visible.select_related("author").order_by("created_at")))
    )
    grouped: dict[str, list[Comment]] = defaultdict(list)
    for thread in threads:
        grouped[thread.anchor].append(thread)
    return dict(grouped)
