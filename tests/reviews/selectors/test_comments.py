"""Which comments a user reads, and the threads of a page grouped by place in a fixed number of queries."""

import pytest
from django.contrib.auth.models import AnonymousUser

from reviews.models import Comment, ReviewObjective
from reviews.selectors.comments import (
    PageComments,
    comment_place_exists,
    comment_threads_by_anchor,
    comments_visible_to,
)
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

    with django_assert_num_queries(2):  # the threads and their replies, then their authors
        read = _read_everything(comment_threads_by_anchor(user, submitted_review))

    assert read == [(str(reviewer), reviewer, [str(focal_point), str(reviewer)])] * places


def test_page_comments_read_only_the_pages_threads_and_only_when_asked(submitted_review, reviewer,
                                                                      django_assert_num_queries):
    factories.CommentFactory(review=submitted_review, author=reviewer, body="On part 1.")
    factories.CommentFactory(review=submitted_review, author=reviewer, anchor="answer:3.a:o6", part_number=3,
                             objective_number=6, body="On objective 6.")
    factories.CommentFactory(review=submitted_review, author=reviewer, anchor="objective:6", part_number=3,
                             objective_number=6, body="On objective 6's stage.")

    with django_assert_num_queries(0):  # a page that shows no comment reads none
        objective_page = PageComments(reviewer, submitted_review, part_number=3, objective_number=6)
    with django_assert_num_queries(2):  # its threads, then their authors
        read = {anchor: [thread.body for thread in objective_page.get(anchor, [])]
                for anchor in ("answer:1.1", "answer:3.a:o6", "objective:6")}
    part_page = PageComments(reviewer, submitted_review, part_number=1, objective_number=None)

    assert read == {"answer:1.1": [], "answer:3.a:o6": ["On objective 6."], "objective:6": ["On objective 6's stage."]}
    assert [thread.body for thread in part_page.get("answer:1.1")] == ["On part 1."]
    assert part_page.get("objective:6") is None


# --- the places a comment may be attached to -------------------------------------------------------------------


@pytest.fixture
def places(submitted_review, objectives):
    """Rows of Egypt's review on each kind of page, one unreported objective, and a row of Morocco's review."""
    review = submitted_review
    reported = ReviewObjective.objects.get(review=review, objective__number=1)
    factories.ReviewObjectiveFactory(review=review, objective=objectives[2], is_reported=False)
    other = factories.ReviewFactory(cycle=review.cycle, country=factories.CountryFactory(iso2="MA"))
    return {
        "review": review,
        "policy": factories.PolicyFactory(review=review),
        "practice": factories.GoodPracticeFactory(review_objective=reported),
        "means": factories.PlannedActionFactory(review=review, part_number=4),
        "action": factories.PlannedActionFactory(review=review, part_number=5),
        "foreign_policy": factories.PolicyFactory(review=other),
    }


def _exists(places, anchor, part, objective=None) -> bool:
    uids = {name: str(getattr(row, "uid", "")) for name, row in places.items()}
    anchor = anchor.format(**uids, policy_upper=uids["policy"].upper())
    return comment_place_exists(review=places["review"], anchor=anchor, part_number=part,
                                objective_number=objective)


@pytest.mark.parametrize(("anchor", "part", "objective"), [
    ("answer:1.1", 1, None),
    ("answer:2.1", 2, None),
    ("answer:3.a:o1", 3, 1),
    ("objective:1", 3, 1),
    ("part:2", 2, None),
    ("row:policy:{policy}", 2, None),
    ("row:goodpractice:{practice}", 3, 1),
    ("row:plannedaction:{means}", 4, None),
    ("row:plannedaction:{action}", 5, None),
], ids=["part-answer", "answer-part-2", "objective-answer", "objective", "part", "row", "objective-row",
        "means-row", "action-row"])
def test_comment_place_exists_for_the_review_own_places(places, anchor, part, objective):
    assert _exists(places, anchor, part, objective) is True


@pytest.mark.parametrize(("anchor", "part", "objective"), [
    # The attack: a newline and a fake paragraph after a real anchor, once copied into staff e-mails.
    ("answer:1.1\n\nYour session expired: sign in at http://evil.example/login", 1, None),
    ("answer:1.1 ", 1, None),
    ("answer:9.9", 1, None),  # no such prompt
    ("answer:1.1", 2, None),  # a real prompt, on another part's page
    ("answer:3.a", 3, None),  # asked for each objective, not once for the part
    ("answer:1.1:o1", 1, 1),  # asked once for the part, not for each objective
    ("answer:3.a:o2", 3, 2),  # objective 2 is not reported
    ("answer:3.a:o1", 3, 2),  # the anchor's objective and the page's differ
    ("answer::o1", 3, 1),
    ("objective:2", 3, 2),
    ("objective:5", 3, 5),
    ("objective:1", 2, 1),
    ("objective:01", 3, 1),
    ("part:6", 6, None),
    ("part:2", 1, None),
    ("part:-1", -1, None),
    ("part:99999999999999999999", 99999999999999999999, None),
    ("answer:1.1", 0, None),
    ("answer:3.a:o99999999999999999999", 3, 99999999999999999999),
    ("row:policy:{foreign_policy}", 2, None),  # Morocco's row
    ("row:policy:{policy}", 1, None),
    ("row:policy:{policy_upper}", 2, None),  # row_anchor writes the uid in lower case
    ("row:goodpractice:{practice}", 3, None),
    ("row:plannedaction:{means}", 5, None),
    ("row:user:{policy}", 2, None),
    ("row:policy:not-a-uuid", 2, None),
    ("comment:1", 1, None),
    ("", 1, None),
    ("answer:" + "1" * 200, 1, None),
])
def test_comment_place_exists_refuses_any_other_name(places, anchor, part, objective):
    assert _exists(places, anchor, part, objective) is False
