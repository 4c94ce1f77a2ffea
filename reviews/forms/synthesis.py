"""Forms of the synthesis editor: the regional staff's texts and the citations of country answers."""

from django import forms
from django.utils.translation import gettext_lazy as _

from gcm_portal.validators import SafeInputFormMixin
from reviews.forms.workspace import AnswerForm
from reviews.models import Objective, SynthesisChapter
from reviews.selectors.synthesis import citable_reviews


class SynthesisTextForm(AnswerForm):
    """A text of the regional synthesis (a chapter's or an objective's): the same form, the synthesis's length."""

    class Meta(AnswerForm.Meta):
        model = SynthesisChapter


class CitationForm(SafeInputFormMixin, forms.Form):
    review = forms.ModelChoiceField(queryset=None, to_field_name="uid", label=_("Country"))
    prompt_code = forms.ChoiceField(label=_("Question"))
    objective_number = forms.TypedChoiceField(coerce=int, empty_value=None, required=False,
                                              label=_("Objective"))
    note = forms.CharField(required=False, max_length=1000, label=_("Note"),
                           widget=forms.Textarea(attrs={"rows": 2, "dir": "auto"}))

    def __init__(self, *args, user, chapter: SynthesisChapter, prompts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["review"].queryset = citable_reviews(user=user, cycle=chapter.cycle)
        self.fields["review"].label_from_instance = lambda review: review.country.name
        self.fields["prompt_code"].choices = [(p.code, f"{p.code} · {p.text[:80]}") for p in prompts]
        objectives = ([section.objective for section in chapter.objective_syntheses.all()] if chapter.is_round_table
                      else Objective.objects.order_by("number"))
        self.fields["objective_number"].choices = [("", _("None (a question of a part)"))] + [
            (objective.number, str(objective)) for objective in objectives]
