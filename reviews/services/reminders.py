"""Deadline reminders for country teams that have not submitted yet."""

from django.conf import settings
from django.utils import timezone

from accounts.models import Role
from reviews.models import Country, Notification, Review, ReviewCycle
from reviews.services.notifications import notify


def reminders_send(*, today=None) -> int:
    """Remind the focal points of every open cycle whose deadline is one of REMINDER_DAYS away.

    Safe to run daily, or twice a day: a focal point gets one reminder per cycle and per
    distance to the deadline. Returns the number of reminders sent.
    """
    today = today or timezone.localdate()
    sent = 0
    for cycle in ReviewCycle.objects.filter(is_open=True, submission_deadline__isnull=False):
        days = (cycle.submission_deadline - today).days
        if days not in settings.REMINDER_DAYS:
            continue
        submitted = set(Review.objects.filter(cycle=cycle).exclude(
            status__in=[Review.Status.DRAFT, Review.Status.REVISION_REQUESTED]).values_list("country_id", flat=True))
        reviews = {review.country_id: review for review in Review.objects.filter(cycle=cycle)}
        already = set(Notification.objects.filter(
            kind=Notification.Kind.REMINDER, params__cycle=cycle.slug, params__days=days,
        ).values_list("user_id", flat=True))
        for country in Country.objects.exclude(pk__in=submitted).prefetch_related("users"):
            focal_points = [u for u in country.users.all()
                            if u.role == Role.FOCAL_POINT and u.is_active and u.pk not in already]
            if not focal_points:
                continue
            review = reviews.get(country.pk)
            # Without a review yet, the link is the home page, where the focal point opens it.
            link = {"route": "reviews:overview", "route_kwargs": {"uid": review.uid}} if review else {"route": "home"}
            notify(users=focal_points, kind=Notification.Kind.REMINDER, review=review,
                   params={"country_ar": country.name_ar, "country_en": country.name_en, "days": days,
                           "cycle": cycle.slug},
                   **link)
            sent += len(focal_points)
    return sent
