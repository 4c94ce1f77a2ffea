"""Forms of the country workspace: the answers, the plan, the objectives reported on, the team and its
documents. They validate and clean; views hand cleaned_data to services. (The table rows' forms: tables.py.)"""

from django import forms
from django.utils.translation import gettext_lazy as _

from gcm_portal.validators import SafeInputFormMixin
from reviews.models import Answer, Language, Objective, PlanStatus


class AnswerForm(SafeInputFormMixin, forms.ModelForm):
    """The form of a bilingual text, an answer's here (SynthesisTextForm differs only in its model):
    the fields, their labels and length limits come from the model, and the bilingual_form tag
    (forms/rendering.py) renders it for static/js/autosave.js. Views hand cleaned_data to a service."""

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


class SubmitForm(forms.Form):
    """Submitting is a step the focal point confirms: the review then becomes read-only for the team."""

    confirm = forms.BooleanField(
        label=_("I have checked the review: submit it to the regional team. My team cannot change it afterwards."),
        error_messages={"required": _("Tick the confirmation to submit the review.")},
    )


class PlanForm(SafeInputFormMixin, forms.Form):
    plan_status = forms.ChoiceField(label=_("National implementation plan"), choices=PlanStatus.choices)
    plan_detail = forms.CharField(label=_("About the plan"), required=False, max_length=4000,
                                  widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}))
    version = forms.IntegerField(min_value=0, widget=forms.HiddenInput)


class ObjectivesChoiceForm(SafeInputFormMixin, forms.Form):
    reported = forms.ModelMultipleChoiceField(queryset=Objective.objects.all(), required=False)
    priorities = forms.ModelMultipleChoiceField(queryset=Objective.objects.all(), required=False)


class AssignmentForm(SafeInputFormMixin, forms.Form):
    parts = forms.TypedMultipleChoiceField(coerce=int, required=False, choices=[(n, n) for n in range(1, 6)])
    objectives = forms.ModelMultipleChoiceField(queryset=Objective.objects.all(), required=False)


class AttachmentForm(SafeInputFormMixin, forms.Form):
    file = forms.FileField(label=_("Document (PDF, DOCX or XLSX)"))
    description = forms.CharField(label=_("Description"), required=False, max_length=300)
