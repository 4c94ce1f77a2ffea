"""Forms of the regional staff's pages: a workflow transition, a translation, and the filters of the
lists (dashboard, translations, compilations), read from the query string."""

from django import forms
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from gcm_portal.validators import SafeInputFormMixin
from reviews.forms.fields import INTEGER_MAX, FlagField, number_field
from reviews.models import Answer, ReviewEvent, TranslationStatus
from reviews.selectors.dashboard import DASHBOARD_SORTS, DASHBOARD_STATUSES


class TransitionForm(SafeInputFormMixin, forms.Form):
    """The reason given with a transition; whether one is needed is the service's rule."""

    reason = forms.CharField(required=False, strip=False, max_length=ReviewEvent._meta.get_field("reason").max_length,
                             widget=forms.Textarea(attrs={"rows": 2, "dir": "auto"}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit = self.fields["reason"].max_length
        self.fields["reason"].error_messages["max_length"] = _(
            "The reason is longer than %(max)s characters.") % {"max": limit}


class TranslationForm(SafeInputFormMixin, forms.Form):
    """The missing language of an answer, as long as the answer's texts may be, and whether it is verified."""

    text = forms.CharField(required=False, strip=False, max_length=Answer._meta.get_field("text_en").max_length,
                           widget=forms.Textarea(attrs={"dir": "auto"}))
    verified = FlagField()
    # A missing or unreadable version reads as 0, which no saved answer has: the save ends as "changed meanwhile".
    version = number_field(max_value=INTEGER_MAX, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit = number_format(self.fields["text"].max_length, force_grouping=True)
        self.fields["text"].error_messages["max_length"] = _(
            "The translation is longer than %(max)s characters.") % {"max": limit}

    def clean_version(self) -> int:
        return self.cleaned_data["version"] or 0


# A word filter (a country, a code) is passed on as given, up to this length: one that matches nothing lists nothing.
WORD_MAX = 100


def _word():
    return forms.CharField(required=False, max_length=WORD_MAX)


class FilterForm(SafeInputFormMixin, forms.Form):
    """The filters of a list page, from its query string. A value that cannot be read or is out of range
    is ignored: the list shows unfiltered on it, as when the filter is left empty."""

    def filters(self) -> dict:
        self.is_valid()
        empty = type(self)({})  # every filter left empty, each cleaned to its default
        empty.is_valid()
        return {**empty.cleaned_data, **self.cleaned_data}


class DashboardFilterForm(FilterForm):
    # Only the statuses staff can see: another (a "draft") is ignored, and the list shows every country.
    status = forms.ChoiceField(required=False, choices=DASHBOARD_STATUSES)
    sort = forms.ChoiceField(required=False, choices=[(key, key) for key in DASHBOARD_SORTS])
    late = FlagField()

    def clean_sort(self) -> str:
        return self.cleaned_data["sort"] or "country"


class TranslationFilterForm(FilterForm):
    country = _word()
    part = number_field(min_value=1)
    status = forms.ChoiceField(required=False, choices=TranslationStatus.choices)


class CompilationFilterForm(FilterForm):
    prompt = _word()
    objective = number_field(min_value=1)
    round_table = number_field(min_value=1)
    country = _word()
    kind = _word()
    criterion = _word()
    accepted = FlagField()
    change = FlagField()  # the matrix: the change since the previous cycle in each cell

