import pytest

from reviews import rules
from reviews.models import Assignment, Notification, Review
from reviews.services.assignments import assignments_set
from reviews.services.errors import NotAllowed
from tests import factories

pytestmark = pytest.mark.django_db


def _assigned(review, contributor):
    """(part number, objective number) of every assignment, parts first."""
    return sorted(
        Assignment.objects.filter(review=review, contributor=contributor).values_list(
            "part__number", "objective__number"
        ),
        key=lambda row: (row[0] is None, row[0] or 0, row[1] or 0),
    )


def test_assignments_set_assigns_parts_and_objectives(review, objectives, focal_point, contributor):
    assignments_set(review=review, contributor=contributor, part_numbers={1, 4},
                    objective_ids={objectives[6].pk, objectives[2].pk}, actor=focal_point)

    assert _assigned(review, contributor) == [(1, None), (4, None), (None, 2), (None, 6)]
    assert set(Assignment.objects.values_list("assigned_by", flat=True)) == {focal_point.pk}
    assert rules.contributor_assignments(contributor, review) == ({1, 4}, {objectives[2].pk, objectives[6].pk})


def test_assignments_set_replaces_previous_assignments(review, objectives, focal_point, contributor):
    assignments_set(review=review, contributor=contributor, part_numbers={1, 2}, objective_ids={objectives[6].pk},
                    actor=focal_point)

    assignments_set(review=review, contributor=contributor, part_numbers={5}, objective_ids=set(),
                    actor=focal_point)

    assert _assigned(review, contributor) == [(5, None)]
    assert rules.can_edit_section(contributor, review, part_number=1) is False
    assert rules.can_edit_section(contributor, review, part_number=5) is True


def test_assignments_set_leaves_other_contributors_alone(review, egypt, focal_point, contributor):
    colleague = factories.ContributorFactory(country=egypt)
    assignments_set(review=review, contributor=colleague, part_numbers={2}, objective_ids=set(), actor=focal_point)

    assignments_set(review=review, contributor=contributor, part_numbers={1}, objective_ids=set(), actor=focal_point)
    assignments_set(review=review, contributor=contributor, part_numbers=set(), objective_ids=set(),
                    actor=focal_point)

    assert _assigned(review, contributor) == []
    assert _assigned(review, colleague) == [(2, None)]


def test_assignments_set_ignores_unknown_parts_and_objectives(review, focal_point, contributor):
    assignments_set(review=review, contributor=contributor, part_numbers={3, 9}, objective_ids={999_999},
                    actor=focal_point)

    assert _assigned(review, contributor) == [(3, None)]


def test_assignments_set_refuses_contributor_of_another_country(review, morocco, focal_point, english):
    moroccan = factories.ContributorFactory(country=morocco)

    with pytest.raises(NotAllowed) as refused:
        assignments_set(review=review, contributor=moroccan, part_numbers={1}, objective_ids=set(),
                        actor=focal_point)

    assert refused.value.message == "Work can only be assigned to contributors of your country."
    assert Assignment.objects.exists() is False


def test_assignments_set_refuses_a_focal_point_as_assignee(review, focal_point):
    with pytest.raises(NotAllowed):
        assignments_set(review=review, contributor=focal_point, part_numbers={1}, objective_ids=set(),
                        actor=focal_point)

    assert Assignment.objects.exists() is False


@pytest.mark.parametrize("actor_fixture", ["contributor", "other_focal_point", "reviewer", "organiser"])
def test_assignments_set_refused_to_anyone_but_the_focal_point(request, review, egypt, actor_fixture, english):
    colleague = factories.ContributorFactory(country=egypt)
    actor = request.getfixturevalue(actor_fixture)

    with pytest.raises(NotAllowed) as refused:
        assignments_set(review=review, contributor=colleague, part_numbers={1}, objective_ids=set(), actor=actor)

    assert refused.value.message == "Only the focal point assigns work to contributors."
    assert Assignment.objects.exists() is False


def test_assignments_set_refused_once_submitted(review, focal_point, contributor):
    factories.AssignmentFactory(review=review, contributor=contributor, part=review.cycle.parts.get(number=1))
    Review.objects.filter(pk=review.pk).update(status=Review.Status.SUBMITTED)
    review.refresh_from_db()

    with pytest.raises(NotAllowed):
        assignments_set(review=review, contributor=contributor, part_numbers=set(), objective_ids=set(),
                        actor=focal_point)

    assert _assigned(review, contributor) == [(1, None)]


def test_assignments_set_notifies_the_contributor_of_new_work_only(review, objectives, focal_point, contributor,
                                                                   mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assignments_set(review=review, contributor=contributor, part_numbers={1}, objective_ids={objectives[2].pk},
                        actor=focal_point)
        assignments_set(review=review, contributor=contributor, part_numbers={1}, objective_ids={objectives[2].pk},
                        actor=focal_point)  # saved again unchanged
        assignments_set(review=review, contributor=contributor, part_numbers={1}, objective_ids=set(),
                        actor=focal_point)  # work taken away
        assignments_set(review=review, contributor=contributor, part_numbers={1, 4}, objective_ids=set(),
                        actor=focal_point)

    notified = Notification.objects.filter(user=contributor).order_by("pk")
    assert [(n.kind, n.route, n.route_kwargs, n.actor) for n in notified] == [
        (Notification.Kind.ASSIGNMENT, "reviews:overview", {"uid": str(review.uid)}, focal_point)] * 2
    assert [message.to for message in mailoutbox] == [[contributor.email]] * 2
