"""Comments on a submitted review: shared with the country team or internal to the regional staff,
threaded, resolvable, and notified to the people concerned only."""

import datetime
import importlib

import pytest
import time_machine
from django.apps import apps
from django.core import mail
from django.utils import timezone, translation

from reviews.models import Comment, Notification, Review
from reviews.notifications import notification_link
from reviews.services.comments import comment_add, comment_digests_send, comment_set_resolved
from reviews.services.errors import DomainError, NotAllowed, RateLimited
from tests import factories

pytestmark = pytest.mark.django_db

SHARED, INTERNAL = Comment.Visibility.SHARED, Comment.Visibility.INTERNAL


def _add(review, author, *, visibility=SHARED, anchor="answer:1.1", part=1, objective=None, body="Add the figures.",
         parent=None):
    return comment_add(review=review, author=author, anchor=anchor, part_number=part, objective_number=objective,
                       body=body, visibility=visibility, parent=parent)


def _stored(comment) -> tuple:
    comment = Comment.objects.get(pk=comment.pk)
    return (comment.anchor, comment.part_number, comment.objective_number, comment.visibility, comment.parent_id,
            comment.author.username, comment.body)


def _link(notification: Notification, language: str) -> str:
    with translation.override(language):
        return notification_link(notification)


def _notified(kind=Notification.Kind.COMMENT) -> list[str]:
    return sorted(Notification.objects.filter(kind=kind).values_list("user__username", flat=True))


@pytest.fixture
def team(submitted_review, focal_point, contributor):
    """Egypt's contributors: one assigned part 1, one assigned objective 1, one with nothing assigned."""
    review = submitted_review
    factories.AssignmentFactory(review=review, contributor=contributor, part=review.cycle.parts.get(number=1),
                                assigned_by=focal_point)
    on_objective = factories.ContributorFactory(username="contrib-eg-o1", country=review.country)
    factories.AssignmentFactory(review=review, contributor=on_objective, part=None,
                                objective=factories.ObjectiveFactory(number=1),
                                assigned_by=focal_point)
    factories.ContributorFactory(username="contrib-eg-idle", country=review.country)
    return review


# --- who may write what ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("user_fixture", ["reviewer", "organiser", "focal_point", "contributor"])
def test_comment_add_shared_by_staff_and_country_team(request, submitted_review, user_fixture):
    author = request.getfixturevalue(user_fixture)

    comment = _add(submitted_review, author, body="  Please add the 2026 figures.  ")

    assert _stored(comment) == ("answer:1.1", 1, None, SHARED, None, author.username, "Please add the 2026 figures.")


@pytest.mark.parametrize("user_fixture", ["reviewer", "organiser"])
def test_comment_add_internal_by_regional_staff(request, submitted_review, user_fixture):
    author = request.getfixturevalue(user_fixture)

    comment = _add(submitted_review, author, visibility=INTERNAL, body="Figures differ from the IOM data.")

    assert _stored(comment) == ("answer:1.1", 1, None, INTERNAL, None, author.username,
                                "Figures differ from the IOM data.")


@pytest.mark.parametrize("user_fixture", ["focal_point", "contributor"])
def test_comment_add_internal_refused_to_country_team(request, submitted_review, user_fixture, english):
    with pytest.raises(NotAllowed) as refused:
        _add(submitted_review, request.getfixturevalue(user_fixture), visibility=INTERNAL)

    assert refused.value.message == "You cannot comment here."
    assert Comment.objects.exists() is False


def test_comment_add_refused_to_another_country(submitted_review, other_focal_point, english):
    with pytest.raises(NotAllowed) as refused:
        _add(submitted_review, other_focal_point)

    assert refused.value.message == "You cannot comment here."
    assert Comment.objects.exists() is False


@pytest.mark.parametrize("user_fixture", ["reviewer", "focal_point"])
def test_comment_add_refused_before_the_first_submission(request, review, user_fixture, english):
    with pytest.raises(NotAllowed) as refused:
        _add(review, request.getfixturevalue(user_fixture))

    assert refused.value.message == "You cannot comment here."
    assert Comment.objects.exists() is False


