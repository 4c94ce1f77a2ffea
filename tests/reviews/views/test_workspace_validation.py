"""Bad input in the workspace: each refusal says why, next to the field, in the user's language,
and nothing already saved is lost."""

import datetime
import html
import re

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone, translation
from django.utils.translation import gettext

from gcm_portal.middleware import FORM_OVERHEAD_BYTES
from reviews.models import Answer, Attachment, Consultation, Indicator, Policy, ReviewObjective
from tests import factories

pytestmark = pytest.mark.django_db

LANGUAGES = ["ar", "en"]
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def _in(language, english: str) -> str:
    """The message as the user should read it: the English text in English, its translation in
    Arabic (which must exist: the Arabic catalogue is complete)."""
    with translation.override(language):
        translated = gettext(english)
    if language == "ar":
        assert translated != english, f"not translated into Arabic: {english!r}"
    return translated


def _field_errors(page: str, field_id: str) -> list[str]:
    """The messages shown with one field: the input names its error block in aria-describedby."""
    field = re.search(rf'<(?:input|select|textarea)[^>]*\bid="{re.escape(field_id)}"[^>]*>', page)
    assert field is not None, f"no field {field_id} on the page"
    assert f'aria-describedby="{field_id}_error"' in field.group(0)
    block = re.search(rf'<div id="{re.escape(field_id)}_error" class="invalid-feedback">(.*?)</div>', page, re.S)
    assert block is not None, f"no error block for {field_id}"
    return [html.unescape(message) for message in re.findall(r"<strong>(.*?)</strong>", block.group(1), re.S)]


def _alerts(page: str) -> list[str]:
    return [html.unescape(text) for text in re.findall(r'<div class="alert alert-danger" role="alert">(.*?)</div>',
                                                       page, re.S)]


@pytest.fixture
def reported(review, objectives, focal_point):
    """Objective 1 reported, its stage already chosen."""
    return factories.ReviewObjectiveFactory(review=review, objective=objectives[1],
                                            stage=ReviewObjective.Stage.UNDER_WAY, updated_by=focal_point)


# --- narrative answers -------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_answer_save_over_long_text_is_refused_and_keeps_saved_text(client, review, prompts, focal_point,
                                                                    language):
    prompt = prompts["1.1"]
    factories.AnswerFactory(review=review, prompt=prompt, text_ar="النص المحفوظ", updated_by=focal_point)
    client.force_login(focal_point)
    with translation.override(language):
        try:
            forms.CharField(max_length=20000).clean("x" * 20001)
        except ValidationError as error:
            expected = error.messages

    response = client.post(f"/{language}/reviews/{review.uid}/answers/{prompt.uid}/", {
        f"p{prompt.pk}-text_ar": "ن" * 20001, f"p{prompt.pk}-text_en": "", f"p{prompt.pk}-version": 1})

    assert (response.status_code, response.json()) == (400, {"ok": False, "errors": {"text_ar": expected}})
    if language == "en":
        assert expected == ["Ensure this value has at most 20000 characters (it has 20001)."]
    else:
        assert expected != ["Ensure this value has at most 20000 characters (it has 20001)."]
    stored = Answer.objects.get(review=review, prompt=prompt)
    assert (stored.text_ar, stored.version) == ("النص المحفوظ", 1)


# --- table rows --------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_policy_with_future_year_shows_error_next_to_year(client, review, focal_point, language):
    client.force_login(focal_point)
    next_year = timezone.localdate().year + 1

    response = client.post(f"/{language}/reviews/{review.uid}/rows/policies/new/", {
        "policies-new-title": "قانون العمل", "policies-new-kind": "law", "policies-new-year": next_year,
        "policies-new-status": "adopted", "policies-new-version": 0})

    page = response.content.decode()
    assert (response.status_code, response.context["part"].number) == (200, 2)
    assert _field_errors(page, "id_policies-new-year") == [_in(language, "The year cannot be in the future.")]
    assert _alerts(page) == [_in(language, "The row was not saved: please correct the fields marked below.")]
    assert f'<html lang="{language}"' in page
    assert 'value="قانون العمل"' in page  # what the user typed is kept in the form
    assert Policy.objects.filter(review=review).count() == 0


@pytest.mark.parametrize("language", LANGUAGES)
def test_indicator_negative_percentage_shows_error_next_to_value(client, review, reported, focal_point, language):
    client.force_login(focal_point)

    response = client.post(f"/{language}/reviews/{review.uid}/rows/indicators/new/", {
        "objective": 1, "indicators-new-name": "Share of migrants with a contract", "indicators-new-unit": "%",
        "indicators-new-baseline_value": "-5", "indicators-new-baseline_year": 2020, "indicators-new-version": 0})

    page = response.content.decode()
    assert (response.status_code, response.context["objective"].number) == (200, 1)
    assert _field_errors(page, "id_indicators-new-baseline_value") == [
        _in(language, "This indicator cannot have a negative value.")]
    assert _alerts(page) == [_in(language, "The row was not saved: please correct the fields marked below.")]
    assert Indicator.objects.filter(review_objective=reported).count() == 0


@pytest.mark.parametrize("language", LANGUAGES)
def test_consultation_with_future_date_shows_error_next_to_date(client, review, focal_point, language):
    client.force_login(focal_point)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)

    response = client.post(f"/{language}/reviews/{review.uid}/rows/consultations/new/", {
        "consultations-new-held_on": tomorrow.isoformat(), "consultations-new-format": "meeting",
        "consultations-new-participants": 40, "consultations-new-summary": "ورشة التحقق الوطنية",
        "consultations-new-version": 0})

    page = response.content.decode()
    assert (response.status_code, response.context["part"].number) == (200, 1)
    assert _field_errors(page, "id_consultations-new-held_on") == [
        _in(language, "A consultation that already took place cannot have a future date.")]
    assert Consultation.objects.filter(review=review).count() == 0


