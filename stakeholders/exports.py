"""The stakeholders' written inputs as a table of the data exports, added to them when the app is ready."""

from django.utils import translation
from django.utils.translation import gettext_lazy, pgettext_lazy

from reviews.models import Language, ReviewCycle
from reviews.rules import can_follow_region
from reviews.selectors.export_columns import Column, ExportTable, export_table_add
from stakeholders.models import StakeholderInput
from stakeholders.selectors import input_with_lists, inputs_visible_to

# The stakeholders' written inputs (issue 17): the regional staff export every submitted one; a country team none.
INPUT_COLUMNS = [
    Column("organisation", gettext_lazy("organisation"), lambda row: {"ar": row.organisation.name_ar,
                                                                     "en": row.organisation.name_en},
           label=lambda row: row.organisation.name_in(translation.get_language() or "ar")["text"]),
    Column("category", gettext_lazy("category"), lambda row: row.organisation.category.code),
    Column("countries", gettext_lazy("countries where it works"),
           lambda row: [country.iso2 for country in row.organisation.countries.all()]),
    Column("title", gettext_lazy("title"), lambda row: row.title),
    Column("round_tables", gettext_lazy("round tables"), lambda row: [rt.number for rt in row.round_tables.all()]),
    Column("objectives", gettext_lazy("objectives"), lambda row: [o.number for o in row.objectives.all()]),
    Column("text_ar", gettext_lazy("Arabic text"), lambda row: row.text_ar),
    Column("text_en", gettext_lazy("English text"), lambda row: row.text_en),
    Column("original_language", gettext_lazy("original language"), lambda row: row.original_language,
           choices=Language.choices),
    Column("attribution", gettext_lazy("how the report may cite you"), lambda row: row.attribution,
           choices=StakeholderInput.Attribution.choices),
    Column("status", pgettext_lazy("input", "status"), lambda row: row.status,
           choices=StakeholderInput.Status.choices),
    Column("submitted_at", gettext_lazy("submitted"), lambda row: row.submitted_at),
    Column("decline_reason", gettext_lazy("reason"), lambda row: row.decline_reason),
    Column("documents", gettext_lazy("supporting documents"),
           lambda row: [document.original_name for document in row.documents.all()]),
]


def export_inputs(*, user, cycle: ReviewCycle) -> list:
    """The stakeholders' inputs the user sees in the cycle (none, and no query, for a country team)."""
    if not can_follow_region(user):
        return []
    return list(input_with_lists(inputs_visible_to(user).filter(cycle=cycle))
                .order_by("organisation__category__code", "organisation__name_en", "pk"))


def inputs_table_add() -> None:
    """The inputs' sheet in every export, only for users who see some (a cycle without inputs keeps the files it
    always had)."""
    export_table_add("stakeholder_inputs", ExportTable(columns=INPUT_COLUMNS, rows=export_inputs, only_with_rows=True))
