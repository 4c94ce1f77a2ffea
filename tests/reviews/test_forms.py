"""Input safety of every form the country teams and organisers fill in: a length limit on each text
field (the model's own for a model form), unreadable characters refused, web addresses without direction
controls. The request-level check (gcm_portal.middleware) refuses the same characters before a view runs;
these limits hold for any other caller of the forms too."""

import inspect
import pkgutil
from importlib import import_module

import pytest
from django import forms as django_forms
from django.utils import translation

from accounts import forms as account_forms
from gcm_portal.validators import validate_no_bidi_controls, validate_readable_text
from reviews import forms as review_forms
from reviews.models.content import TEXT_MAX
from reviews.services.synthesis import synthesis_chapters_ensure

pytestmark = pytest.mark.django_db

FORM_MODULES = [account_forms] + [import_module(f"reviews.forms.{info.name}")
                                  for info in pkgutil.iter_modules(review_forms.__path__)]
FORM_CLASSES = sorted(
    {cls for module in FORM_MODULES for _name, cls in inspect.getmembers(module, inspect.isclass)
     if issubclass(cls, django_forms.BaseForm) and cls.__module__ == module.__name__
     and cls not in (review_forms.VersionedModelForm, review_forms.FilterForm)},
    key=lambda cls: cls.__name__,
)


def _instantiate(cls, review, user):
    parameters = inspect.signature(cls.__init__).parameters
    if "chapter" in parameters:
        return cls(user=user, chapter=synthesis_chapters_ensure(cycle=review.cycle)[0], prompts=[])
    if "language" in parameters:
        return cls(language="en")
    if "sentence_count" in parameters:
        return cls(sentence_count=3, version=0)
    if "user" in parameters:
        return cls(user=user)
    return cls(review=review) if "review" in parameters else cls()


def _text_fields(form):
    return {name: field for name, field in form.fields.items()
            if isinstance(field, django_forms.CharField) and not isinstance(field.widget, django_forms.HiddenInput)
            and not field.disabled}


def test_the_forms_checked_are_every_form_of_the_project():
    assert [cls.__name__ for cls in FORM_CLASSES] == [
        "AnswerForm", "AssignmentForm", "AttachmentForm", "CitationForm", "CompilationFilterForm",
        "ConsultationForm", "DashboardFilterForm", "ExportForm", "GoodPracticeForm", "GovernmentEntityForm",
        "HighlightForm", "IndicatorForm", "KeyMessageForm", "ObjectiveDetailsForm", "ObjectivesChoiceForm", "PlanForm",
        "PlannedActionForm", "PolicyForm",
        "ReportRequestForm", "SearchForm", "SubmitForm", "SynthesisTextForm", "TransitionForm", "TranslationFilterForm",
        "TranslationForm", "TwoFactorCodeForm",
        "TwoFactorPolicyForm", "UserForm", "WordApplyForm", "WordImportForm"]


@pytest.mark.parametrize("form_class", FORM_CLASSES, ids=lambda cls: cls.__name__)
def test_every_text_field_has_a_length_limit_as_long_as_the_model_allows(form_class, review, reviewer):
    form = _instantiate(form_class, review, reviewer)
    model = getattr(getattr(form_class, "_meta", None), "model", None)

    limits = {name: field.max_length for name, field in _text_fields(form).items()}

    assert all(isinstance(limit, int) and limit > 0 for limit in limits.values()), limits
    if model is not None:
        assert limits == {name: model._meta.get_field(name).max_length for name in limits}


@pytest.mark.parametrize("form_class", FORM_CLASSES, ids=lambda cls: cls.__name__)
def test_every_field_refuses_unreadable_text_direction_controls_in_links_and_huge_ids(form_class, review,
                                                                                      reviewer):
    form = _instantiate(form_class, review, reviewer)

    fields = _text_fields(form)

    assert all(validate_readable_text in field.validators for field in fields.values())
    assert all(validate_no_bidi_controls in field.validators for field in fields.values()
               if isinstance(field, django_forms.URLField))
    assert all(field.clean.__name__ == "clean_refusing_huge_ids" for field in form.fields.values()
               if isinstance(field, django_forms.ModelChoiceField) and field.to_field_name is None)


