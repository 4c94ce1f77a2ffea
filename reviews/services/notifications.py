"""Notifications: a row in the portal's list, and an e-mail in the reader's own language."""

from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone, translation

from reviews.models import Notification, Review
from reviews.notifications import notification_text

User = get_user_model()


def country_params(review: Review, **extra) -> dict:
    return {"country_ar": review.country.name_ar, "country_en": review.country.name_en, **extra}


def notify(*, users: Iterable, kind: str, review: Review | None, params: dict, path: str = "") -> list[Notification]:
    """Record a notification for each active user and e-mail it once the transaction commits.

    `path` is the link without its language prefix (e.g. "/reviews/<uid>/"): each reader
    gets it in their own language.
    """
    recipients = {user.pk: user for user in users if user.is_active}
    notifications = Notification.objects.bulk_create(
        Notification(user=user, review=review, kind=kind, params=params, url=path) for user in recipients.values()
    )
    transaction.on_commit(lambda: _send_emails(notifications))
    return notifications


def _send_emails(notifications: list[Notification]) -> None:
    base = settings.PORTAL_BASE_URL.rstrip("/")
    for notification in notifications:
        user = notification.user
        if not user.email:
            continue
        language = user.preferred_language or settings.LANGUAGE_CODE
        with translation.override(language):
            text = notification_text(notification.kind, notification.params)
            link = f"{base}/{language}{notification.url}" if notification.url else ""
            send_mail(
                subject=text[:150], message=f"{text}\n\n{link}\n".strip() + "\n",
                from_email=None, recipient_list=[user.email], fail_silently=True,
            )


def notification_mark_read(*, user, notification_uids: Iterable | None = None) -> int:

    unread = Notification.objects.filter(user=user, read_at__isnull=True)
    if notification_uids is not None:
        unread = unread.filter(uid__in=list(notification_uids))
    return unread.update(read_at=timezone.now())


def country_team(review: Review):
    return User.objects.filter(country_id=review.country_id, role__in=["focal_point", "contributor"],
                               is_active=True)


def regional_staff():
    return User.objects.filter(role__in=["reviewer", "organiser"], is_active=True)
