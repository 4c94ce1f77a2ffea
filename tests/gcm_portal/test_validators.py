import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.utils import translation

from gcm_portal.validators import (
    BIDI_CONTROLS,
    SafeInputFormMixin,
    has_unreadable_characters,
    isolate,
    link_host,
    strip_bidi_controls,
    validate_no_bidi_controls,
    validate_readable_text,
)
from reviews.models import Objective


def test_bidi_controls_are_the_embeddings_overrides_isolates_and_marks():
    assert sorted(f"{ord(c):04X}" for c in BIDI_CONTROLS) == [
        "061C", "200E", "200F", "202A", "202B", "202C", "202D", "202E", "2066", "2067", "2068", "2069"]


@pytest.mark.parametrize(("text", "unreadable"), [
    ("نص عربي مع تشكيل: نصٌّ", False),
    ("\u200fالمادة\u200f 5", False),  # direction marks are ordinary in Arabic text
    ("tab\tand\nnew line", False),
    ("nul\x00", True),
    ("lone \ud800 surrogate", True),
    ("low \udfff surrogate", True),
    ("replacement \ufffd from bad UTF-8", True),
])
def test_has_unreadable_characters(text, unreadable):
    assert has_unreadable_characters(text) is unreadable


@pytest.mark.parametrize(("language", "message"), [
    ("en", "This text contains characters that cannot be stored (a null character or text that is not valid "
           "Unicode). Remove them, or paste the text again as plain text."),
    ("ar", "يحتوي هذا النص على محارف لا يمكن حفظها (محرف فارغ أو نص ليس بترميز يونيكود صالح). "
           "احذفها، أو الصق النص مرة أخرى نصًّا عاديًّا."),
])
def test_validate_readable_text_refuses_in_the_language(language, message):
    with translation.override(language):
        with pytest.raises(ValidationError) as error:
            validate_readable_text("x\ud83dy")
        messages = error.value.messages

    assert messages == [message]


def test_strip_bidi_controls_keeps_the_letters():
    assert strip_bidi_controls("invoice\u202efdp.exe \u2067عربي\u2069\u061c") == "invoicefdp.exe عربي"


@pytest.mark.parametrize("url", ["https://gov.example\u202e/moc.live", "https://\u200fexample.org/",
                                 "https://x.org/\u2066a"])
def test_validate_no_bidi_controls_refuses_a_disguised_address(url):
    with translation.override("ar"):
        with pytest.raises(ValidationError) as error:
            validate_no_bidi_controls(url)
        messages = error.value.messages

    assert messages == ["لا يمكن أن تحتوي عناوين المواقع على محارف التحكم في الاتجاه: اكتب العنوان من جديد."]


def test_isolate_wraps_a_name_in_first_strong_isolate_without_inner_controls():
    assert isolate("fp\u202e-eg") == "\u2068fp-eg\u2069"


@pytest.mark.parametrize(("url", "host"), [
    ("https://www.iom.int/ar/page", "www.iom.int"),
    ("https://user:pw@example.org:8443/x", "example.org"),
    ("https://مثال.مصر/صفحة", "xn--mgbh0fb.xn--wgbh1c"),  # shown in IDNA: no look-alike letters
    ("https://example.org\u202e/moc.vog", "example.org"),
    ("not a url", ""),
])
def test_link_host_shows_the_real_host(url, host):
    assert link_host(url) == host


class _Form(SafeInputFormMixin, forms.Form):
    name = forms.CharField(max_length=20)
    link = forms.URLField(max_length=100, required=False)
    count = forms.IntegerField(required=False)


@pytest.mark.parametrize(("data", "errors"), [
    ({"name": "سليم", "link": "https://example.org/"}, {}),
    ({"name": "a\ufffdb"}, {"name": ["unreadable"]}),
    ({"name": "a\x00b"}, {"name": ["null_characters_not_allowed", "unreadable"]}),
    ({"name": "ok", "link": "https://exa\u202emple.org/"}, {"link": ["bidi"]}),
    ({"name": "ok", "link": "javascript:alert(1)"}, {"link": ["invalid"]}),
    ({"name": "x" * 21}, {"name": ["max_length"]}),
])
def test_safe_text_form_mixin_checks_every_text_field(data, errors):
    form = _Form(data)

    assert form.is_valid() is (not errors)
    assert {name: [error.code for error in field_errors] for name, field_errors in form.errors.as_data().items()} \
        == errors


class _ChoiceForm(SafeInputFormMixin, forms.Form):
    one = forms.ModelChoiceField(queryset=Objective.objects.all(), required=False)
    many = forms.ModelMultipleChoiceField(queryset=Objective.objects.all(), required=False)


@pytest.mark.django_db
def test_safe_input_form_mixin_accepts_existing_ids(reference):
    first, second = Objective.objects.order_by("number").values_list("pk", flat=True)[:2]
    form = _ChoiceForm({"one": str(first), "many": [str(first), str(second)]})

    assert (form.is_valid(), form.cleaned_data["one"].number, [o.number for o in form.cleaned_data["many"]]) == (
        True, 1, [1, 2])


@pytest.mark.django_db
@pytest.mark.parametrize(("data", "errors"), [
    ({"one": "99999999999999999999"}, {"one": ["invalid_choice"]}),
    ({"many": ["99999999999999999999", "1"]}, {"many": ["invalid_pk_value"]}),
    ({"one": "9223372036854775807", "many": ["9223372036854775807"]},  # the largest id: simply not found
     {"one": ["invalid_choice"], "many": ["invalid_choice"]}),
])
def test_safe_input_form_mixin_refuses_ids_no_database_holds(reference, data, errors):
    form = _ChoiceForm(data)

    assert {name: [error.code for error in field_errors] for name, field_errors in form.errors.as_data().items()} \
        == errors
