"""Country highlights: the passage of a country's last submitted answer the report quotes under an objective,
when a reviewer chooses one (the default is the first sentence: selectors/passages.py)."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from reviews.models import CountryHighlight, ObjectiveSynthesis, Review
from reviews.selectors.compilation import compiled_reviews
from reviews.selectors.passages import answer_sentences, latest_contents, objective_prompt_codes
from reviews.services.audit import synthesis_audit_record
from reviews.services.errors import DomainError, EditConflict, NotAllowed
from reviews.services.synthesis import synthesis_review_check, synthesis_write_check
from reviews.services.versioned import versioned_update


def _highlight_label(highlight: CountryHighlight | None) -> str:
    """A choice as the audit trail keeps it: the prompt and the sentences, counted from 1; "" for the default."""
    if highlight is None:
        return ""
    return f"{highlight.prompt_code} {highlight.first_sentence + 1}-{highlight.last_sentence + 1}"


def _highlight_field(review: Review) -> str:
    return f"highlight/{review.country.iso2}"


def _highlight_review_checked(*, section: ObjectiveSynthesis, review: Review, user) -> dict:
    """The content of `review`'s last submitted version, once it is sure to be one the section may quote: a
    review of the cycle the user sees, compiled in the regional report, that reports the section's objective."""
    compiled = compiled_reviews(user=user, cycle=section.chapter.cycle)
    if not compiled.filter(pk=review.pk).exists():
        raise NotAllowed(_("This review is not one of the cycle's reviews you can see."))
    content = latest_contents([review.pk]).get(review.pk, {})
    if section.objective.number not in {row["objective"] for row in content.get("objectives", [])}:
        raise DomainError(_("%(country)s does not report on objective %(number)s in its last submitted version.")
                          % {"country": review.country, "number": section.objective.number})
    return content


@transaction.atomic
def highlight_choose(*, section: ObjectiveSynthesis, review: Review, prompt_code: str, first_sentence: int,
                     last_sentence: int, base_version: int, user) -> CountryHighlight:
    """Choose the passage the report quotes for a country under an objective: sentences `first_sentence` to
    `last_sentence` (counted from 0) of the country's last submitted answer to one of the objective prompts.

    `base_version` is the choice's version the page showed, 0 when it showed the default: a choice made
    meanwhile by somebody else raises EditConflict carrying it. The range must lie within the answer's
    sentences, counted in the answer's original language, as the picker shows them.
    """
    synthesis_write_check(user)
    content = _highlight_review_checked(section=section, review=review, user=user)
    if prompt_code not in objective_prompt_codes(section.chapter.cycle_id):
        raise DomainError(_("Question %(code)s is not one of the questions asked for each objective.")
                          % {"code": prompt_code})
    _language, parts = answer_sentences(content, code=prompt_code, objective=section.objective.number)
    count = len(parts)
    if count == 0:
        raise DomainError(_("%(country)s did not answer question %(code)s on this objective.")
                          % {"country": review.country, "code": prompt_code})
    if not 0 <= first_sentence <= last_sentence < count:
        raise DomainError(_("Choose sentences between 1 and %(count)s, the first no later than the last.")
                          % {"count": count})
    conflict = _("%(name)s chose another passage for this country while you were choosing. Look at their choice "
                 "and choose again if you still prefer yours.")
    values = {"prompt_code": prompt_code, "first_sentence": first_sentence, "last_sentence": last_sentence}
    stored = CountryHighlight.objects.select_for_update().filter(section=section, review=review).first()
    before = _highlight_label(stored)
    if stored is None:
        if base_version != 0:
            raise EditConflict(_("Somebody went back to the default passage for this country while you were "
                                 "choosing. Choose again if you still prefer yours."), current=None)
        try:
            with transaction.atomic():
                highlight = CountryHighlight.objects.create(section=section, review=review, updated_by=user, **values)
        except IntegrityError as error:  # chosen by somebody else at the same moment
            stored = CountryHighlight.objects.select_related("updated_by").get(section=section, review=review)
            raise EditConflict(conflict % {"name": stored.updated_by or _("Someone")}, current=stored) from error
    else:
        highlight = versioned_update(row=stored, base_version=base_version, user=user, values=values,
                                     conflict_message=conflict)
    synthesis_audit_record(chapter=section.chapter, objective=section.objective, user=user,
                           before={_highlight_field(review): before},
                           after={_highlight_field(review): _highlight_label(highlight)})
    return highlight


@transaction.atomic
def highlight_reset(*, section: ObjectiveSynthesis, review: Review, base_version: int, user) -> None:
    """Go back to the default passage for a country under an objective (the first sentence of its answer to
    the objective's first question), if the choice is still the one the page showed (`base_version`)."""
    synthesis_write_check(user)
    synthesis_review_check(review=review, chapter=section.chapter, user=user)
    stored = (CountryHighlight.objects.select_for_update(of=("self",)).select_related("updated_by")
              .filter(section=section, review=review).first())
    if stored is None:
        return  # already the default: nothing to record
    if stored.version != base_version:
        raise EditConflict(_("%(name)s chose another passage for this country since you loaded the page. Look "
                             "at their choice before going back to the default.")
                           % {"name": stored.updated_by or _("Someone")}, current=stored)
    synthesis_audit_record(chapter=section.chapter, objective=section.objective, user=user,
                           before={_highlight_field(review): _highlight_label(stored)},
                           after={_highlight_field(review): ""})
    stored.delete()
