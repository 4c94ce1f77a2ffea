"""What a user asks of the regional report."""

from django import forms
from django.utils.translation import gettext_lazy as _

from reviews import rules
from reviews.models import GeneratedReport


class ReportRequestForm(forms.Form):
    """What a user asks of the regional report; the choice of submitted reviews only for those the report
    rule lets ask for it (rules.can_request_report)."""

    kind = forms.ChoiceField(
        label=_("Document"), initial=GeneratedReport.Kind.REGIONAL, required=False,
        choices=[(kind, GeneratedReport.Kind(kind).label) for kind in GeneratedReport.REGIONAL_KINDS],
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}))
    languages = forms.ChoiceField(label=_("Languages"), choices=GeneratedReport.Languages.choices,
                                  initial=GeneratedReport.Languages.BOTH,
                                  widget=forms.RadioSelect(attrs={"class": "form-check-input"}))
    include_submitted = forms.BooleanField(
        label=_("Include reviews submitted but not yet accepted"), required=False,
        widget=forms.CheckboxInput(attrs={"class": "form-check-input"}))
    force = forms.BooleanField(
        label=_("Build again even if the data has not changed"), required=False,
        widget=forms.CheckboxInput(attrs={"class": "form-check-input"}))

    def clean_kind(self) -> str:
        """The regional report unless the compendium is chosen."""
        return self.cleaned_data.get("kind") or GeneratedReport.Kind.REGIONAL

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        if not rules.can_request_report(user, include_submitted=True):
            del self.fields["include_submitted"]
