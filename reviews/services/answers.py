"""Saving narrative answers without ever overwriting somebody else's work."""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from reviews import rules
from reviews.models import Answer, GuidingPrompt, Language, Objective, Review
from reviews.services.audit import audit_record
from reviews.services.errors import EditConflict, NotAllowed


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
    if original_language not in Language.values:
        original_language = Language.EN if text_en.strip() and not text_ar.strip() else Language.AR
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
                audit_record(review=review, anchor=answer_anchor(prompt, objective), user=user,
                             before=dict.fromkeys(values, ""), after=values)
                return answer
        if current.version != base_version:
            if (current.text_ar, current.text_en) == (text_ar, text_en):
                return current  # the same text saved twice (a retried request): nothing is lost
            raise EditConflict(
                _("%(name)s saved this answer while you were editing it. Your text was not saved: compare both "
                  "versions, merge them and save again.") % {"name": current.updated_by or _("Someone")},
                current=current,
            )
        before = {name: getattr(current, name) for name in values}
        texts_changed = (before["text_ar"], before["text_en"]) != (text_ar, text_en)
        extra = {"translation_verified_by": None, "translation_verified_at": None} if texts_changed else {}
        claimed = Answer.objects.filter(pk=current.pk, version=base_version).update(
            version=F("version") + 1, updated_by=user, updated_at=timezone.now(), **values, **extra
        )
        current.refresh_from_db()
        if claimed == 0:  # SQLite has no row locks: the version check above may have raced
            raise EditConflict(_("Somebody saved this answer at the same moment. Your text was not saved: "
                                 "compare both versions, merge them and save again."), current=current)
        audit_record(review=review, anchor=answer_anchor(prompt, objective), user=user, before=before, after=values)
    return current


def answer_anchor(prompt: GuidingPrompt, objective: Objective | None) -> str:
    """The stable name of an answer's place, shared by comments and the audit trail."""
    return f"answer:{prompt.code}:o{objective.number}" if objective else f"answer:{prompt.code}"
