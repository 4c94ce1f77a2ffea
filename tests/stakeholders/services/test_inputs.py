import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from reviews.models import Objective, RoundTable
from reviews.services.errors import DomainError, EditConflict, NotAllowed
from stakeholders.models import StakeholderInput
from stakeholders.services.inputs import (
    input_accept,
    input_create,
    input_decline,
    input_document_add,
    input_message_add,
    input_save,
    input_submit,
    input_translation_save,
)

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def _save(item, user, *, version, text_ar="نص المدخل. جملة ثانية.", title="عنوان"):
    return input_save(stakeholder_input=item, user=user, title=title, text_ar=text_ar, text_en="",
                      original_language=None, round_tables=[RoundTable.objects.get(number=2)],
                      objectives=[Objective.objects.get(number=8)], attribution="category", base_version=version)


def test_input_create_starts_a_draft_of_the_organisation(organisation, stakeholder, open_cycle):
    item = input_create(organisation=organisation, cycle=open_cycle, user=stakeholder)

    assert (item.status, item.organisation, item.version) == ("draft", organisation, 1)


def test_input_save_writes_the_draft_and_keeps_the_language_first_written(draft, stakeholder):
    saved = _save(draft, stakeholder, version=draft.version)

    assert (saved.version, saved.original_language, saved.attribution, list(saved.round_tables.all()),
            saved.updated_by) == (2, "ar", "category", [RoundTable.objects.get(number=2)], stakeholder)


def test_input_save_on_an_old_version_is_a_conflict_carrying_what_is_stored(draft, stakeholder):
    _save(draft, stakeholder, version=1, text_ar="الأول.")

    with pytest.raises(EditConflict) as conflict:
        _save(draft, stakeholder, version=1, text_ar="الثاني.")

    assert (conflict.value.current.text_ar, StakeholderInput.objects.get(pk=draft.pk).text_ar) == ("الأول.", "الأول.")


def test_input_save_retried_with_the_same_values_saves_nothing(draft, stakeholder):
    _save(draft, stakeholder, version=1)

    again = _save(draft, stakeholder, version=1)

    assert again.version == 2


def test_input_save_by_another_organisation_is_refused(draft, other_organisation):
    with pytest.raises(NotAllowed):
        _save(draft, other_organisation.account, version=1)


def test_input_submit_locks_the_input(draft, stakeholder):
    _save(draft, stakeholder, version=1)

    submitted = input_submit(stakeholder_input=draft, user=stakeholder)

    with pytest.raises(NotAllowed):
        _save(draft, stakeholder, version=submitted.version)
    assert submitted.status == "submitted" and submitted.submitted_at is not None


def test_input_submit_asks_for_what_is_missing(draft, stakeholder):
    draft.title = ""
    draft.save()

    with translation.override("en"), pytest.raises(DomainError) as error:
        input_submit(stakeholder_input=draft, user=stakeholder)

    assert error.value.message == "Before submitting, add: a title, a round table."


def test_input_accept_and_decline_by_the_staff(accepted, reviewer, stakeholder):
    declined = input_decline(stakeholder_input=accepted, user=reviewer, reason="Off topic.")
    again = input_accept(stakeholder_input=declined, user=reviewer)

    assert (declined.status, declined.decline_reason, again.status, again.decline_reason) == (
        "declined", "Off topic.", "accepted", "")
    with pytest.raises(NotAllowed):
        input_accept(stakeholder_input=accepted, user=stakeholder)


def test_input_decline_needs_a_reason(accepted, reviewer):
    with pytest.raises(DomainError):
        input_decline(stakeholder_input=accepted, user=reviewer, reason=" ")


def test_input_thread_question_and_answer(accepted, reviewer, stakeholder, other_organisation):
    input_message_add(stakeholder_input=accepted, user=reviewer, body="Which country?")
    input_message_add(stakeholder_input=accepted, user=stakeholder, body="الأردن.")

    with pytest.raises(NotAllowed):
        input_message_add(stakeholder_input=accepted, user=other_organisation.account, body="?")
    assert [(m.author, m.body) for m in accepted.messages.all()] == [(reviewer, "Which country?"),
                                                                     (stakeholder, "الأردن.")]


def test_input_translation_keeps_the_original(accepted, reviewer):
    saved = input_translation_save(stakeholder_input=accepted, user=reviewer, text_ar=accepted.text_ar,
                                   text_en="Migrant workers need better protection.", base_version=accepted.version)

    with pytest.raises(DomainError):
        input_translation_save(stakeholder_input=accepted, user=reviewer, text_ar="تغيير", text_en="x",
                               base_version=saved.version)
    assert (saved.original_language, saved.text_en, saved.translation_status) == (
        "ar", "Migrant workers need better protection.", "draft")


def test_input_document_is_checked_like_a_review_document(draft, stakeholder):
    document = input_document_add(stakeholder_input=draft, user=stakeholder,
                                  file=SimpleUploadedFile("rapport final.pdf", PDF))

    with pytest.raises(DomainError):
        input_document_add(stakeholder_input=draft, user=stakeholder,
                           file=SimpleUploadedFile("evil.pdf", b"MZ not a pdf"))
    assert (document.original_name, document.content_type) == ("rapport_final.pdf", "application/pdf")
