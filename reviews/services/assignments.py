"""Whole-of-government: the focal point assigns parts and objectives to contributors."""

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import Role
from reviews import rules
from reviews.models import Assignment, Notification, Objective, Review, TemplatePart
from reviews.services.errors import NotAllowed
from reviews.services.notifications import country_params, notify


@transaction.atomic
def assignments_set(*, review: Review, contributor, part_numbers: set[int], objective_ids: set[int], actor) -> None:
    """Replace a contributor's assignments on the review with the given parts and objectives.

    The contributor is notified when something was added to their work, not when work is taken away
    or the same assignments are saved again."""
    if not rules.can_manage_assignments(actor, review):
        raise NotAllowed(_("Only the focal point assigns work to contributors."))
    if contributor.role != Role.CONTRIBUTOR or contributor.country_id != review.country_id:
        raise NotAllowed(_("Work can only be assigned to contributors of your country."))
    parts = {part.number: part for part in TemplatePart.objects.filter(cycle=review.cycle_id)}
    before = set(Assignment.objects.filter(review=review, contributor=contributor).values_list("part_id",
                                                                                               "objective_id"))
    Assignment.objects.filter(review=review, contributor=contributor).delete()
    created = Assignment.objects.bulk_create(
        [Assignment(review=review, contributor=contributor, part=parts[n], assigned_by=actor)
         for n in sorted(part_numbers) if n in parts]
        + [Assignment(review=review, contributor=contributor, objective_id=pk, assigned_by=actor)
           for pk in Objective.objects.filter(pk__in=objective_ids).values_list("pk", flat=True)]
    )
    if {(row.part_id, row.objective_id) for row in created} - before:
        notify(users=[contributor], kind=Notification.Kind.ASSIGNMENT, review=review,
               params=country_params(review), actor=actor, route="reviews:overview",
               route_kwargs={"uid": review.uid})
