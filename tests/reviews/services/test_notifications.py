"""Notification e-mails carry users' own text (their names) as plain text: markup arrives as the letters
it is made of, never as HTML, and direction controls in a name cannot reorder the sentence.
Links are route names reversed in the reader's language; the migration converted the paths stored before."""

import importlib

import pytest
from django.core import mail
from django.urls import NoReverseMatch
from django.utils import translation

from reviews.models import Notification
from reviews.notifications import notification_link
from reviews.services.comments import comment_add, comment_digests_send
from reviews.services.notifications import notify
from reviews.services.workflow import review_take
from tests import factories

pytestmark = pytest.mark.django_db

HOSTILE_FIRST_NAME = "<img src=x onerror=alert(1)>"
HOSTILE_LAST_NAME = "\u202eRLO\u202c & <b>bold</b>"


@pytest.fixture
def hostile_reviewer(reference):
    return factories.ReviewerFactory(username="reviewer-x", first_name=HOSTILE_FIRST_NAME,
                                     last_name=HOSTILE_LAST_NAME)


@pytest.mark.parametrize(("language", "subject", "author"), [
    ("en", "New comments on the review of Egypt", "<img src=x onerror=alert(1)> RLO & <b>bold</b> wrote:"),
    ("ar", "تعليقات جديدة على استعراض مصر", "كتب <img src=x onerror=alert(1)> RLO & <b>bold</b>:"),
])
def test_comment_email_is_plain_text_with_the_name_as_written(submitted_review, focal_point, hostile_reviewer,
                                                               language, subject, author):
    """Comments reach e-mail in the digest (comment_digests_send)."""
    focal_point.preferred_language = language
    focal_point.save()
    review = review_take(review=submitted_review, reviewer=hostile_reviewer)
    comment_add(review=review, author=hostile_reviewer, anchor="answer:1.1", part_number=1,
                objective_number=None, body="<script>alert('x')</script>", visibility="shared")

    comment_digests_send()

    [message] = [message for message in mail.outbox if message.to == [focal_point.email]]
    assert (message.subject, message.body.split("\n")[2:4], message.message().get_content_type()) == (
        subject, [author, "> <script>alert('x')</script>"], "text/plain")
    notification = Notification.objects.get(user=focal_point, kind=Notification.Kind.COMMENT)
    assert (notification.actor, "actor" in notification.params) == (hostile_reviewer, False)  # the user, no name


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


def test_notify_refuses_a_route_that_does_not_exist(submitted_review, focal_point):
    with pytest.raises(NoReverseMatch):
        notify(users=[focal_point], kind=Notification.Kind.ACCEPTANCE, review=submitted_review, params={},
               route="reviews:no_such_page", route_kwargs={"uid": submitted_review.uid})

    assert focal_point.notifications.exists() is False


@pytest.mark.parametrize("language", ["ar", "en"])
def test_notification_link_is_reversed_in_the_active_language(submitted_review, focal_point, language):
    [notification] = notify(users=[focal_point], kind=Notification.Kind.COMMENT, review=submitted_review,
                            params={}, route="reviews:part",
                            route_kwargs={"uid": submitted_review.uid, "number": 2}, fragment="comments-part:2")

    with translation.override(language):
        link = notification_link(notification)

    assert (notification.route_kwargs, link) == (
        {"uid": str(submitted_review.uid), "number": 2},
        f"/{language}/reviews/{submitted_review.uid}/parts/2/#comments-part:2")


def test_notification_with_a_route_renamed_since_keeps_its_text_without_a_link(client, submitted_review,
                                                                               focal_point):
    [notification] = notify(users=[focal_point], kind=Notification.Kind.ACCEPTANCE, review=submitted_review,
                            params={"country_en": "Egypt"}, route="reviews:overview",
                            route_kwargs={"uid": submitted_review.uid})
    Notification.objects.filter(pk=notification.pk).update(route="reviews:old_name")
    client.force_login(focal_point)

    page = client.get("/en/reviews/notifications/").content.decode()

    assert notification_link(Notification.objects.get(pk=notification.pk)) == ""
    assert "The review of Egypt was accepted.\n" in page and "reviews:old_name" not in page


UID = "0b5a3c1e-4f2d-4e8a-9c7b-1d2e3f4a5b6c"
migration = importlib.import_module("reviews.migrations.0008_notification_links")


