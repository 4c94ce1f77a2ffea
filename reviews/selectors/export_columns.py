"""The export's tables as columns: the reviews' tables, the previous cycle's columns, and the tables other apps add.

A column has a JSON key and the stored value (codes, numbers, dates: for machines), and a heading and a label in
the chosen language (for people reading a spreadsheet): choice fields read as their label ("Adopted", "معتمدة"),
reference lists as their stable codes.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy, pgettext_lazy

from reviews.models import (
    Consultation,
    GovernmentEntity,
    Language,
    PlanStatus,
    Policy,
    Review,
    ReviewObjective,
    TranslationStatus,
)


@dataclass(frozen=True)
class Column:
    key: str
    heading: Promise
    value: Callable[[Any], Any]
    choices: Iterable[tuple[Any, Promise]] | None = None  # people read the label, the JSON keeps the value
    label: Callable[[Any], Any] | None = None  # what people read, where it differs otherwise
    in_json: bool = True


def _who(row) -> str | None:
    return row.updated_by.username if row.updated_by_id else None


YES_NO = [(True, gettext_lazy("Yes")), (False, gettext_lazy("No"))]

# Headings reuse the model fields' names, so the Arabic catalogue already holds them.
COUNTRY = Column("country", gettext_lazy("country"), lambda row: row.review.country.iso2)
COUNTRY_OF_OBJECTIVE = Column("country", gettext_lazy("country"), lambda row: row.review_objective.review.country.iso2)
OBJECTIVE = Column("objective", gettext_lazy("objective"), lambda row: row.review_objective.objective.number)
CHANGED = [
    Column("updated_by", gettext_lazy("last changed by"), _who),
    Column("updated_at", gettext_lazy("last changed"), lambda row: row.updated_at),
]

TABLES: dict[str, list[Column]] = {
    "countries": [
        Column("country", gettext_lazy("ISO code"), lambda review: review.country.iso2),
        Column("name", gettext_lazy("country"), lambda review: {"ar": review.country.name_ar,
                                                                "en": review.country.name_en},
               label=lambda review: review.country.name),
        Column("status", pgettext_lazy("review", "status"), lambda review: review.status,
               choices=Review.Status.choices),
        Column("submitted_at", gettext_lazy("submitted"), lambda review: review.submitted_at),
        Column("late", gettext_lazy("submitted late"), lambda review: review.is_late, choices=YES_NO),
        Column("objectives_reported", gettext_lazy("Objectives reported"),
               lambda review: review.objectives_reported),
        Column("plan_status", gettext_lazy("national implementation plan"), lambda review: review.plan_status,
               choices=PlanStatus.choices),
    ],
    "objectives_reported": [
        COUNTRY,
        Column("objective", gettext_lazy("objective"), lambda row: row.objective.number),
        Column("short_label", gettext_lazy("short label"), lambda row: row.objective.short_label, in_json=False),
        Column("round_table", gettext_lazy("round table"), lambda row: row.objective.round_table.number),
        Column("is_priority", gettext_lazy("national priority"), lambda row: row.is_priority, choices=YES_NO),
        Column("stage", gettext_lazy("implementation stage"), lambda row: row.stage,
               choices=ReviewObjective.Stage.choices),
        Column("principles", gettext_lazy("guiding principles applied"), lambda row: row.codes["principles"]),
        Column("sdg_targets", gettext_lazy("SDG targets"), lambda row: row.codes["sdg_targets"]),
        Column("partners", gettext_lazy("partners"), lambda row: row.codes["partners"]),
        *CHANGED,
    ],
    "answers": [
        COUNTRY,
        Column("part", gettext_lazy("part"), lambda answer: answer.prompt.part.number),
        Column("prompt", gettext_lazy("guiding prompt"), lambda answer: answer.prompt.code),
        Column("objective", gettext_lazy("objective"),
               lambda answer: answer.objective.number if answer.objective_id else None),
        Column("text_ar", gettext_lazy("Arabic text"), lambda answer: answer.text_ar),
        Column("text_en", gettext_lazy("English text"), lambda answer: answer.text_en),
        Column("original_language", gettext_lazy("original language"), lambda answer: answer.original_language,
               choices=Language.choices),
        Column("translation_status", gettext_lazy("Translation status"), lambda answer: str(answer.translation_status),
               choices=TranslationStatus.choices),
        Column("review_status", pgettext_lazy("review", "status"), lambda answer: answer.review.status,
               choices=Review.Status.choices),
        *CHANGED,
    ],
    "policies": [
        COUNTRY,
        Column("title", gettext_lazy("title"), lambda row: row.title),
        Column("kind", gettext_lazy("kind"), lambda row: row.kind, choices=Policy.Kind.choices),
        Column("year", gettext_lazy("year"), lambda row: row.year),
        Column("status", pgettext_lazy("policy", "status"), lambda row: row.status, choices=Policy.Status.choices),
        Column("objectives", gettext_lazy("objectives addressed"), lambda row: row.codes["objectives"]),
        Column("link", gettext_lazy("link"), lambda row: row.link),
        Column("attachment", gettext_lazy("attachment"),
               lambda row: row.attachment.original_name if row.attachment_id else None),
        *CHANGED,
    ],
    "consultations": [
        COUNTRY,
        Column("date", gettext_lazy("date"), lambda row: row.held_on),
        Column("format", gettext_lazy("format"), lambda row: row.format, choices=Consultation.Format.choices),
        Column("categories", gettext_lazy("stakeholder categories"), lambda row: row.codes["categories"]),
        Column("participants", gettext_lazy("participants"), lambda row: row.participants),
        Column("summary", gettext_lazy("summary"), lambda row: row.summary),
        *CHANGED,
    ],
    "entities": [
        COUNTRY,
        Column("name", gettext_lazy("entity"), lambda row: row.name),
        Column("level", gettext_lazy("level"), lambda row: row.level, choices=GovernmentEntity.Level.choices),
        Column("role", gettext_lazy("role in the review"), lambda row: row.role),
        *CHANGED,
    ],
    "practices": [
        COUNTRY_OF_OBJECTIVE,
        OBJECTIVE,
        Column("title", gettext_lazy("title"), lambda row: row.title),
        Column("kind", gettext_lazy("kind"), lambda row: row.kind.code),
        Column("description", gettext_lazy("description"), lambda row: row.description),
        Column("criteria", gettext_lazy("criteria met"), lambda row: row.codes["criteria"]),
        Column("period", gettext_lazy("period"), lambda row: row.period),
        Column("partners", gettext_lazy("partners"), lambda row: row.codes["partners"]),
        Column("link", gettext_lazy("link"), lambda row: row.link),
        *CHANGED,
    ],
    "indicators": [
        COUNTRY_OF_OBJECTIVE,
        OBJECTIVE,
        Column("code", gettext_lazy("suggested indicator"),
               lambda row: row.suggested.code if row.suggested_id else None),
        # People read the suggested indicator's name where the country gave none; the JSON keeps what was typed.
        Column("name", gettext_lazy("indicator name"), lambda row: row.name, label=lambda row: row.label),
        Column("unit", gettext_lazy("unit"), lambda row: row.unit),
        Column("baseline_value", gettext_lazy("baseline value"), lambda row: row.baseline_value),
        Column("baseline_year", gettext_lazy("baseline year"), lambda row: row.baseline_year),
        Column("latest_value", gettext_lazy("latest value"), lambda row: row.latest_value),
        Column("latest_year", gettext_lazy("latest year"), lambda row: row.latest_year),
        Column("source", gettext_lazy("source"), lambda row: row.source),
        *CHANGED,
    ],
    "planned_actions": [
        COUNTRY,
        Column("part", gettext_lazy("part"), lambda row: row.part_number),
        Column("action", gettext_lazy("action"), lambda row: row.action),
        Column("objectives", gettext_lazy("objectives"), lambda row: row.codes["objectives"]),
        Column("lead_entity", gettext_lazy("lead entity"), lambda row: row.lead_entity),
        Column("timeframe", gettext_lazy("timeframe"), lambda row: row.timeframe),
        Column("support_needed", gettext_lazy("support needed"), lambda row: row.support_needed),
        *CHANGED,
    ],
}


# With the previous cycle's values (`with_previous`): the objectives' table gains, per country and objective, what
# the country's accepted review of the previous cycle said (empty where the country had none).
PREVIOUS_COLUMNS = [
    Column("previous_reported", gettext_lazy("Reported in the previous review"), lambda row: row.previous[0],
           choices=YES_NO),
    Column("previous_stage", gettext_lazy("Stage in the previous review"), lambda row: row.previous[1],
           choices=ReviewObjective.Stage.choices),
    Column("previous_is_priority", gettext_lazy("National priority in the previous review"),
           lambda row: row.previous[2], choices=YES_NO),
]


@dataclass(frozen=True)
class ExportTable:
    """A table another app adds to the exports (the stakeholders' inputs): its columns, and its rows for a user
    and a cycle, in a stable order, from that app's own "visible to this user" selector."""

    columns: list[Column]
    rows: Callable[..., list]  # rows(*, user, cycle)
    only_with_rows: bool = False  # left out of the files when the user sees none of its rows


ADDED_TABLES: dict[str, ExportTable] = {}


def export_table_add(name: str, table: ExportTable) -> None:
    """Add an app's table to every export, after the reviews' own tables. Called from the app's ready(), so the
    reviews app reads no other app's models."""
    ADDED_TABLES[name] = table
