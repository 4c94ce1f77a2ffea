"""Deadline reminders: on the days set in REMINDER_DAYS before the open cycle's deadline (30 September 2027),
the focal points of countries that have not submitted are reminded, once each."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.core import mail
from django.utils import translation

from reviews.models import Country, Notification, Review
from reviews.notifications import notification_link
from reviews.services.reminders import reminders_send
from reviews.services.submission import review_submit
from reviews.services.workflow import review_take, revision_request
from tests import factories

pytestmark = pytest.mark.django_db

BEIRUT = zoneinfo.ZoneInfo("Asia/Beirut")  # settings.TIME_ZONE: the deadline is a date in local time
FOURTEEN_DAYS_BEFORE = datetime.datetime(2027, 9, 16, 8, 0, tzinfo=BEIRUT)


@pytest.fixture
def region(open_cycle, review, focal_point, contributor, other_focal_point, complete_review):
    """Egypt has a draft (focal point and contributor), Morocco has submitted, Jordan has not started."""
    morocco_review = factories.ReviewFactory(cycle=open_cycle, country=other_focal_point.country)
    complete_review(morocco_review, other_focal_point)
    review_submit(review=morocco_review, user=other_focal_point)
    jordan = factories.FocalPointFactory(username="fp-jo", country=Country.objects.get(iso2="JO"))
    factories.ReviewerFactory(username="reviewer-iom", organisation=factories.OrganisationFactory(code="iom"))
    Notification.objects.all().delete()  # the submission's own notifications
    return {"egypt": review, "morocco": Review.objects.get(pk=morocco_review.pk), "jordan": jordan}


def _reminded() -> list[tuple]:
    """Who was reminded, of which country's review, and the link as an English reader gets it."""
    reminders = Notification.objects.filter(kind=Notification.Kind.REMINDER).order_by("user__username", "pk")
    with translation.override("en"):
        return [(n.user.username, n.review.country.iso2 if n.review else None, n.params, notification_link(n))
                for n in reminders.select_related("user", "review__country")]


def _params(country_ar, country_en, days=14):
    return {"country_ar": country_ar, "country_en": country_en, "days": days, "cycle": "arab-2028"}


def test_reminders_send_fourteen_days_before_reminds_focal_points_not_submitted(region):
    with time_machine.travel(FOURTEEN_DAYS_BEFORE, tick=False):
        sent = reminders_send()

    assert sent == 2
    assert _reminded() == [
        ("fp-eg", "EG", _params("مصر", "Egypt"), f"/en/reviews/{region['egypt'].uid}/"),
        ("fp-jo", None, _params("الأردن", "Jordan"), "/en/"),  # Jordan has no review yet: the link is home
    ]


def test_reminders_send_twice_the_same_day_reminds_once(region):
    with time_machine.travel(FOURTEEN_DAYS_BEFORE, tick=False):
        first = reminders_send()
    with time_machine.travel(FOURTEEN_DAYS_BEFORE + datetime.timedelta(hours=8), tick=False):
        second = reminders_send()

    assert (first, second) == (2, 0)
    assert [user for user, *_rest in _reminded()] == ["fp-eg", "fp-jo"]


@pytest.mark.parametrize("moment", [
    datetime.datetime(2027, 9, 15, 8, 0, tzinfo=BEIRUT),  # 15 days before
    datetime.datetime(2027, 9, 17, 8, 0, tzinfo=BEIRUT),  # 13 days before
    datetime.datetime(2027, 9, 30, 8, 0, tzinfo=BEIRUT),  # the deadline itself
    datetime.datetime(2027, 10, 14, 8, 0, tzinfo=BEIRUT),  # after it
    datetime.datetime(2027, 9, 15, 23, 30, tzinfo=BEIRUT),  # 16 September already in UTC, not yet in Beirut
])
def test_reminders_send_on_other_days_reminds_nobody(region, moment):
    with time_machine.travel(moment, tick=False):
        sent = reminders_send()

    assert (sent, _reminded()) == (0, [])


