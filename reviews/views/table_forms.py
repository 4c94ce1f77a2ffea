"""The form of each review table, by the table's kind.

The table definitions (reviews/tables.py) are read by selectors too, and selectors never import forms:
the forms are attached here, in the layer that shows and saves them."""

from django import forms as django_forms

from reviews import forms
from reviews.models import Review
from reviews.tables import Table

TABLE_FORMS: dict[str, type[django_forms.ModelForm]] = {
    "entities": forms.GovernmentEntityForm,
    "consultations": forms.ConsultationForm,
    "policies": forms.PolicyForm,
    "practices": forms.GoodPracticeForm,
    "indicators": forms.IndicatorForm,
    "means": forms.PlannedActionForm,
    "actions": forms.PlannedActionForm,
}


def table_form(table: Table, review: Review, *, instance, data=None) -> django_forms.ModelForm:
    """The form of one row of the table (a new row when `instance` is not saved yet)."""
    form_class = TABLE_FORMS[table.kind]
    # The prefix names the row, so a page can show one invalid submitted form among the others.
    row_key = instance.uid if instance.pk else "new"
    kwargs = {"instance": instance, "data": data, "prefix": f"{table.kind}-{row_key}"}
    if form_class is forms.PolicyForm:
        kwargs["review"] = review  # its documents are the review's own
    return form_class(**kwargs)
