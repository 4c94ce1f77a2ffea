"""The stakeholders' forms: the public request to take part (with its anti-abuse checks), the organiser's
invitation, an input's editor (the shape of every bilingual text with autosave), moderation and filters."""

import time

from django import forms
from django.conf import settings
from django.core import signing
from django.utils.translation import gettext_lazy as _

from gcm_portal.validators import SafeInputFormMixin
from reviews.forms import AnswerForm
from reviews.models import Country, Objective, RoundTable, StakeholderCategory
from stakeholders.models import StakeholderInput, StakeholderOrganisation

_FORM_CLOCK_SALT = "stakeholders.join.started"


class OrganisationForm(SafeInputFormMixin, forms.ModelForm):
    class Meta:
        model = StakeholderOrganisation
        fields = ["name_ar", "name_en", "category", "countries", "contact_name", "contact_email", "website"]
        widgets = {"name_ar": forms.TextInput(attrs={"dir": "rtl", "lang": "ar"}),
                   "name_en": forms.TextInput(attrs={"dir": "ltr", "lang": "en"}),
                   "contact_email": forms.EmailInput(attrs={"dir": "ltr"}),
                   "website": forms.URLInput(attrs={"dir": "ltr"}),
                   "countries": forms.CheckboxSelectMultiple}

    def clean(self):
        data = super().clean()
        if not (data.get("name_ar", "").strip() or data.get("name_en", "").strip()):
            self.add_error("name_ar", _("Give the organisation's name in Arabic, in English or both."))
        return data


class JoinForm(OrganisationForm):
    """The public request to take part. No CAPTCHA: a field people do not see and robots fill in (`fax`), and
    the moment the form was shown, signed, so a post faster than STAKEHOLDER_JOIN_MIN_SECONDS is refused."""

    fax = forms.CharField(required=False, label=_("Leave this field empty"),
                          widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}))
    started = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["started"].initial = signing.dumps(time.time(), salt=_FORM_CLOCK_SALT)

    def clean(self):
        data = super().clean()
        refused = _("The request could not be accepted. Please fill in the form again.")
        if data.get("fax"):
            raise forms.ValidationError(refused)
        try:
            started = signing.loads(data.get("started", ""), salt=_FORM_CLOCK_SALT, max_age=24 * 3600)
        except signing.BadSignature:
            raise forms.ValidationError(refused) from None
        if time.time() - float(started) < settings.STAKEHOLDER_JOIN_MIN_SECONDS:
            raise forms.ValidationError(_("That was quick: please check what you wrote and send the form again."))
        return data


class InviteForm(OrganisationForm):
    username = forms.CharField(label=_("Username of the organisation's account"), max_length=150)


class ApproveForm(SafeInputFormMixin, forms.Form):
    username = forms.CharField(label=_("Username of the organisation's account"), max_length=150)


class InputForm(AnswerForm):
    """An input's editor: the bilingual text (autosaved like an answer) with its title, what it addresses and
    how the report may cite the organisation."""

    class Meta(AnswerForm.Meta):
        model = StakeholderInput
        fields = ["title", "text_ar", "text_en", "original_language", "round_tables", "objectives", "attribution"]
        widgets = {**AnswerForm.Meta.widgets, "round_tables": forms.CheckboxSelectMultiple,
                   "objectives": forms.CheckboxSelectMultiple, "attribution": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["round_tables"].queryset = RoundTable.objects.order_by("number")
        self.fields["objectives"].queryset = Objective.objects.order_by("number")
        self.fields["title"].widget.attrs["dir"] = "auto"
        for name in ("round_tables", "objectives", "attribution"):
            self.fields[name].widget.attrs["class"] = "form-check-input"


class TranslationForm(AnswerForm):
    """The staff's translation of a submitted input, in the editor of every bilingual text."""

    class Meta(AnswerForm.Meta):
        model = StakeholderInput


class DeclineForm(SafeInputFormMixin, forms.Form):
    reason = forms.CharField(label=_("Why is the input declined?"), max_length=2000, widget=forms.Textarea(
        attrs={"rows": 3, "dir": "auto", "class": "form-control"}))


class MessageForm(SafeInputFormMixin, forms.Form):
    body = forms.CharField(label=_("Message"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}))


class CompilationFilterForm(SafeInputFormMixin, forms.Form):
    round_table = forms.ModelChoiceField(RoundTable.objects.order_by("number"), required=False,
                                         label=_("Round table"))
    objective = forms.ModelChoiceField(Objective.objects.order_by("number"), required=False, label=_("Objective"))
    category = forms.ModelChoiceField(StakeholderCategory.objects.all(), required=False, label=_("Category"))
    country = forms.ModelChoiceField(Country.objects.all(), required=False, label=_("Country"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs["class"] = "form-select form-select-sm"
