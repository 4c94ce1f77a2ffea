"""A draft is the country's own: what the team wrote, changed and deleted before its first submission is
never shown to regional staff in the field history once the review is submitted; the country team still
sees all of it. (Versions and workflow events only begin at the first submission.)"""

import html

import pytest
import time_machine

from reviews.models import Answer, Review
from reviews.services.answers import answer_save
from reviews.services.submission import review_submit
from reviews.services.workflow import review_take, revision_request

pytestmark = pytest.mark.django_db

DELETED = "مسودة سرية حذفها الفريق قبل التقديم"
REVISED = "الرقم المحدّث لعام ٢٠٢٦"


@pytest.fixture
def reopened(review, prompts, focal_point, reviewer, complete_review):
    """Egypt wrote answer 1.3 in its draft, deleted that text, submitted; the review was sent back and
    the answer revised after the first submission."""
    with time_machine.travel("2028-01-10 09:00"):
        complete_review(review, focal_point)
        answer = review.answers.get(prompt=prompts["1.3"])
        first_text = answer.text_ar
        answer = answer_save(review=review, prompt=prompts["1.3"], objective=None, user=focal_point,
                             text_ar=DELETED, text_en="", original_language="ar", base_version=answer.version)
        answer = answer_save(review=review, prompt=prompts["1.3"], objective=None, user=focal_point,
                             text_ar="نص مقدم", text_en="", original_language="ar", base_version=answer.version)
    with time_machine.travel("2028-01-11 09:00"):
        review_submit(review=review, user=focal_point)
    with time_machine.travel("2028-01-12 09:00"):
        review_take(review=review, reviewer=reviewer)
        revision_request(review=review, reviewer=reviewer, reason="Give the 2026 figures.")
        answer_save(review=review, prompt=prompts["1.3"], objective=None, user=focal_point, text_ar=REVISED,
                    text_en="", original_language="ar", base_version=Answer.objects.get(pk=answer.pk).version)
    return {"review": Review.objects.get(pk=review.pk), "first_text": first_text}


@pytest.mark.parametrize("user_fixture", ["reviewer", "organiser"])
def test_history_shows_regional_staff_only_what_changed_after_the_first_submission(request, client, reopened,
                                                                                  user_fixture):
    client.force_login(request.getfixturevalue(user_fixture))

    response = client.get(f"/en/reviews/{reopened['review'].uid}/history/", {"anchor": "answer:1.3"})

    assert response.status_code == 200
    assert [(c.before, c.after) for c in response.context["page"]] == [("نص مقدم", REVISED)]
    assert DELETED not in html.unescape(response.content.decode())


@pytest.mark.parametrize("user_fixture", ["focal_point", "contributor"])
def test_history_shows_the_country_team_its_draft_too(request, client, reopened, user_fixture):
    client.force_login(request.getfixturevalue(user_fixture))

    response = client.get(f"/en/reviews/{reopened['review'].uid}/history/", {"anchor": "answer:1.3"})

    assert [(c.before, c.after) for c in response.context["page"]] == [
        ("نص مقدم", REVISED), (DELETED, "نص مقدم"), (reopened["first_text"], DELETED)]
    assert DELETED in html.unescape(response.content.decode())


def test_unfiltered_history_keeps_the_draft_from_regional_staff(client, reopened, reviewer):
    client.force_login(reviewer)

    response = client.get(f"/ar/reviews/{reopened['review'].uid}/history/")

    assert [(c.anchor, c.after) for c in response.context["page"]] == [("answer:1.3", REVISED)]
    assert DELETED not in html.unescape(response.content.decode())
