"""The portal's forms, one module per area; `from reviews import forms; forms.AnswerForm` reads them all."""

from reviews.forms.exports import ExportForm
from reviews.forms.regional import (
    CompilationFilterForm,
    DashboardFilterForm,
    FilterForm,
    TransitionForm,
    TranslationFilterForm,
    TranslationForm,
)
from reviews.forms.reports import ReportRequestForm
from reviews.forms.search import SearchForm
from reviews.forms.synthesis import CitationForm, HighlightForm, KeyMessageForm, SynthesisTextForm
from reviews.forms.tables import (
    TABLE_FORMS,
    ConsultationForm,
    GoodPracticeForm,
    GovernmentEntityForm,
    IndicatorForm,
    ObjectiveDetailsForm,
    PlannedActionForm,
    PolicyForm,
    VersionedModelForm,
    table_form,
    table_form_prefix,
    table_labels,
)
from reviews.forms.rendering import text_labels
from reviews.forms.word import WordApplyForm, WordImportForm
from reviews.forms.workspace import (
    AnswerForm,
    AssignmentForm,
    AttachmentForm,
    ObjectivesChoiceForm,
    PlanForm,
    SubmitForm,
)

__all__ = [
    "TABLE_FORMS", "AnswerForm", "AssignmentForm", "AttachmentForm", "CitationForm", "CompilationFilterForm",
    "ConsultationForm", "DashboardFilterForm", "ExportForm", "FilterForm", "GoodPracticeForm", "GovernmentEntityForm",
    "HighlightForm", "IndicatorForm", "KeyMessageForm", "ObjectiveDetailsForm", "ObjectivesChoiceForm", "PlanForm",
    "PlannedActionForm", "PolicyForm", "SearchForm",
    "ReportRequestForm", "SubmitForm", "SynthesisTextForm", "TransitionForm", "TranslationFilterForm",
    "TranslationForm", "VersionedModelForm", "WordApplyForm", "WordImportForm",
    "table_form",
    "table_form_prefix",
    "table_labels",
    "text_labels",
]
