"""Whole-of-government: the focal point assigns parts and objectives to contributors."""

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import Role
from reviews import rules
from reviews.models import Assignment, Objective, Review, TemplatePart
from reviews.services.errors import NotAllowed


@transaction.atomic
def assignments_set(*, review: Review, contributor, part_numbers: set[int], objective_ids: set[int], actor) -> None:
    """Replace a contributor's assignments on the review with the given parts and objectives."""
    if not rules.can_manage_assignments(actor, review):
        raise NotAllowed(_("Only the focal point assigns work to contributors."))
    if contributor.role != Role.CONTRIBUTOR or contributor.country_id != review.country_id:
        raise NotAllowed(_("Work can only be assigned to contributors of your country."))
    parts = {part.number: part for part in TemplatePart.objects.filter(cycle=review.cycle_id)}
    Assignment.objects.filter(review=review, contributor=contributor).delete()
    Assignment.objects.bulk_create(
        [Assignment(review=review, contributor=contributor, part=parts[n], assigned_by=actor)
         for n in sorted(part_numbers) if n in parts]
        + [Assignment(review=review, contributor=contributor, objective_id=pk, assigned_by=actor)
           for pk in Objective.objects.filter(pk__in=objective_ids).values_list("pk", flat=True)]
    )
