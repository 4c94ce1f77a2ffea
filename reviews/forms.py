"""Forms of the country workspace: they validate and clean; views hand cleaned_data to services."""

from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gcm_portal.validators import SafeInputFormMixin
from reviews.models import (
    Answer,
    Consultation,
    GoodPractice,
    GovernmentEntity,
    Indicator,
    Language,
    Objective,
    PlannedAction,
    PlanStatus,
    Policy,
    ReviewObjective,
    SynthesisChapter,
)

# Units for which a negative value cannot be right (a share, a count, a rate, a score).
NON_NEGATIVE_UNITS = {"%", "count", "persons", "per 100,000", "score", "usd", "number"}


def _no_future_year(year):
    if year is not None and year > timezone.localdate().year:
        raise forms.ValidationError(_("The year cannot be in the future."))
    return year


class AnswerForm(SafeInputFormMixin, forms.ModelForm):
    """The form of a bilingual text, an answer's here (SynthesisTextForm differs only in its model):
    the fields, their labels and length limits come from the model, and templates/includes/
    bilingual_text_form.html renders it for static/js/autosave.js. Views hand cleaned_data to a service."""

    version = forms.IntegerField(min_value=0, widget=forms.HiddenInput)

    class Meta:
        model = Answer
        fields = ["text_ar", "text_en", "original_language"]
        labels = {"text_ar": _("Arabic"), "text_en": _("English"), "original_language": _("Original language")}
        widgets = {"text_ar": forms.Textarea(attrs={"dir": "rtl", "lang": "ar"}),
                   "text_en": forms.Textarea(attrs={"dir": "ltr", "lang": "en"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("text_ar", "text_en"):
            self.fields[name].strip = False
        # Left empty, the service takes the first language written ("automatic").
        self.fields["original_language"].required = False
        self.fields["original_language"].choices = [("", _("automatic")), *Language.choices]
        if not self.instance.is_written:
            self.initial["original_language"] = ""
        self.fields["version"].initial = self.instance.version if self.instance.pk else 0

    @property
    def texts(self) -> list:
        return [self["text_ar"], self["text_en"]]


class SynthesisTextForm(AnswerForm):
    """A text of the regional synthesis (a chapter's or an objective's): the same form, the synthesis's length."""

    class Meta(AnswerForm.Meta):
        model = SynthesisChapter


class VersionedModelForm(SafeInputFormMixin, forms.ModelForm):
    """A table row's form: carries the version the user loaded, for the no-lost-update check."""

    version = forms.IntegerField(min_value=0, widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = self.instance.version if self.instance.pk else 0
        for name, field in self.fields.items():
            if isinstance(field.widget, forms.CheckboxSelectMultiple):
                field.widget.attrs["class"] = "checkbox-columns"
            if isinstance(field, forms.CharField) and not isinstance(field.widget, forms.HiddenInput):
                field.widget.attrs.setdefault("dir", "auto")

    def row_data(self) -> dict:
        return {name: value for name, value in self.cleaned_data.items() if name != "version"}


class GovernmentEntityForm(VersionedModelForm):
    class Meta:
        model = GovernmentEntity
        fields = ["name", "level", "role"]


class ConsultationForm(VersionedModelForm):
    class Meta:
        model = Consultation
        fields = ["held_on", "format", "categories", "participants", "summary"]
        widgets = {
            "held_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "categories": forms.CheckboxSelectMultiple,
            "summary": forms.Textarea(attrs={"rows": 3}),
        }

    def clean_held_on(self):
        held_on = self.cleaned_data["held_on"]
        if held_on and held_on > timezone.localdate():
            raise forms.ValidationError(_("A consultation that already took place cannot have a future date."))
        return held_on


class PolicyForm(VersionedModelForm):
    class Meta:
        model = Policy
        fields = ["title", "kind", "year", "status", "objectives", "link", "attachment"]
        widgets = {"objectives": forms.CheckboxSelectMultiple}

    def __init__(self, *args, review, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attachment"].queryset = review.attachments.all()
        self.fields["objectives"].queryset = Objective.objects.all()
        self.fields["objectives"].label_from_instance = lambda o: f"{o.number}. {o.short_label}"

    def clean_year(self):
        return _no_future_year(self.cleaned_data["year"])


class PlanForm(SafeInputFormMixin, forms.Form):
    plan_status = forms.ChoiceField(label=_("National implementation plan"), choices=PlanStatus.choices)
    plan_detail = forms.CharField(label=_("About the plan"), required=False, max_length=4000,
                                  widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}))
    version = forms.IntegerField(min_value=0, widget=forms.HiddenInput)


class ObjectiveDetailsForm(VersionedModelForm):
    class Meta:
        model = ReviewObjective
        fields = ["stage", "principles", "sdg_targets", "partners"]
        widgets = {
            "principles": forms.CheckboxSelectMultiple,
            "sdg_targets": forms.CheckboxSelectMultiple,
            "partners": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stage"].required = True


class GoodPracticeForm(VersionedModelForm):
    class Meta:
        model = GoodPractice
        fields = ["title", "kind", "description", "criteria", "period", "partners", "link"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "criteria": forms.CheckboxSelectMultiple,
            "partners": forms.CheckboxSelectMultiple,
        }


class IndicatorForm(VersionedModelForm):
    class Meta:
        model = Indicator
        fields = ["suggested", "name", "unit", "baseline_value", "baseline_year", "latest_value", "latest_year",
                  "source"]

    def clean_baseline_year(self):
        return _no_future_year(self.cleaned_data["baseline_year"])

    def clean_latest_year(self):
        return _no_future_year(self.cleaned_data["latest_year"])

    def clean(self):
        cleaned = super().clean()
        suggested = cleaned.get("suggested")
        if not suggested and not cleaned.get("name"):
            self.add_error("name", _("Choose a suggested indicator or give the indicator a name."))
        if suggested and not cleaned.get("unit"):
            cleaned["unit"] = suggested.unit
        unit = (cleaned.get("unit") or "").strip().lower()
        for name in ("baseline_value", "latest_value"):
            value = cleaned.get(name)
            if value is not None and value < Decimal(0) and (unit in NON_NEGATIVE_UNITS or unit.startswith("per ")):
                self.add_error(name, _("This indicator cannot have a negative value."))
        baseline, latest = cleaned.get("baseline_year"), cleaned.get("latest_year")
        if baseline and latest and latest < baseline:
            self.add_error("latest_year", _("The latest year cannot be before the baseline year."))
        return cleaned


class PlannedActionForm(VersionedModelForm):
    class Meta:
        model = PlannedAction
        fields = ["action", "objectives", "lead_entity", "timeframe", "support_needed"]
        widgets = {"objectives": forms.CheckboxSelectMultiple, "support_needed": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["objectives"].label_from_instance = lambda o: f"{o.number}. {o.short_label}"


class ObjectivesChoiceForm(SafeInputFormMixin, forms.Form):
    reported = forms.ModelMultipleChoiceField(queryset=Objective.objects.all(), required=False)
    priorities = forms.ModelMultipleChoiceField(queryset=Objective.objects.all(), required=False)


class AssignmentForm(SafeInputFormMixin, forms.Form):
    parts = forms.TypedMultipleChoiceField(coerce=int, required=False, choices=[(n, n) for n in range(1, 6)])
    objectives = forms.ModelMultipleChoiceField(queryset=Objective.objects.all(), required=False)


class AttachmentForm(SafeInputFormMixin, forms.Form):
    file = forms.FileField(label=_("Document (PDF, DOCX or XLSX)"))
    description = forms.CharField(label=_("Description"), required=False, max_length=300)
