"""The search page's query and filters, read from the query string. Like the other list filters, a value
that cannot be read is ignored: the search runs without that filter."""

from django import forms

from reviews.forms.fields import number_field
from reviews.forms.regional import WORD_MAX, FilterForm
from reviews.models import Language, Review, SearchDocument
from reviews.selectors.search import GROUPINGS, QUERY_MAX


def _choice(choices):
    return forms.ChoiceField(required=False, choices=[("", "")] + list(choices))


class SearchForm(FilterForm):
    # The search box holds as much (maxlength): a longer query is tampered with and searches nothing.
    q = forms.CharField(required=False, max_length=QUERY_MAX)
    cycle = forms.CharField(required=False, max_length=WORD_MAX)
    country = forms.CharField(required=False, max_length=WORD_MAX)
    part = number_field(min_value=1, max_value=5)
    objective = number_field(min_value=1, max_value=23)
    round_table = number_field(min_value=1)
    status = _choice(Review.Status.choices)
    language = _choice(Language.choices)
    kind = _choice(SearchDocument.Kind.choices)
    group = _choice((key, key) for key in GROUPINGS)
    page = number_field(min_value=1)

    def clean_group(self) -> str:
        return self.cleaned_data["group"] or "country"

    def clean_page(self) -> int:
        return self.cleaned_data["page"] or 1
