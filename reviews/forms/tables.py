"""The forms of the review tables' rows, and the form of each table by the table's kind.

The table definitions (reviews/tables.py) are read by selectors too, and selectors never import forms:
the forms are attached here, in the layer that shows and saves them."""

from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gcm_portal.validators import SafeInputFormMixin
from reviews.models import (
    Consultation,
    GoodPractice,
    GovernmentEntity,
    Indicator,
    Objective,
    PlannedAction,
    Policy,
    Review,
    ReviewObjective,
)
from reviews.forms.rendering import text_labels
from reviews.tables import Table

# Units for which a negative value cannot be right (a share, a count, a rate, a score).
NON_NEGATIVE_UNITS = {"%", "count", "persons", "per 100,000", "score", "usd", "number"}


def _no_future_year(year):
    if year is not None and year > timezone.localdate().year:
        raise forms.ValidationError(_("The year cannot be in the future."))
    return year


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


TABLE_FORMS: dict[str, type[forms.ModelForm]] = {
    "entities": GovernmentEntityForm,
    "consultations": ConsultationForm,
    "policies": PolicyForm,
    "practices": GoodPracticeForm,
    "indicators": IndicatorForm,
    "means": PlannedActionForm,
    "actions": PlannedActionForm,
}


def table_labels(table: Table) -> list[tuple[str, str]]:
    """(name, label) of the fields a row of the table shows, the terms of its rows shown as text."""
    return text_labels(TABLE_FORMS[table.kind])


def table_form_prefix(table: Table, row) -> str:
    """The prefix names the row, so a page can show one invalid submitted form among the others."""
    return f"{table.kind}-{row.uid if row.pk else 'new'}"


def table_form(table: Table, review: Review, *, instance, data=None) -> forms.ModelForm:
    """The form of one row of the table (a new row when `instance` is not saved yet)."""
    form_class = TABLE_FORMS[table.kind]
    kwargs = {"instance": instance, "data": data, "prefix": table_form_prefix(table, instance)}
    if form_class is PolicyForm:
        kwargs["review"] = review  # its documents are the review's own
    return form_class(**kwargs)
