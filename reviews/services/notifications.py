"""Notifications: a row in the portal's list, and an e-mail in the reader's own language."""

from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import COUNTRY_ROLES, STAFF_ROLES
from reviews.models import Notification, Review
from reviews.notifications import notification_link, notification_text

User = get_user_model()


def country_params(review: Review, **extra) -> dict:
    return {"country_ar": review.country.name_ar, "country_en": review.country.name_en, **extra}


def notify(*, users: Iterable, kind: Notification.Kind, review: Review | None, params: dict, route: str = "",
           route_kwargs: dict | None = None, fragment: str = "", email: bool = True,
           actor=None) -> list[Notification]:
    """Record a notification for each active user and e-mail it once the transaction commits
    (`email=False`: the list only, for news that reaches e-mail in a digest, like comments).
    The `actor` is kept as the user: each reader reads their name in their own language.

    The link is a route name and its arguments (e.g. "reviews:overview", {"uid": review.uid}), reversed
    for each reader in their own language. It is reversed once here too, so a route that does not exist
    fails now, where the notification is made, not later in somebody's e-mail.
    """
    route_kwargs = {name: value if isinstance(value, int) else str(value)
                    for name, value in (route_kwargs or {}).items()}  # JSON: a UUID as its text
    if route:
        reverse(route, kwargs=route_kwargs)
    recipients = {user.pk: user for user in users if user.is_active}
    notifications = Notification.objects.bulk_create(
        Notification(user=user, review=review, kind=kind, actor=actor, params=params, route=route,
                     route_kwargs=route_kwargs, fragment=fragment)
        for user in recipients.values()
    )
    if email:
        transaction.on_commit(lambda: _send_emails(notifications))
    return notifications


def user_language(user) -> str:
    """The language a user reads their e-mail in."""
    return user.preferred_language or settings.LANGUAGE_CODE


def _send_emails(notifications: list[Notification]) -> None:
    """One message per reader, handed to the mail backend at once: the queue (gcm_portal/mail.py) makes them
    one task, delivered by a worker."""
    base = settings.PORTAL_BASE_URL.rstrip("/")
    messages = []
    for notification in notifications:
        user = notification.user
        if not user.email:
            continue
        with translation.override(user_language(user)):
            text = notification_text(notification)
            path = notification_link(notification)
            link = f"{base}{path}" if path else ""
            messages.append(EmailMessage(subject=text[:150], body=f"{text}\n\n{link}\n".strip() + "\n",
                                         to=[user.email]))
    if messages:
        get_connection(fail_silently=True).send_messages(messages)


def notification_mark_read(*, user, notification_uids: Iterable | None = None) -> int:

    unread = Notification.objects.filter(user=user, read_at__isnull=True)
    if notification_uids is not None:
        unread = unread.filter(uid__in=list(notification_uids))
    return unread.update(read_at=timezone.now())


def country_team(review: Review):
    return User.objects.filter(country_id=review.country_id, role__in=COUNTRY_ROLES,
                               is_active=True)


def regional_staff():
    return User.objects.filter(role__in=STAFF_ROLES, is_active=True)
