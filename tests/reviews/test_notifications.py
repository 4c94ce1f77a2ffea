"""The wording of notifications in each reader's language (reviews/notifications.py)."""

import pytest
from django.utils import translation

from reviews.models import Notification
from reviews.notifications import notification_text

PARAMS = {"country_ar": "الأردن", "country_en": "Jordan"}


@pytest.mark.parametrize(("language", "days", "text"), [
    ("en", 1, "1 day is left to submit the review of Jordan."),
    ("en", 7, "7 days are left to submit the review of Jordan."),
    ("ar", 1, "بقي يوم واحد لتقديم استعراض الأردن."),
    ("ar", 2, "بقي يومان لتقديم استعراض الأردن."),
    ("ar", 7, "بقيت 7 أيام لتقديم استعراض الأردن."),
    ("ar", 14, "بقي 14 يومًا لتقديم استعراض الأردن."),
])
def test_notification_text_counts_days_in_each_language(language, days, text):
    with translation.override(language):
        assert notification_text(Notification(kind=Notification.Kind.REMINDER, params={**PARAMS, "days": days})) == text


@pytest.mark.parametrize(("language", "text"), [
    ("ar", "قُدِّم استعراض الأردن."),  # the passive agrees with masculine and feminine country names alike
    ("en", "Jordan submitted its review."),
])
def test_notification_text_submission_reads_for_any_country(language, text):
    with translation.override(language):
        assert notification_text(Notification(kind=Notification.Kind.SUBMISSION, params=PARAMS)) == text