@pytest.mark.parametrize(("language", "message"), [
    ("en", "Ensure this value has at most 20000 characters (it has 20001)."),
    ("ar", "تأكد أن هذه القيمة تحتوي على 20000 حرف أو رمز على الأكثر (هي تحتوي حالياً على 20001)."),
])
def test_answer_form_refuses_a_text_over_the_limit_in_the_language(language, message):
    with translation.override(language):
        form = review_forms.AnswerForm({"text_ar": "ن" * (TEXT_MAX + 1), "text_en": "", "version": 0})
        errors = [str(error) for error in form.errors["text_ar"]]

    assert errors == [message]


def test_answer_form_refuses_a_lone_surrogate_and_keeps_arabic_marks():
    refused = review_forms.AnswerForm({"text_ar": "نص \ud800", "text_en": "", "version": 0})
    accepted = review_forms.AnswerForm({"text_ar": "\u200fنص\u200f", "text_en": "<b>bold</b>", "version": 0})

    assert ([error.code for error in refused.errors.as_data()["text_ar"]], accepted.is_valid()) == (
        ["unreadable"], True)
    assert accepted.cleaned_data["text_en"] == "<b>bold</b>"  # stored as written, escaped when shown


@pytest.mark.parametrize("link", [
    "https://www.iom.int\u202e/moc.elgoog", "https://\u2067example.org\u2069/", "https://example.org/\u200f",
])
def test_policy_and_practice_links_refuse_direction_controls(review, link):
    policy = review_forms.PolicyForm({"title": "Law", "kind": "law", "status": "adopted", "link": link},
                                     review=review)
    practice = review_forms.GoodPracticeForm({"title": "P", "description": "D", "link": link})

    assert ([e.code for e in policy.errors.as_data()["link"]], [e.code for e in practice.errors.as_data()["link"]]) \
        == (["bidi"], ["bidi"])


def test_links_accept_only_web_addresses(review):
    form = review_forms.PolicyForm({"title": "Law", "kind": "law", "status": "adopted",
                                    "link": "javascript:alert(document.cookie)"}, review=review)

    assert [e.code for e in form.errors.as_data()["link"]] == ["invalid"]


def test_key_message_form_takes_the_texts_and_objectives_within_the_key_messages_limit(reference):
    objectives = [str(pk) for pk in review_forms.KeyMessageForm().fields["objectives"].queryset.filter(
        number__in=(2, 7)).values_list("pk", flat=True)]
    too_long = review_forms.KeyMessageForm({"text_ar": "ن" * 1501, "text_en": "", "version": 1})
    new = review_forms.KeyMessageForm({"text_ar": "نص", "text_en": "", "objectives": objectives})

    assert (too_long.is_valid(), list(too_long.errors)) == (False, ["text_ar"])
    assert (new.is_valid(), [objective.number for objective in new.cleaned_data["objectives"]],
            new.cleaned_data["version"]) == (True, [2, 7], None)


@pytest.mark.parametrize(("first", "last", "valid", "errors"), [
    ("0", "2", True, {}),
    ("1", "1", True, {}),
    ("2", "0", False, {"__all__": ["The first sentence comes before the last one, or is the same."]}),
    ("0", "3", False, {"last_sentence": ["Select a valid choice. 3 is not one of the available choices."]}),
    ("x", "0", False, {"first_sentence": ["Select a valid choice. x is not one of the available choices."]}),
])
def test_highlight_form_offers_the_answers_sentences_only(english, first, last, valid, errors):
    form = review_forms.HighlightForm({"first_sentence": first, "last_sentence": last, "version": "0"},
                                      sentence_count=3, version=0)

    messages = {name: [error["message"] for error in found] for name, found in form.errors.get_json_data().items()}
    assert (form.is_valid(), messages) == (valid, errors)
    assert [label for _value, label in form.fields["first_sentence"].choices] == ["1", "2", "3"]
