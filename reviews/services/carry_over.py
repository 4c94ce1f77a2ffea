"""Starting a review from the country's previous one, and confirming what was carried over.

A choice, never a default: only `review_open(..., from_previous=True)` copies. The answers, tables, objectives
reported (with their stage and priority) and the plan's status are copied from the previous cycle's review as
the focal point may read it (through the export's own rows, services/review_data.py); each copied answer is
marked as carried over until someone edits or confirms it, and the submission check lists those left.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from reviews import rules
from reviews.models import Answer, ChangeLog, Review
from reviews.selectors.exports import export_json
from reviews.selectors.previous import cycle_year, previous_review_of
from reviews.services.answers import answer_anchor
from reviews.services.errors import DomainError, NotAllowed
from reviews.services.review_data import ContentWriter, tables_by_country

CARRIED_FIELD = "carried_over_from"


@transaction.atomic
def review_carry_over(*, review: Review, user) -> int:
    """Copy the previous cycle's review into `review`, just opened and still empty. Returns the number of
    answers copied; each is marked carried over from that cycle."""
    previous = previous_review_of(review, user=user)
    if previous is None:
        raise DomainError(_("Your country has no review of the previous cycle to start from."))
    if Answer.objects.filter(review=review).exists() or review.review_objectives.exists():
        raise DomainError(_("This review already has content: the previous review is copied only into an empty "
                            "review. Nothing was copied."))
    data = export_json(user=user, cycle=previous.cycle)
    writer = ContentWriter(cycle=review.cycle, user=user, carried_over_from=previous.cycle)
    writer.review_read(review=review, tables=tables_by_country(data).get(review.country.iso2, {}))
    writer.save()
    Review.objects.filter(pk=review.pk).update(plan_status=previous.plan_status, plan_detail=previous.plan_detail)
    answers = writer.rows[Answer]
    year = cycle_year(previous.cycle)
    ChangeLog.objects.bulk_create(
        ChangeLog(review=review, anchor=answer_anchor(answer.prompt, answer.objective), field=CARRIED_FIELD,
                  before="", after=year, user=user) for answer in answers)
    return len(answers)


@transaction.atomic
def answer_carried_over_confirm(*, answer: Answer, user) -> Answer:
    """Someone who may edit the answer says the carried-over text still holds: the mark is removed, recorded."""
    review = answer.review
    objective_id = answer.objective_id
    if not rules.can_edit_section(user, review, part_number=answer.prompt.part.number, objective_id=objective_id):
        raise NotAllowed(_("You cannot edit this answer."))
    if answer.carried_over_from_id is None:
        return answer
    year = cycle_year(answer.carried_over_from)
    Answer.objects.filter(pk=answer.pk).update(carried_over_from=None)
    answer.carried_over_from = None
    ChangeLog.objects.create(review=review, anchor=answer_anchor(answer.prompt, answer.objective),
                             field=CARRIED_FIELD, before=year, after="", user=user)
    return answer
