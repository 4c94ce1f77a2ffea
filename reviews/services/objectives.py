"""Which objectives a country reports on (part 3): a partial review is welcome."""

from django.db import transaction
from django.utils.translation import gettext as _

from reviews import rules
from reviews.models import Objective, Review, ReviewObjective
from reviews.services.errors import NotAllowed


@transaction.atomic
def objectives_choose(*, review: Review, user, reported: set[int], priorities: set[int]) -> None:
    """Record the objectives reported and the national priorities among them.

    An objective taken off the list keeps its content (marked not reported), so choosing
    it again brings everything back: nothing a contributor wrote is lost by a click.
    """
    if not rules.can_manage_assignments(user, review):
        raise NotAllowed(_("Only the focal point chooses the objectives reported."))
    valid = set(Objective.objects.filter(pk__in=reported | priorities).values_list("pk", flat=True))
    reported = (reported | priorities) & valid
    existing = {row.objective_id: row for row in ReviewObjective.objects.filter(review=review)}
    for objective_id in reported - existing.keys():
        ReviewObjective.objects.create(
            review=review, objective_id=objective_id, is_priority=objective_id in priorities, updated_by=user
        )
    for objective_id, row in existing.items():
        is_reported, is_priority = objective_id in reported, objective_id in priorities
        if (row.is_reported, row.is_priority) != (is_reported, is_priority):
            row.is_reported, row.is_priority, row.updated_by = is_reported, is_priority, user
            row.save(update_fields=["is_reported", "is_priority", "updated_by", "updated_at"])
