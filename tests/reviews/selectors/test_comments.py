"""Which comments a user reads, and the threads of a page grouped by place in a fixed number of queries."""

import pytest
from django.contrib.auth.models import AnonymousUser

from reviews.models import Comment
from reviews.selectors.comments import comment_threads_by_anchor, comments_visible_to
from tests import factories

pytestmark = pytest.mark.django_db

SHARED, INTERNAL = Comment.Visibility.SHARED, Comment.Visibility.INTERNAL


@pytest.fixture
def comments(submitted_review, reviewer, organiser, focal_point):
    """A shared thread with a reply from the country, and an internal thread with a reply from the staff."""
    shared = factories.CommentFactory(review=submitted_review, author=reviewer, body="Please add the sources.")
    answered = factories.CommentFactory(review=submitted_review, author=focal_point, parent=shared,
                                        body="Sources added.")
    internal = factories.CommentFactory(review=submitted_review, author=reviewer, visibility=INTERNAL,
                                        body="The figures differ from IOM data.")
    noted = factories.CommentFactory(review=submitted_review, author=organiser, parent=internal,
                                     visibility=INTERNAL, body="Raise it at the round table.")
    return {"shared": shared, "answered": answered, "internal": internal, "noted": noted}


def _bodies(queryset) -> list[str]:
    return list(queryset.order_by("pk").values_list("body", flat=True))


@pytest.mark.parametrize("user_fixture", ["reviewer", "organiser"])
def test_comments_visible_to_regional_staff_include_internal_notes(request, submitted_review, comments,
                                                                    user_fixture):
    visible = comments_visible_to(request.getfixturevalue(user_fixture), submitted_review)

    assert _bodies(visible) == ["Please add the sources.", "Sources added.", "The figures differ from IOM data.",
                                "Raise it at the round table."]


@pytest.mark.parametrize("user_fixture", ["focal_point", "contributor"])
def test_comments_visible_to_country_team_are_the_shared_ones(request, submitted_review, comments, user_fixture):
    visible = comments_visible_to(request.getfixturevalue(user_fixture), submitted_review)

    assert _bodies(visible) == ["Please add the sources.", "Sources added."]
    assert visible.filter(visibility=INTERNAL).exists() is False


def test_comments_visible_to_another_country_are_none(submitted_review, comments, other_focal_point):
    assert _bodies(comments_visible_to(other_focal_point, submitted_review)) == []


def test_comments_visible_to_anonymous_are_none(submitted_review, comments):
    assert _bodies(comments_visible_to(AnonymousUser(), submitted_review)) == []


def test_comments_visible_to_exclude_other_reviews(submitted_review, comments, reviewer, open_cycle, morocco):
    other = factories.ReviewFactory(cycle=open_cycle, country=morocco, first_submitted_at=submitted_review.submitted_at)
    factories.CommentFactory(review=other, author=reviewer, body="About Morocco.")

    assert _bodies(comments_visible_to(reviewer, submitted_review)) == [
        "Please add the sources.", "Sources added.", "The figures differ from IOM data.",
        "Raise it at the round table."]
    assert _bodies(comments_visible_to(reviewer, other)) == ["About Morocco."]


def _threads(grouped) -> dict[str, list[tuple]]:
    return {
        anchor: [(thread.body, [reply.body for reply in thread.replies.all()]) for thread in threads]
        for anchor, threads in grouped.items()
    }


def test_comment_threads_by_anchor_groups_threads_with_their_replies(submitted_review, comments, reviewer):
    factories.CommentFactory(review=submitted_review, author=reviewer, anchor="row:policy:abc", part_number=2,
                             body="Which year?")

    grouped = comment_threads_by_anchor(reviewer, submitted_review)

    assert _threads(grouped) == {
        "answer:1.1": [("Please add the sources.", ["Sources added."]),
                       ("The figures differ from IOM data.", ["Raise it at the round table."])],
        "row:policy:abc": [("Which year?", [])],
    }


def test_comment_threads_by_anchor_hide_internal_threads_from_country_team(submitted_review, comments, contributor):
    grouped = comment_threads_by_anchor(contributor, submitted_review)

    assert _threads(grouped) == {"answer:1.1": [("Please add the sources.", ["Sources added."])]}


def _read_everything(grouped) -> list:
    return [
        (str(thread.author), thread.resolved_by, [str(reply.author) for reply in thread.replies.all()])
        for threads in grouped.values() for thread in threads
    ]


def _comment_on_many_places(review, reviewer, focal_point, *, places: int):
    for number in range(1, places + 1):
        thread = factories.CommentFactory(review=review, author=reviewer, anchor=f"answer:1.{number}",
                                          is_resolved=True, resolved_by=reviewer)
        factories.CommentFactory(review=review, author=focal_point, parent=thread)
        factories.CommentFactory(review=review, author=reviewer, parent=thread)


@pytest.mark.parametrize("places", [1, 5])
@pytest.mark.parametrize("user_fixture", ["reviewer", "focal_point"])
def test_comment_threads_by_anchor_queries_do_not_grow_with_comments(request, submitted_review, reviewer,
                                                                      focal_point, places, user_fixture,
                                                                      django_assert_num_queries):
    _comment_on_many_places(submitted_review, reviewer, focal_point, places=places)
    user = request.getfixturevalue(user_fixture)

    with django_assert_num_queries(2):  # the threads with their authors, then every reply with its author
        read = _read_everything(comment_threads_by_anchor(user, submitted_review))

    assert read == [(str(reviewer), reviewer, [str(focal_point), str(reviewer)])] * places
