"""Reads about accounts for the organisers' pages."""

from dataclasses import dataclass
from datetime import datetime

from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Exists, Max, OuterRef, QuerySet, Sum
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import SecurityEvent
from reviews.selectors import users_visible_to


@dataclass(frozen=True)
class Lockout:
    failures: int
    since: datetime  # the last wrong password counted; the lock lifts a cool-off after it


def lockouts_by_username() -> dict[str, Lockout]:
    """Usernames that django-axes refuses now, as it counts them: failures within the cool-off,
    summed over every address, reaching the limit. One query, whatever the number of users.

    Only the username lockout: an address locked for guessing many usernames is not an account's."""
    threshold = timezone.now() - settings.AXES_COOLOFF_TIME
    rows = (
        AccessAttempt.objects.filter(attempt_time__gte=threshold).exclude(username=None)
        .values("username").annotate(failures=Sum("failures_since_start"), since=Max("attempt_time"))
        .filter(failures__gte=settings.AXES_FAILURE_LIMIT)
    )
    return {row["username"]: Lockout(failures=row["failures"], since=row["since"]) for row in rows}


def user_lockout(*, user) -> Lockout | None:
    """The user's current lockout, or None if they may sign in."""
    return lockouts_by_username().get(user.username)


def users_for_organiser(*, user, role: str = "") -> QuerySet:
    """The users list: whom `user` may manage, with whether each has a confirmed second factor."""
    users = users_visible_to(user).annotate(
        has_two_factor=Exists(TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True))
    )
    return users.filter(role=role) if role else users


def security_events_recent(*, limit: int = 50) -> QuerySet[SecurityEvent]:
    """The latest security events, newest first (the model's ordering), with who acted on whom."""
    return SecurityEvent.objects.select_related("actor", "subject")[:limit]