@pytest.mark.parametrize("language", LANGUAGES)
def test_objective_details_without_stage_shows_error_and_keeps_stage(client, review, reported, focal_point,
                                                                     language):
    client.force_login(focal_point)

    response = client.post(f"/{language}/reviews/{review.uid}/objectives/1/details/", {
        "details-stage": "", "details-version": reported.version})

    page = response.content.decode()
    assert response.status_code == 200
    assert _field_errors(page, "id_details-stage") == [_in(language, "This field is required.")]
    assert _alerts(page) == [_in(language, "Not saved: please correct the fields marked below.")]
    stored = ReviewObjective.objects.get(pk=reported.pk)
    assert (stored.stage, stored.version) == (ReviewObjective.Stage.UNDER_WAY, reported.version)


# --- documents ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_attachment_of_wrong_type_shows_error_next_to_file(client, review, focal_point, language):
    client.force_login(focal_point)
    text_file = SimpleUploadedFile("x.pdf", b"Just some notes, not a PDF at all.\n", content_type="application/pdf")

    response = client.post(f"/{language}/reviews/{review.uid}/documents/", {"file": text_file, "description": ""})

    assert response.status_code == 200
    assert _field_errors(response.content.decode(), "id_file") == [
        _in(language, "Only PDF, Word (DOCX) and Excel (XLSX) files can be attached.")]
    assert Attachment.objects.filter(review=review).count() == 0


@pytest.mark.parametrize("language", LANGUAGES)
def test_attachment_over_the_size_limit_shows_error_next_to_file(client, review, focal_point, settings, language):
    settings.ATTACHMENT_MAX_BYTES = 1024 * 1024
    client.force_login(focal_point)
    big_pdf = SimpleUploadedFile("big.pdf", PDF + b"0" * (1024 * 1024), content_type="application/pdf")

    response = client.post(f"/{language}/reviews/{review.uid}/documents/", {"file": big_pdf, "description": ""})

    expected = _in(language, "The file is larger than %(limit)s MB.") % {"limit": 1}
    assert response.status_code == 200
    assert _field_errors(response.content.decode(), "id_file") == [expected]
    assert Attachment.objects.filter(review=review).count() == 0


def test_attachment_within_limits_is_added(client, review, focal_point, settings):
    settings.ATTACHMENT_MAX_BYTES = 1024 * 1024
    client.force_login(focal_point)

    response = client.post(f"/en/reviews/{review.uid}/documents/", {
        "file": SimpleUploadedFile("plan.pdf", PDF, content_type="application/pdf"), "description": "Plan"})

    assert response["Location"] == f"/en/reviews/{review.uid}/documents/"
    assert list(Attachment.objects.filter(review=review).values_list("original_name", "size", "content_type")) == [
        ("plan.pdf", len(PDF), "application/pdf")]


@pytest.mark.parametrize("language", LANGUAGES)
def test_attachment_body_over_the_limit_is_refused_from_its_length_before_it_is_read(review, focal_point, settings,
                                                                                     language):
    settings.ATTACHMENT_MAX_BYTES = 1024 * 1024
    client = Client(enforce_csrf_checks=True)  # refused before the CSRF check, which would read the body
    client.force_login(focal_point)
    claimed = 1024 * 1024 + FORM_OVERHEAD_BYTES + 1

    response = client.post(f"/{language}/reviews/{review.uid}/documents/", data=b"x" * 10,
                           content_type="multipart/form-data; boundary=x", CONTENT_LENGTH=str(claimed))

    expected = _in(language, "The file is larger than %(limit)s MB.") % {"limit": 1}
    assert response.status_code == 413
    assert f'<p class="alert alert-danger" role="alert">{expected}</p>' in html.unescape(response.content.decode())
    assert Attachment.objects.filter(review=review).count() == 0


def test_attachment_body_within_the_limit_and_its_form_goes_on_to_the_view(client, review, focal_point, settings):
    settings.ATTACHMENT_MAX_BYTES = 1024 * 1024
    client.force_login(focal_point)
    big_pdf = SimpleUploadedFile("big.pdf", PDF + b"0" * (1024 * 1024 - len(PDF)), content_type="application/pdf")

    response = client.post(f"/en/reviews/{review.uid}/documents/", {"file": big_pdf, "description": "Plan"})  # the body is a little over 1 MB

    assert response.status_code == 302
    assert Attachment.objects.filter(review=review).count() == 1


def test_the_upload_form_is_shown_to_those_who_may_add_documents(client, review, focal_point, contributor, egypt,
                                                                 prompts):
    """The page and the service ask the same rule: a contributor with no work assigned sees no upload form
    (the service would refuse the file), an assigned one and the focal point do."""
    assigned = factories.ContributorFactory(username="contrib-assigned", country=egypt)
    factories.AssignmentFactory(review=review, contributor=assigned, part=prompts["1.1"].part, assigned_by=focal_point)

    shown = {}
    for user in (focal_point, assigned, contributor):
        client.force_login(user)
        html = client.get(f"/en/reviews/{review.uid}/documents/").content.decode()
        shown[user.username] = 'enctype="multipart/form-data"' in html

    assert shown == {"fp-eg": True, "contrib-assigned": True, "contrib-eg": False}
