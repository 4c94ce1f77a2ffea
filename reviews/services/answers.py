"""Saving narrative answers without ever overwriting somebody else's work."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from reviews import rules
from reviews.models import Answer, GuidingPrompt, Objective, Review
from reviews.models.content import original_language_of
from reviews.services.audit import audit_record
from reviews.services.errors import DomainError, NotAllowed
from reviews.services.search import search_index
from reviews.services.versioned import bilingual_text_update


def answer_save(
    *,
    review: Review,
    prompt: GuidingPrompt,
    objective: Objective | None,
    user,
    text_ar: str,
    text_en: str,
    original_language: str | None,
    base_version: int,
) -> Answer:
    """Save an answer if nobody changed it since the editor loaded it (`base_version`).

    A first save names version 0. A save based on an older version is refused with
    EditConflict carrying what is stored now, so the editor can merge; nothing is overwritten.
    The original language defaults to the first language written.
    """
    part_number = prompt.part.number
    if prompt.part.cycle_id != review.cycle_id or (objective is None) != (prompt.scope == prompt.Scope.PART):
        raise NotAllowed(_("This question does not belong to this review."))
    objective_id = objective.pk if objective else None
    if not rules.can_edit_section(user, review, part_number=part_number, objective_id=objective_id):
        raise NotAllowed(_("You cannot edit this answer."))
    if objective and not review.review_objectives.filter(objective=objective, is_reported=True).exists():
        raise DomainError(_("Objective %(number)s is not among the objectives this review reports. Add it on the "
                            "Objectives page first; nothing was saved.") % {"number": objective.number})
    original_language = original_language_of(original_language=original_language, text_ar=text_ar, text_en=text_en)
    values = {"text_ar": text_ar, "text_en": text_en, "original_language": original_language}

    with transaction.atomic():
        current = (
            Answer.objects.select_for_update(of=("self",))
            .select_related("updated_by")
            .filter(review=review, prompt=prompt, objective=objective)
            .first()
        )
        if current is None:
            try:
                with transaction.atomic():
                    answer = Answer.objects.create(
                        review=review, prompt=prompt, objective=objective, updated_by=user, **values
                    )
            except IntegrityError:  # created at the same instant by somebody else
                current = Answer.objects.select_related("updated_by").get(
                    review=review, prompt=prompt, objective=objective
                )
            else:
                search_index(item=answer)
                audit_record(review=review, anchor=answer_anchor(prompt, objective), user=user,
                             before=dict.fromkeys(values, ""), after=values)
                return answer
        before = bilingual_text_update(
            row=current, base_version=base_version, user=user, values=values,
            conflict_message=_("%(name)s saved this answer while you were editing it. Your text was not saved: "
                               "compare both versions, merge them and save again."),
        )
        if before is not None:
            audit_record(review=review, anchor=answer_anchor(prompt, objective), user=user, before=before,
                         after=values)
        if current.carried_over_from_id is not None:  # edited (or saved as it is): no longer "not yet updated"
            Answer.objects.filter(pk=current.pk).update(carried_over_from=None)
            current.carried_over_from = None
    return current


def answer_anchor(prompt: GuidingPrompt, objective: Objective | None) -> str:
    """The stable name of an answer's place, shared by comments and the audit trail."""
    return f"answer:{prompt.code}:o{objective.number}" if objective else f"answer:{prompt.code}"