@pytest.mark.parametrize(("visibility", "body", "message"), [
    ("public", "Add figures.", "Choose who can read the comment."),
    (SHARED, "   ", "The comment is empty."),
    (SHARED, "x" * 4001, "The comment is longer than 4000 characters."),
])
def test_comment_add_refuses_invalid_input(submitted_review, reviewer, visibility, body, message, english):
    with pytest.raises(DomainError) as refused:
        _add(submitted_review, reviewer, visibility=visibility, body=body)

    assert refused.value.message == message
    assert Comment.objects.exists() is False


# --- replies ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("visibility", [SHARED, INTERNAL])
def test_comment_add_reply_inherits_anchor_and_visibility(submitted_review, reviewer, organiser, visibility):
    thread = _add(submitted_review, reviewer, visibility=visibility, anchor="answer:3.a:o1", part=3, objective=1)

    reply = _add(submitted_review, organiser, visibility=SHARED if visibility == INTERNAL else INTERNAL,
                 anchor="answer:1.1", part=1, objective=None, body="Agreed.", parent=thread)

    assert _stored(reply) == ("answer:3.a:o1", 3, 1, visibility, thread.pk, "organiser", "Agreed.")


def test_comment_add_reply_by_focal_point_to_a_shared_thread(submitted_review, reviewer, focal_point):
    thread = _add(submitted_review, reviewer)

    reply = _add(submitted_review, focal_point, anchor="part:2", part=2, body="Added in 1.3.", parent=thread)

    assert _stored(reply) == ("answer:1.1", 1, None, SHARED, thread.pk, "fp-eg", "Added in 1.3.")


def test_comment_add_reply_to_an_internal_thread_refused_to_country_team(submitted_review, reviewer, focal_point,
                                                                         english):
    thread = _add(submitted_review, reviewer, visibility=INTERNAL)

    with pytest.raises(NotAllowed) as refused:
        _add(submitted_review, focal_point, visibility=SHARED, parent=thread)

    assert refused.value.message == "You cannot comment here."
    assert list(Comment.objects.values_list("pk", flat=True)) == [thread.pk]


def test_comment_add_reply_to_a_reply_refused(submitted_review, reviewer, focal_point, english):
    thread = _add(submitted_review, reviewer)
    reply = _add(submitted_review, focal_point, parent=thread)

    with pytest.raises(DomainError) as refused:
        _add(submitted_review, reviewer, parent=reply)

    assert refused.value.message == "You can only reply to a comment of this review."
    assert Comment.objects.count() == 2


def test_comment_add_reply_to_another_review_refused(submitted_review, reviewer, open_cycle, morocco, english):
    other = factories.ReviewFactory(cycle=open_cycle, country=morocco, status=Review.Status.SUBMITTED,
                                    first_submitted_at=submitted_review.first_submitted_at)
    thread = _add(other, reviewer)

    with pytest.raises(DomainError) as refused:
        _add(submitted_review, reviewer, parent=thread)

    assert refused.value.message == "You can only reply to a comment of this review."
    assert Comment.objects.filter(review=submitted_review).exists() is False


# --- resolving -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("user_fixture", ["reviewer", "organiser"])
@pytest.mark.parametrize("visibility", [SHARED, INTERNAL])
def test_comment_set_resolved_by_regional_staff(request, submitted_review, reviewer, user_fixture, visibility):
    user = request.getfixturevalue(user_fixture)
    thread = _add(submitted_review, reviewer, visibility=visibility)

    comment_set_resolved(comment=thread, user=user, resolved=True)

    stored = Comment.objects.get(pk=thread.pk)
    assert (stored.is_resolved, stored.resolved_by, stored.resolved_at is not None) == (True, user, True)


def test_comment_set_resolved_reopens_a_thread(submitted_review, reviewer):
    thread = _add(submitted_review, reviewer)
    comment_set_resolved(comment=thread, user=reviewer, resolved=True)

    comment_set_resolved(comment=thread, user=reviewer, resolved=False)

    stored = Comment.objects.get(pk=thread.pk)
    assert (stored.is_resolved, stored.resolved_by, stored.resolved_at) == (False, None, None)


def test_comment_set_resolved_by_focal_point_on_a_shared_thread(submitted_review, reviewer, focal_point):
    thread = _add(submitted_review, reviewer)

    comment_set_resolved(comment=thread, user=focal_point, resolved=True)
    resolved = Comment.objects.get(pk=thread.pk)
    comment_set_resolved(comment=thread, user=focal_point, resolved=False)
    reopened = Comment.objects.get(pk=thread.pk)

    assert (resolved.is_resolved, resolved.resolved_by) == (True, focal_point)
    assert (reopened.is_resolved, reopened.resolved_by, reopened.resolved_at) == (False, None, None)


