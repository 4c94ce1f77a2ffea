"""The translation workspace: filling the missing language of an answer and verifying it."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from reviews import rules
from reviews.models import Answer, Language
from reviews.services.answers import answer_anchor
from reviews.services.audit import audit_record
from reviews.services.errors import NotAllowed
from reviews.services.versioned import UNVERIFIED, versioned_update


@transaction.atomic
def translation_save(*, answer: Answer, user, text: str, verified: bool, base_version: int) -> Answer:
    """Save the translation (the text in the language other than the original) and its status.

    Verifying records who vouched for it; any later change to either text clears that mark.
    Like every answer save, it is refused when the answer changed since it was loaded.
    """
    review = answer.review
    # A contributor translates only what they may edit: the parts and objectives assigned to them.
    if not rules.can_translate(user, review) or (
        rules.is_country_team_of(user, review)
        and not rules.can_edit_section(user, review, part_number=answer.prompt.part.number,
                                       objective_id=answer.objective_id)
    ):
        raise NotAllowed(_("You cannot translate this answer."))
    field = "text_en" if answer.original_language == Language.AR else "text_ar"
    before = {field: getattr(answer, field), "verified": bool(answer.translation_verified_at)}
    changes = {field: text}
    if verified and text.strip():
        changes.update(translation_verified_by=user, translation_verified_at=timezone.now())
    else:
        changes.update(UNVERIFIED)
    versioned_update(
        row=answer, base_version=base_version, user=user, values=changes,
        conflict_message=_("%(name)s changed this answer while you were translating it. Your translation was not "
                           "saved."),
    )
    audit_record(review=review, anchor=answer_anchor(answer.prompt, answer.objective), user=user, before=before,
                 after={field: text, "verified": bool(answer.translation_verified_at)})
    return answer
