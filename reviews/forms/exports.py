"""The data export's choices, read from the query string."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from reviews.models import Review

CHECK = {"class": "form-check-input"}
FORMAT_CHOICES = [
    ("xlsx", _("Excel workbook (XLSX), one sheet per table")),
    ("csv", _("CSV files in a zip, one per table")),
    ("json", _("JSON, with codes rather than labels")),
]


class ExportForm(forms.Form):
    """Read from the query string; a missing format or language takes the default."""

    format = forms.ChoiceField(label=_("File format"), required=False, widget=forms.RadioSelect(attrs=CHECK),
                               choices=FORMAT_CHOICES)
    language = forms.ChoiceField(label=_("Language of headings and labels"), required=False,
                                 widget=forms.RadioSelect(attrs=CHECK), choices=settings.LANGUAGES)
    status = forms.MultipleChoiceField(label=_("Only reviews in these statuses"), required=False,
                                       widget=forms.CheckboxSelectMultiple(attrs=CHECK),
                                       choices=Review.Status.choices)

    previous = forms.ChoiceField(
        label=_("Beside each objective"), required=False, widget=forms.RadioSelect(attrs=CHECK),
        choices=[("", _("This cycle's values only")),
                 ("1", _("Also the previous review's: reported, stage and national priority"))])

    def __init__(self, *args, language: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.default_language = language
        self.fields["format"].initial = "xlsx"
        self.fields["language"].initial = language

    def clean_format(self) -> str:
        return self.cleaned_data["format"] or "xlsx"

    def clean_language(self) -> str:
        return self.cleaned_data["language"] or self.default_language
