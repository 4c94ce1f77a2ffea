"""Forms of the synthesis editor: the regional staff's texts and the citations of country answers."""

from functools import cached_property

from django import forms
from django.utils.translation import gettext_lazy as _

from gcm_portal.validators import SafeInputFormMixin
from reviews.forms.workspace import AnswerForm
from reviews.models import Country, KeyMessage, Objective, SynthesisChapter
from reviews.selectors.countries import by_country_name
from reviews.selectors.reference import reference_by_pk
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

    @cached_property
    def review_choices(self) -> list[tuple]:
        """The countries to choose among, read once: a template looping on the field's choices first asks how
        many there are (a COUNT query), then reads them."""
        reviews = list(self.fields["review"].queryset.select_related(None).values_list("uid", "country_id"))
        countries = reference_by_pk(Country, needed={country_id for _uid, country_id in reviews})  # all it shows
        reviews = by_country_name(reviews, lambda review: countries[review[1]])
        return [(uid, countries[country_id].name) for uid, country_id in reviews]


class KeyMessageForm(SynthesisTextForm):
    """A key message: its two texts (the synthesis's bilingual text form) and the objectives it speaks of."""

    class Meta(SynthesisTextForm.Meta):
        model = KeyMessage
        fields = [*SynthesisTextForm.Meta.fields, "objectives"]
        labels = {**SynthesisTextForm.Meta.labels, "objectives": _("Objectives this message speaks of")}
        widgets = {**SynthesisTextForm.Meta.widgets,
                   "objectives": forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["objectives"].queryset = Objective.objects.order_by("number")
        self.fields["objectives"].required = False
        if not self.instance.pk:  # a new message: the version the service checks comes with the first save
            self.fields["version"].required = False


class HighlightForm(SafeInputFormMixin, forms.Form):
    """The passage of one answer a country's highlight quotes: its first and last sentence, counted from 0 and
    shown from 1, among the answer's `sentence_count` sentences; `version` is the choice's (0: the default)."""

    first_sentence = forms.TypedChoiceField(coerce=int, label=_("From sentence"))
    last_sentence = forms.TypedChoiceField(coerce=int, label=_("to sentence"))
    version = forms.IntegerField(min_value=0, widget=forms.HiddenInput)

    def __init__(self, *args, sentence_count: int, version: int, selected: tuple[int, int] = (0, 0), **kwargs):
        super().__init__(*args, initial={"version": version, "first_sentence": selected[0],
                                         "last_sentence": selected[1]}, **kwargs)
        numbers = [(index, str(index + 1)) for index in range(sentence_count)]
        self.fields["first_sentence"].choices = numbers
        self.fields["last_sentence"].choices = numbers

    def clean(self):
        data = super().clean()
        first, last = data.get("first_sentence"), data.get("last_sentence")
        if first is not None and last is not None and first > last:
            raise forms.ValidationError(_("The first sentence comes before the last one, or is the same."))
        return data