@pytest.mark.parametrize(("url", "converted"), [
    (f"/reviews/{UID}/", ("reviews:overview", {"uid": UID}, "")),
    (f"/reviews/{UID}/parts/1/#comments-answer:1.1", ("reviews:part", {"uid": UID, "number": 1},
                                                       "comments-answer:1.1")),
    (f"/reviews/{UID}/objectives/6/#comments-answer:3.a:o6", ("reviews:objective", {"uid": UID, "number": 6},
                                                               "comments-answer:3.a:o6")),
    ("/", ("home", {}, "")),
])
def test_migration_converts_each_stored_path_and_back(url, converted):
    assert (migration.route_of(url), migration.path_of(*converted)) == (converted, url)


def test_migration_leaves_a_path_of_unknown_shape_without_a_link():
    assert migration.route_of("/elsewhere/") is None


# --- the actor's name in each reader's language -------------------------------------------------------------


@pytest.fixture
def omar(reference):
    return factories.ReviewerFactory(username="reviewer-omar", name_ar="عمر حداد", name_en="Omar Haddad")


@pytest.mark.parametrize(("language", "subject", "author"), [
    ("en", "New comments on the review of Egypt", "Omar Haddad wrote:"),
    ("ar", "تعليقات جديدة على استعراض مصر", "كتب عمر حداد:"),
])
def test_comment_digest_names_the_author_in_the_reader_language(submitted_review, focal_point, omar, language,
                                                                subject, author):
    focal_point.preferred_language = language
    focal_point.save()
    review = review_take(review=submitted_review, reviewer=omar)
    comment_add(review=review, author=omar, anchor="answer:1.1", part_number=1, objective_number=None,
                body="Please add the figures.", visibility="shared")

    comment_digests_send()

    [message] = [message for message in mail.outbox if message.to == [focal_point.email]]
    assert (message.subject, message.body.split("\n")[2]) == (subject, author)


@pytest.mark.parametrize(("language", "text"), [
    ("ar", "طلب الفريق الإقليمي تنقيح استعراض مصر."),
    ("en", "The regional team asked for revisions of the review of Egypt."),
])
def test_notification_email_is_in_the_reader_language(submitted_review, focal_point, omar, language, text,
                                                      django_capture_on_commit_callbacks):
    from reviews.services.workflow import revision_request

    focal_point.preferred_language = language
    focal_point.save()
    review = review_take(review=submitted_review, reviewer=omar)
    with django_capture_on_commit_callbacks(execute=True):
        revision_request(review=review, reviewer=omar, reason="Add the figures.")

    [message] = [message for message in mail.outbox if message.to == [focal_point.email]]
    assert message.subject == text


@pytest.mark.parametrize(("language", "sentence"), [
    ("ar", "علّق عمر حداد على استعراض مصر."),
    ("en", "Omar Haddad commented on the review of Egypt."),
])
def test_notification_list_names_the_actor_in_the_page_language(client, submitted_review, focal_point, omar,
                                                                language, sentence):
    review = review_take(review=submitted_review, reviewer=omar)
    comment_add(review=review, author=omar, anchor="answer:1.1", part_number=1, objective_number=None,
                body="Please add the figures.", visibility="shared")
    client.force_login(focal_point)

    page = client.get(f"/{language}/reviews/notifications/").content.decode()

    assert _in_language(language, "%(actor)s commented on the review of %(country)s.") % {
        "actor": {"ar": "عمر حداد", "en": "Omar Haddad"}[language],
        "country": {"ar": "مصر", "en": "Egypt"}[language]} in page


def test_notification_list_marks_a_name_in_the_other_language(client, submitted_review, focal_point, reference):
    english_only = factories.ReviewerFactory(username="reviewer-en", name_ar="", name_en="Omar Haddad")
    review = review_take(review=submitted_review, reviewer=english_only)
    comment_add(review=review, author=english_only, anchor="answer:1.1", part_number=1, objective_number=None,
                body="Please add the figures.", visibility="shared")
    client.force_login(focal_point)

    page = client.get("/ar/reviews/notifications/").content.decode()

    assert _in_language("ar", "%(actor)s commented on the review of %(country)s.") % {
        "actor": '<span lang="en" dir="ltr">Omar Haddad</span>', "country": "مصر"} in page


def test_notification_made_before_the_actor_was_kept_shows_the_stored_name(submitted_review, focal_point):
    from reviews.notifications import notification_text

    [notification] = notify(users=[focal_point], kind=Notification.Kind.COMMENT, review=submitted_review,
                            params={"country_ar": "مصر", "country_en": "Egypt", "actor": "Reviewer\u202e ESCWA"},
                            email=False)

    with translation.override("en"):
        assert notification_text(notification) == "Reviewer ESCWA commented on the review of Egypt."


def _in_language(language, english):
    with translation.override(language):
        return translation.gettext(english)
