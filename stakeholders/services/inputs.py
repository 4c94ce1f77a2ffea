"""An organisation's written input: written and autosaved as a draft, submitted (then locked), moderated by the
regional staff (accepted for compilation, declined with a reason, or questioned in its thread)."""

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from gcm_portal.limits import rate_limit_spend
from reviews.models import Objective, ReviewCycle, RoundTable
from reviews.models.content import original_language_of
from reviews.rules import can_follow_region
from reviews.services.attachments import ALLOWED_TYPES, attachment_check, safe_file_name
from reviews.services.errors import DomainError, NotAllowed, RateLimited
from reviews.services.versioned import UNVERIFIED, bilingual_text_update, versioned_update
from stakeholders.models import InputDocument, InputMessage, StakeholderInput, StakeholderOrganisation


def _input_conflict() -> str:
    return _("%(name)s saved this input while you were editing it. Your text was not saved: compare both "
             "versions, merge them and save again.")


def _owner_check(*, stakeholder_input: StakeholderInput, user) -> None:
    if not (user.is_active and user.is_stakeholder and stakeholder_input.organisation.account_id == user.pk):
        raise NotAllowed(_("Only the organisation that wrote this input can change it."))


def _draft_check(stakeholder_input: StakeholderInput) -> None:
    if not stakeholder_input.is_editable:
        raise NotAllowed(_("This input was submitted and can no longer be changed."))


def _staff_check(user) -> None:
    if not can_follow_region(user):
        raise NotAllowed(_("Only the regional staff moderate stakeholders' inputs."))


def _locked(stakeholder_input: StakeholderInput) -> StakeholderInput:
    return StakeholderInput.objects.select_for_update(of=("self",)).select_related("organisation").get(
        pk=stakeholder_input.pk)


def input_create(*, organisation: StakeholderOrganisation, cycle: ReviewCycle, user) -> StakeholderInput:
    """Start a draft input of an organisation taking part, for an open cycle."""
    if organisation.account_id != user.pk or organisation.status != StakeholderOrganisation.Status.APPROVED:
        raise NotAllowed(_("Only an organisation taking part in the review writes inputs."))
    if not cycle.is_open:
        raise DomainError(_("This cycle is closed: inputs can no longer be sent to it."))
    return StakeholderInput.objects.create(organisation=organisation, cycle=cycle, updated_by=user)


def input_save(*, stakeholder_input: StakeholderInput, user, title: str, text_ar: str, text_en: str,
               original_language: str | None, round_tables: list[RoundTable], objectives: list[Objective],
               attribution: str, base_version: int) -> StakeholderInput:
    """Autosave a draft if nobody changed it since the editor loaded it (`base_version`): EditConflict carries
    what is stored now, so the editor can merge; nothing is overwritten. A retried request that finds its own
    values already stored saves nothing."""
    _owner_check(stakeholder_input=stakeholder_input, user=user)
    original_language = original_language_of(original_language=original_language, text_ar=text_ar, text_en=text_en)
    values = {"title": title, "attribution": attribution, "text_ar": text_ar, "text_en": text_en,
              "original_language": original_language}
    with transaction.atomic():
        row = _locked(stakeholder_input)
        _draft_check(row)
        if row.version == base_version or any(getattr(row, name) != value for name, value in values.items()):
            texts_changed = (row.text_ar, row.text_en) != (text_ar, text_en)
            versioned_update(row=row, base_version=base_version, user=user, conflict_message=_input_conflict(),
                             values={**values, **(UNVERIFIED if texts_changed else {})})
        row.round_tables.set(round_tables)
        row.objectives.set(objectives)
    return row


@transaction.atomic
def input_submit(*, stakeholder_input: StakeholderInput, user) -> StakeholderInput:
    """Submit a draft to the regional staff: it needs a title, a text and a round table; from now on it is
    locked (the staff may add its translation)."""
    _owner_check(stakeholder_input=stakeholder_input, user=user)
    row = _locked(stakeholder_input)
    _draft_check(row)
    if not row.cycle.is_open:
        raise DomainError(_("This cycle is closed: inputs can no longer be sent to it."))
    missing = [label for label, empty in ((_("a title"), not row.title.strip()), (_("a text"), not row.is_written),
                                          (_("a round table"), not row.round_tables.exists())) if empty]
    if missing:
        separator = "، " if (get_language() or "").startswith("ar") else ", "
        raise DomainError(_("Before submitting, add: %(missing)s.") % {"missing": separator.join(missing)})
    row.status, row.submitted_at = StakeholderInput.Status.SUBMITTED, timezone.now()
    row.save(update_fields=["status", "submitted_at"])
    return row


