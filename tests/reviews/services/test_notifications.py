"""Notification e-mails carry users' own text (their names) as plain text: markup arrives as the letters
it is made of, never as HTML, and direction controls in a name cannot reorder the sentence."""

import pytest
from django.core import mail

from reviews.models import Notification
from reviews.services.comments import comment_add
from reviews.services.workflow import review_take
from tests import factories

pytestmark = pytest.mark.django_db

HOSTILE_FIRST_NAME = "<img src=x onerror=alert(1)>"
HOSTILE_LAST_NAME = "\u202eRLO\u202c & <b>bold</b>"


@pytest.fixture
def hostile_reviewer(reference):
    return factories.ReviewerFactory(username="reviewer-x", first_name=HOSTILE_FIRST_NAME,
                                     last_name=HOSTILE_LAST_NAME)


@pytest.mark.parametrize(("language", "body"), [
    ("en", "<img src=x onerror=alert(1)> RLO & <b>bold</b> commented on the review of Egypt."),
    ("ar", "علّق <img src=x onerror=alert(1)> RLO & <b>bold</b> على استعراض مصر."),
])
def test_comment_email_is_plain_text_with_the_name_as_written(submitted_review, focal_point, hostile_reviewer,
                                                               django_capture_on_commit_callbacks, language, body):
    focal_point.preferred_language = language
    focal_point.save()
    review = review_take(review=submitted_review, reviewer=hostile_reviewer)

    with django_capture_on_commit_callbacks(execute=True):
        comment_add(review=review, author=hostile_reviewer, anchor="answer:1.1", part_number=1,
                    objective_number=None, body="<script>alert('x')</script>", visibility="shared")

    [message] = [message for message in mail.outbox if message.to == [focal_point.email]]
    assert (message.subject, message.body.split("\n")[0], message.content_subtype, message.alternatives) == (
        body, body, "plain", [])
    assert Notification.objects.get(user=focal_point, kind=Notification.Kind.COMMENT).params["actor"] == (
        f"{HOSTILE_FIRST_NAME} {HOSTILE_LAST_NAME}")


@pytest.mark.parametrize("language", ["ar", "en"])
def test_notification_list_shows_a_hostile_name_as_text(client, submitted_review, focal_point, hostile_reviewer,
                                                        language):
    review = review_take(review=submitted_review, reviewer=hostile_reviewer)
    comment_add(review=review, author=hostile_reviewer, anchor="answer:1.1", part_number=1, objective_number=None,
                body="Please add the figures.", visibility="shared")
    client.force_login(focal_point)

    page = client.get(f"/{language}/reviews/notifications/").content.decode()

    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "<img src=x" not in page and "<b>bold</b>" not in page and "\u202e" not in page
