"""What the notifications page lists, and the unread count the navigation shows."""

from django.db.models import QuerySet

from reviews.models import Notification

RECENT_NOTIFICATIONS = 100


def notifications_recent(*, user) -> QuerySet[Notification]:
    """The user's latest notifications, newest first, with the review's country and the actor each names."""
    return user.notifications.select_related("review__country", "actor")[:RECENT_NOTIFICATIONS]


def unread_count(user) -> int:
    """The user's unread notifications: one indexed COUNT."""
    return user.notifications.filter(read_at__isnull=True).count()