@pytest.mark.parametrize(("user_fixture", "visibility"), [
    ("focal_point", INTERNAL), ("contributor", SHARED), ("contributor", INTERNAL), ("other_focal_point", SHARED),
])
def test_comment_set_resolved_refused(request, submitted_review, reviewer, user_fixture, visibility, english):
    thread = _add(submitted_review, reviewer, visibility=visibility)

    with pytest.raises(NotAllowed) as refused:
        comment_set_resolved(comment=thread, user=request.getfixturevalue(user_fixture), resolved=True)

    assert refused.value.message == "You cannot resolve this comment."
    stored = Comment.objects.get(pk=thread.pk)
    assert (stored.is_resolved, stored.resolved_by) == (False, None)


def test_comment_set_resolved_refused_on_a_reply(submitted_review, reviewer, focal_point, english):
    reply = _add(submitted_review, focal_point, parent=_add(submitted_review, reviewer))

    with pytest.raises(NotAllowed) as refused:
        comment_set_resolved(comment=reply, user=reviewer, resolved=True)

    assert refused.value.message == "You cannot resolve this comment."
    assert Comment.objects.get(pk=reply.pk).is_resolved is False


# --- notifications ---------------------------------------------------------------------------------------------


def test_shared_comment_by_staff_on_a_part_notifies_focal_point_and_contributors_of_that_part(
        team, reviewer, organiser, other_focal_point):
    _add(team, reviewer, anchor="answer:1.1", part=1)

    assert _notified() == ["contrib-eg", "fp-eg"]
    notification = Notification.objects.get(user__username="fp-eg")
    assert (notification.review_id, notification.params, notification.actor, _link(notification, "ar")) == (
        team.pk, {"country_ar": "مصر", "country_en": "Egypt"}, reviewer,
        f"/ar/reviews/{team.uid}/parts/1/#comments-answer:1.1",
    )


def test_shared_comment_by_staff_on_an_objective_notifies_contributors_of_that_objective(team, reviewer):
    _add(team, reviewer, anchor="answer:3.a:o1", part=3, objective=1)

    assert _notified() == ["contrib-eg-o1", "fp-eg"]
    assert _link(Notification.objects.get(user__username="contrib-eg-o1"), "en") == (
        f"/en/reviews/{team.uid}/objectives/1/#comments-answer:3.a:o1")


def test_shared_comment_by_staff_on_another_part_notifies_the_focal_point_only(team, reviewer):
    _add(team, reviewer, anchor="answer:2.1", part=2)

    assert _notified() == ["fp-eg"]


def test_shared_comment_by_country_team_notifies_the_regional_staff(team, reviewer, organiser, contributor):
    _add(team, contributor)

    assert _notified() == ["organiser", "reviewer-escwa"]


def test_reply_by_staff_notifies_the_country_not_its_author(team, reviewer, organiser, focal_point):
    thread = _add(team, focal_point, anchor="answer:2.1", part=2)
    Notification.objects.all().delete()

    _add(team, organiser, parent=thread)

    assert _notified() == ["fp-eg"]


def test_internal_comments_notify_nobody(team, reviewer, organiser):
    thread = _add(team, reviewer, visibility=INTERNAL)
    _add(team, organiser, parent=thread)

    assert Notification.objects.filter(kind=Notification.Kind.COMMENT).exists() is False