@pytest.mark.parametrize(("moment", "days"), [
    (datetime.datetime(2027, 8, 31, 8, 0, tzinfo=BEIRUT), 30),
    (datetime.datetime(2027, 9, 23, 8, 0, tzinfo=BEIRUT), 7),
    (datetime.datetime(2027, 9, 29, 8, 0, tzinfo=BEIRUT), 1),
])
def test_reminders_send_on_each_reminder_day(region, moment, days):
    with time_machine.travel(moment, tick=False):
        sent = reminders_send()

    assert sent == 2
    assert [(user, params["days"]) for user, _iso2, params, _url in _reminded()] == [("fp-eg", days), ("fp-jo", days)]


def test_reminders_send_again_on_the_next_reminder_day(region):
    with time_machine.travel(FOURTEEN_DAYS_BEFORE, tick=False):
        reminders_send()
    with time_machine.travel(datetime.datetime(2027, 9, 23, 8, 0, tzinfo=BEIRUT), tick=False):
        sent = reminders_send()

    assert sent == 2
    assert [(user, params["days"]) for user, _iso2, params, _url in _reminded()] == [
        ("fp-eg", 14), ("fp-eg", 7), ("fp-jo", 14), ("fp-jo", 7)]


@pytest.mark.parametrize("step", ["submitted", "in_review"])
def test_reminders_send_skips_countries_that_submitted(region, focal_point, reviewer, complete_review, step):
    complete_review(region["egypt"], focal_point)
    review_submit(review=region["egypt"], user=focal_point)
    if step == "in_review":
        review_take(review=region["egypt"], reviewer=reviewer)

    with time_machine.travel(FOURTEEN_DAYS_BEFORE, tick=False):
        sent = reminders_send()

    assert sent == 1
    assert [user for user, *_rest in _reminded()] == ["fp-jo"]


def test_reminders_send_reminds_a_country_asked_to_revise(region, focal_point, reviewer, complete_review):
    complete_review(region["egypt"], focal_point)
    review_submit(review=region["egypt"], user=focal_point)
    review_take(review=region["egypt"], reviewer=reviewer)
    revision_request(review=region["egypt"], reviewer=reviewer, reason="Add figures.")

    with time_machine.travel(FOURTEEN_DAYS_BEFORE, tick=False):
        sent = reminders_send()

    assert sent == 2
    assert [user for user, *_rest in _reminded()] == ["fp-eg", "fp-jo"]


def test_reminders_send_skips_inactive_focal_points_and_counts_only_reminders_sent(region):
    region["jordan"].is_active = False
    region["jordan"].save()

    with time_machine.travel(FOURTEEN_DAYS_BEFORE, tick=False):
        first = reminders_send()
        second = reminders_send()

    assert (first, second) == (1, 0)
    assert [user for user, *_rest in _reminded()] == ["fp-eg"]


def test_reminders_send_ignores_closed_cycles(region, open_cycle):
    open_cycle.is_open = False
    open_cycle.save()

    with time_machine.travel(FOURTEEN_DAYS_BEFORE, tick=False):
        sent = reminders_send()

    assert (sent, _reminded()) == (0, [])


def test_reminders_send_takes_the_day_given(region):
    sent = reminders_send(today=datetime.date(2027, 9, 16))

    assert sent == 2


def test_reminders_send_emails_in_each_focal_points_language(region, django_capture_on_commit_callbacks):
    region["jordan"].preferred_language = "en"
    region["jordan"].save()

    with django_capture_on_commit_callbacks(execute=True), time_machine.travel(FOURTEEN_DAYS_BEFORE, tick=False):
        reminders_send()

    assert sorted((message.to, message.subject) for message in mail.outbox) == [
        (["fp-eg@example.org"], "بقي 14 يومًا لتقديم استعراض مصر."),
        (["fp-jo@example.org"], "14 days are left to submit the review of Jordan."),
    ]
