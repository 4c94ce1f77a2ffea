"""Comments on a submitted review: shared with the country team or internal to the regional staff,
threaded, resolvable, and notified to the people concerned only."""

import pytest
from django.core import mail
from django.utils import translation

from reviews.models import Comment, Notification, Review
from reviews.notifications import notification_link
from reviews.services.comments import comment_add, comment_set_resolved
from reviews.services.errors import DomainError, NotAllowed
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
    assert (notification.review_id, notification.params, _link(notification, "ar")) == (
        team.pk, {"country_ar": "مصر", "country_en": "Egypt", "actor": str(reviewer)},
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

    # Only the shared comment was e-mailed (in Arabic, the team's preferred language).
    subject = f"علّق {reviewer} على استعراض مصر."
    assert sorted((message.to, message.subject) for message in mail.outbox) == [
        (["contrib-eg@example.org"], subject), (["fp-eg@example.org"], subject)]