def test_internal_comments_never_email_the_country_team(team, reviewer, organiser, focal_point, contributor,
                                                        django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        thread = _add(team, reviewer, visibility=INTERNAL, body="Internal: the figures look wrong.")
        _add(team, organiser, parent=thread, body="Internal: agreed.")
        _add(team, reviewer, anchor="answer:1.2", body="Please add the sources.")
    comment_digests_send()

    # Only the shared comment was e-mailed (in Arabic, the team's preferred language).
    subject = "تعليقات جديدة على استعراض مصر"
    assert sorted((message.to, message.subject) for message in mail.outbox) == [
        (["contrib-eg@example.org"], subject), (["fp-eg@example.org"], subject)]
    assert "Internal" not in "".join(message.body for message in mail.outbox)
    assert Comment.objects.filter(visibility=INTERNAL, emailed_at__isnull=False).exists() is False


# --- only real places ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("anchor", "part", "objective"), [
    ("answer:1.1\n\nYour session expired. Sign in again at http://evil.example/login", 1, None),
    ("answer:9.9", 1, None),
    ("answer:3.a:o1", 1, 1),
    ("part:-1", -1, None),
    ("part:99999999999999999999", 99999999999999999999, None),
])
def test_comment_add_refuses_a_place_that_is_not_the_review_own(team, focal_point, anchor, part, objective, english,
                                                                 django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(DomainError) as refused:
        _add(team, focal_point, anchor=anchor, part=part, objective=objective)

    assert refused.value.message == "This place is not part of the review: the comment was not added."
    assert (Comment.objects.exists(), Notification.objects.exists(), comment_digests_send(), mail.outbox) == (
        False, False, 0, [])


def test_comment_add_reply_refused_on_a_thread_whose_place_is_not_the_review_own(team, reviewer, focal_point,
                                                                                 english):
    """A thread stored before places were checked: its anchor is not copied into a new comment."""
    thread = factories.CommentFactory(review=team, author=reviewer, anchor="answer:1.1\nSign in at http://evil")

    with pytest.raises(DomainError) as refused:
        _add(team, focal_point, parent=thread)

    assert refused.value.message == "This place is not part of the review: the comment was not added."
    assert thread.replies.exists() is False


# --- floods: a rate limit, and one e-mail digest ---------------------------------------------------------------

NOW = datetime.datetime(2027, 3, 1, 9, 0, 10, tzinfo=datetime.UTC)


def test_comment_add_refuses_the_eleventh_comment_in_a_minute(team, contributor, english):
    with time_machine.travel(NOW, tick=False):
        for number in range(10):
            _add(team, contributor, body=f"Comment {number}.")
        with pytest.raises(RateLimited) as refused:
            _add(team, contributor, body="One too many.")
        others_may_still_comment = _add(team, factories.FocalPointFactory(country=team.country), body="Mine.")

    assert refused.value.message == "You have posted many comments in a short time. Wait a minute, then try again."
    assert (Comment.objects.filter(author=contributor).count(), Comment.objects.filter(body="One too many.").exists(),
            others_may_still_comment.body) == (10, False, "Mine.")


def test_comment_add_allowed_again_the_next_minute(team, contributor, settings):
    settings.COMMENTS_PER_MINUTE = 2
    with time_machine.travel(NOW, tick=False):
        _add(team, contributor)
        _add(team, contributor)
        with pytest.raises(RateLimited):
            _add(team, contributor)
    with time_machine.travel(NOW + datetime.timedelta(minutes=1), tick=False):
        _add(team, contributor, body="A minute later.")

    assert Comment.objects.filter(author=contributor).count() == 3


def test_a_flood_of_comments_is_one_email_per_reader(team, reviewer, organiser, contributor,
                                                     django_capture_on_commit_callbacks):
    with time_machine.travel(NOW, tick=False), django_capture_on_commit_callbacks(execute=True):
        for number in range(10):
            _add(team, contributor, body=f"Comment {number}.")

    sent = comment_digests_send()

    assert (sent, sorted(message.to[0] for message in mail.outbox)) == (
        2, ["organiser@example.org", "reviewer-escwa@example.org"])
    assert [mail.outbox[0].body.count(f"> Comment {number}.\n") for number in range(10)] == [1] * 10
    # The portal's own list still shows each comment.
    assert Notification.objects.filter(kind=Notification.Kind.COMMENT).count() == 20


def test_comment_digest_text_in_the_reader_language_from_validated_values(team, reviewer, organiser, contributor):
    reviewer.preferred_language = "en"
    reviewer.save(update_fields=["preferred_language"])
    contributor.first_name, contributor.last_name = "Eve\nSign in at http://evil.example", "\u202eMallory"
    contributor.save(update_fields=["first_name", "last_name"])
    _add(team, contributor, body="See the annex.\n\nYour session expired: sign in at http://evil.example")
    _add(team, contributor, anchor="answer:3.a:o1", part=3, objective=1, body="Objective 1 is done.")

    comment_digests_send()

    by_reader = {message.to[0]: message for message in mail.outbox}
    english, arabic = by_reader["reviewer-escwa@example.org"], by_reader["organiser@example.org"]
    base = f"http://127.0.0.1:8000/en/reviews/{team.uid}"
    assert (english.subject, english.body) == ("New comments on the review of Egypt", "\n".join([
        "New comments on the review of Egypt:",
        "",
        "Eve Sign in at http://evil.example Mallory wrote:",
        "> See the annex.",
        "> ",
        "> Your session expired: sign in at http://evil.example",
        f"{base}/parts/1/#comments-answer:1.1",
        "",
        "Eve Sign in at http://evil.example Mallory wrote:",
        "> Objective 1 is done.",
        f"{base}/objectives/1/#comments-answer:3.a:o1",
        "",
    ]))
    assert (arabic.subject, arabic.body.splitlines()[:3]) == (
        "تعليقات جديدة على استعراض مصر",
        ["تعليقات جديدة على استعراض مصر:", "", "كتب Eve Sign in at http://evil.example Mallory:"])
    assert f"http://127.0.0.1:8000/ar/reviews/{team.uid}/parts/1/#comments-answer:1.1" in arabic.body


def test_comment_digests_are_sent_once(team, reviewer, organiser, focal_point, contributor):
    _add(team, contributor, body="First.")
    first_run = comment_digests_send()
    second_run = comment_digests_send()
    _add(team, reviewer, body="Second.")
    third_run = comment_digests_send()

    assert (first_run, second_run, third_run) == (2, 0, 2)
    assert [(message.to[0], message.body.count("> ")) for message in mail.outbox] == [
        ("organiser@example.org", 1), ("reviewer-escwa@example.org", 1),
        ("contrib-eg@example.org", 1), ("fp-eg@example.org", 1)]
    assert "Second." in mail.outbox[3].body and "First." not in mail.outbox[3].body
    assert Comment.objects.filter(emailed_at__isnull=True).exists() is False


def test_comment_digests_are_one_per_review(team, reviewer, organiser, contributor, open_cycle, morocco):
    other = factories.ReviewFactory(cycle=open_cycle, country=morocco, status=Review.Status.SUBMITTED,
                                    first_submitted_at=team.first_submitted_at)
    factories.ReviewObjectiveFactory(review=other, objective=team.review_objectives.get().objective)
    _add(team, contributor, body="On Egypt.")
    _add(other, factories.FocalPointFactory(country=morocco), body="On Morocco.")

    comment_digests_send()

    assert sorted((message.to[0], message.subject) for message in mail.outbox) == [
        ("organiser@example.org", "تعليقات جديدة على استعراض المغرب"),
        ("organiser@example.org", "تعليقات جديدة على استعراض مصر"),
        ("reviewer-escwa@example.org", "تعليقات جديدة على استعراض المغرب"),
        ("reviewer-escwa@example.org", "تعليقات جديدة على استعراض مصر"),
    ]


def test_comment_digests_skip_readers_without_email_or_no_longer_active(team, reviewer, organiser, contributor):
    reviewer.email = ""
    reviewer.save(update_fields=["email"])
    organiser.is_active = False
    organiser.save(update_fields=["is_active"])
    _add(team, contributor)

    assert (comment_digests_send(), mail.outbox, Comment.objects.get().emailed_at is not None) == (0, [], True)


def test_comment_digests_leave_comments_made_before_them_alone(team, reviewer, contributor):
    """The migration marks comments already e-mailed one by one: the first digest does not repeat them."""
    factories.CommentFactory(review=team, author=contributor, emailed_at=timezone.now())

    assert (comment_digests_send(), mail.outbox) == (0, [])


def test_migration_marks_shared_comments_made_before_digests_as_emailed(team, reviewer, contributor):
    migration = importlib.import_module("reviews.migrations.0011_comment_emailed_at")
    shared = factories.CommentFactory(review=team, author=contributor)
    internal = factories.CommentFactory(review=team, author=reviewer, visibility=INTERNAL)

    migration.mark_existing_comments_emailed(apps, None)

    stored = {comment.pk: comment for comment in Comment.objects.all()}
    assert (stored[shared.pk].emailed_at, stored[internal.pk].emailed_at) == (stored[shared.pk].created_at, None)
    assert (comment_digests_send(), mail.outbox) == (0, [])