@transaction.atomic
def input_accept(*, stakeholder_input: StakeholderInput, user) -> StakeholderInput:
    """Accept a submitted (or earlier declined) input for compilation: it appears in the compilations and the
    synthesis editor may quote it."""
    _staff_check(user)
    row = _locked(stakeholder_input)
    if row.status not in (StakeholderInput.Status.SUBMITTED, StakeholderInput.Status.DECLINED):
        raise DomainError(_("Only a submitted input can be accepted."))
    row.status, row.decline_reason = StakeholderInput.Status.ACCEPTED, ""
    row.decided_by, row.decided_at = user, timezone.now()
    row.save(update_fields=["status", "decline_reason", "decided_by", "decided_at"])
    return row


@transaction.atomic
def input_decline(*, stakeholder_input: StakeholderInput, user, reason: str) -> StakeholderInput:
    """Decline a submitted input, saying why: the organisation reads the reason. An input already quoted in the
    synthesis is declined only once its quotes are removed (the report would quote it otherwise)."""
    _staff_check(user)
    if not reason.strip():
        raise DomainError(_("Say why the input is declined: the organisation reads it."))
    row = _locked(stakeholder_input)
    if row.status not in (StakeholderInput.Status.SUBMITTED, StakeholderInput.Status.ACCEPTED):
        raise DomainError(_("Only a submitted input can be declined."))
    if row.quotes.exists():
        raise DomainError(_("This input is quoted in the synthesis: remove its quotes before declining it."))
    row.status, row.decline_reason = StakeholderInput.Status.DECLINED, reason.strip()
    row.decided_by, row.decided_at = user, timezone.now()
    row.save(update_fields=["status", "decline_reason", "decided_by", "decided_at"])
    return row


def input_message_add(*, stakeholder_input: StakeholderInput, user, body: str) -> InputMessage:
    """A message in an input's thread: the staff ask a question of a submitted input, the organisation answers."""
    is_owner = user.is_stakeholder and stakeholder_input.organisation.account_id == user.pk
    if not (is_owner or can_follow_region(user)):
        raise NotAllowed(_("You cannot write in this input's thread."))
    if stakeholder_input.status == StakeholderInput.Status.DRAFT:
        raise DomainError(_("Questions are asked once the input is submitted."))
    if not body.strip():
        raise DomainError(_("Write a message first."))
    if not rate_limit_spend(scope="comment", key=str(user.pk), limit=settings.COMMENTS_PER_MINUTE, period=60):
        raise RateLimited(_("You have posted many messages in the last minute. Wait a moment and try again."))
    return InputMessage.objects.create(stakeholder_input=stakeholder_input, author=user, body=body.strip())


def input_translation_save(*, stakeholder_input: StakeholderInput, user, text_ar: str, text_en: str,
                           base_version: int) -> StakeholderInput:
    """The regional staff add (or correct) the translation of a submitted input; the original text stays as
    the organisation wrote it."""
    _staff_check(user)
    if stakeholder_input.status == StakeholderInput.Status.DRAFT:
        raise NotAllowed(_("A draft input is the organisation's own work."))
    original = stakeholder_input.original_language
    if (text_ar, text_en)[0 if original == "ar" else 1] != getattr(stakeholder_input, f"text_{original}"):
        raise DomainError(_("The original text is the organisation's: only its translation can be changed."))
    with transaction.atomic():
        row = _locked(stakeholder_input)
        bilingual_text_update(row=row, base_version=base_version, user=user, conflict_message=_input_conflict(),
                              values={"text_ar": text_ar, "text_en": text_en, "original_language": original})
    return row


def input_document_add(*, stakeholder_input: StakeholderInput, user, file: UploadedFile) -> InputDocument:
    """A supporting document for a draft: PDF, Word or Excel, checked by its content like a review's documents."""
    _owner_check(stakeholder_input=stakeholder_input, user=user)
    _draft_check(stakeholder_input)
    extension = attachment_check(file)
    name = safe_file_name(file.name, extension)
    file.name = name
    return InputDocument.objects.create(stakeholder_input=stakeholder_input, file=file, original_name=name,
                                        content_type=ALLOWED_TYPES[extension], size=file.size, uploaded_by=user)
