"""Quoting an accepted input in a round-table chapter of the synthesis: the shape of a country highlight (a
range of sentences of the text in its original language, chosen in a picker, versioned), recorded in the
synthesis's audit trail."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from reviews.models import SynthesisChapter
from reviews.selectors.passages import sentences
from reviews.services.audit import synthesis_audit_record
from reviews.services.errors import DomainError, EditConflict, NotAllowed
from reviews.services.synthesis import synthesis_write_check
from reviews.services.versioned import versioned_update
from stakeholders.models import InputQuote, StakeholderInput
from stakeholders.selectors import inputs_visible_to


def input_sentences(stakeholder_input: StakeholderInput) -> tuple[str, list[str]]:
    """(language, sentences) of an input in its original language (the other one when that is empty): what
    the picker numbers and a chosen range is checked against."""
    original = stakeholder_input.original_language
    for language in (original, "en" if original == "ar" else "ar"):
        found = sentences(getattr(stakeholder_input, f"text_{language}"))
        if found:
            return language, found
    return "", []


def _quote_field(stakeholder_input: StakeholderInput) -> str:
    return f"stakeholder/{stakeholder_input.uid}"


def _quote_label(quote: InputQuote | None) -> str:
    return "" if quote is None else f"{quote.first_sentence + 1}-{quote.last_sentence + 1}"


def _quotable_check(*, chapter: SynthesisChapter, stakeholder_input: StakeholderInput, user) -> None:
    synthesis_write_check(user)
    if not chapter.is_round_table:
        raise DomainError(_("Stakeholders' inputs are quoted in the round-table chapters."))
    visible = inputs_visible_to(user).filter(pk=stakeholder_input.pk, cycle_id=chapter.cycle_id,
                                             status=StakeholderInput.Status.ACCEPTED)
    if not visible.exists():
        raise NotAllowed(_("Only an input accepted for this cycle's compilation can be quoted."))


@transaction.atomic
def input_quote_choose(*, chapter: SynthesisChapter, stakeholder_input: StakeholderInput, first_sentence: int,
                       last_sentence: int, base_version: int, user) -> InputQuote:
    """Quote sentences `first_sentence` to `last_sentence` (counted from 0) of an accepted input in a round-table
    chapter's "Stakeholder perspectives". `base_version` is the quote's version the page showed, 0 for none: a
    quote chosen meanwhile by somebody else raises EditConflict carrying it."""
    _quotable_check(chapter=chapter, stakeholder_input=stakeholder_input, user=user)
    _language, parts = input_sentences(stakeholder_input)
    if not 0 <= first_sentence <= last_sentence < len(parts):
        raise DomainError(_("Choose sentences between 1 and %(count)s, the first no later than the last.")
                          % {"count": len(parts)})
    conflict = _("%(name)s chose another passage of this input while you were choosing. Look at their choice and "
                 "choose again if you still prefer yours.")
    values = {"first_sentence": first_sentence, "last_sentence": last_sentence}
    stored = InputQuote.objects.select_for_update().filter(chapter=chapter, stakeholder_input=stakeholder_input).first()
    before = _quote_label(stored)
    if stored is None:
        if base_version != 0:
            raise EditConflict(_("Somebody removed this quote while you were choosing. Choose again if you still "
                                 "want to quote it."), current=None)
        try:
            with transaction.atomic():
                quote = InputQuote.objects.create(chapter=chapter, stakeholder_input=stakeholder_input,
                                                  updated_by=user, **values)
        except IntegrityError as error:  # quoted by somebody else at the same moment
            stored = InputQuote.objects.select_related("updated_by").get(chapter=chapter,
                                                                         stakeholder_input=stakeholder_input)
            raise EditConflict(conflict % {"name": stored.updated_by or _("Someone")}, current=stored) from error
    else:
        quote = versioned_update(row=stored, base_version=base_version, user=user, values=values,
                                 conflict_message=conflict)
    synthesis_audit_record(chapter=chapter, objective=None, user=user,
                           before={_quote_field(stakeholder_input): before},
                           after={_quote_field(stakeholder_input): _quote_label(quote)})
    return quote


@transaction.atomic
def input_quote_remove(*, quote: InputQuote, base_version: int, user) -> None:
    """Stop quoting an input in a chapter, if the quote is still the one the page showed (`base_version`)."""
    synthesis_write_check(user)
    stored = (InputQuote.objects.select_for_update(of=("self",)).select_related("updated_by", "stakeholder_input")
              .filter(pk=quote.pk).first())
    if stored is None:
        return  # already removed: nothing to record
    if stored.version != base_version:
        raise EditConflict(_("%(name)s chose another passage of this input since you loaded the page. Look at "
                             "their choice before removing it.") % {"name": stored.updated_by or _("Someone")},
                           current=stored)
    synthesis_audit_record(chapter=quote.chapter, objective=None, user=user,
                           before={_quote_field(stored.stakeholder_input): _quote_label(stored)},
                           after={_quote_field(stored.stakeholder_input): ""})
    stored.delete()
