"""The data of a cycle as tables, for the spreadsheet and JSON exports.

Every row comes from the reviews the user may see (reviews_visible_to): a country team exports
its own country, regional staff every review once submitted. The cost is a fixed number of queries,
whatever the number of countries.

Each table is a list of columns. A column has a JSON key and the stored value (codes, numbers, dates:
for machines), and a heading and a label in the chosen language (for people reading a spreadsheet):
choice fields read as their label ("Adopted", "معتمدة"), reference lists as their stable codes.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.db.models import F, QuerySet
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy, pgettext_lazy

from reviews.models import (
    Answer,
    Consultation,
    GoodPractice,
    GovernmentEntity,
    Indicator,
    Language,
    PlannedAction,
    PlanStatus,
    Policy,
    Review,
    ReviewCycle,
    ReviewObjective,
    TranslationStatus,
)
from reviews.selectors.previous import previous_cycle
from reviews.selectors.snapshot import reported_answers
from reviews.rules import can_follow_region
from reviews.selectors.visibility import reviews_visible_to
from stakeholders.models import StakeholderInput
from stakeholders.selectors import input_with_lists, inputs_visible_to

Table = tuple[list[str], list[list]]


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


def _tables(with_previous: bool) -> dict[str, list[Column]]:
    if not with_previous:
        return TABLES
    return {**TABLES, "objectives_reported": TABLES["objectives_reported"] + PREVIOUS_COLUMNS}


def _previous_attach(*, user, cycle: ReviewCycle, rows: list) -> None:
    """Each objective row's (reported, stage, priority) in the country's previous accepted review. Two queries."""
    earlier = previous_cycle(cycle)
    found, compared = {}, set()
    if earlier is not None:
        countries = {row.review.country_id for row in rows}
        reviews = reviews_visible_to(user).filter(cycle=earlier, country_id__in=countries,
                                                  status=Review.Status.ACCEPTED)
        for country, number, stage, priority in ReviewObjective.objects.filter(
                review__in=reviews, is_reported=True).values_list("review__country_id", "objective__number", "stage",
                                                                  "is_priority"):
            found[(country, number)] = (True, stage, priority)
            compared.add(country)
    for row in rows:
        key = (row.review.country_id, row.objective.number)
        row.previous = found.get(key) or ((False, "", False) if row.review.country_id in compared else (None, None, None))


def export_reviews(*, user, cycle: ReviewCycle, statuses: Iterable[str] | None = None) -> QuerySet[Review]:
    """The reviews an export holds: those of the cycle the user may see, optionally of some statuses."""
    reviews = reviews_visible_to(user).filter(cycle=cycle)
    if statuses:
        reviews = reviews.filter(status__in=list(statuses))
    return reviews.order_by("country__iso2")


def _with_codes(rows: QuerySet, **relations) -> list:
    """The rows, each with `codes[name]`: the sorted codes (or numbers) of a many-to-many relation,
    read from its link table in one query per relation. prefetch_related would build a queryset per
    row and a model per link: seconds for a full cycle."""
    found = {name: {} for name in relations}
    for name, (descriptor, attribute) in relations.items():
        source, target = descriptor.field.m2m_field_name(), descriptor.field.m2m_reverse_field_name()
        links = descriptor.through.objects.filter(**{f"{source}__in": rows.values("pk")}).values_list(
            f"{source}_id", f"{target}__{attribute}")
        for owner, code in links:
            found[name].setdefault(owner, []).append(code)
    rows = list(rows)
    for row in rows:
        row.codes = {name: sorted(codes.get(row.pk, [])) for name, codes in found.items()}
    return rows


def _attach_reviews(rows: list, reviews: dict[int, Review], *, through: str | None = None) -> list:
    """Each row's review (with its country) from the reviews already read, rather than joined again per row."""
    for row in rows:
        owner = getattr(row, through) if through else row
        owner.review = reviews[owner.review_id]
    return rows


# The stakeholders' written inputs (issue 17): the regional staff export every submitted one; a country team none.
WHEN_NOT_EMPTY = {"stakeholder_inputs"}
TABLES["stakeholder_inputs"] = [
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


def export_rows(*, user, cycle: ReviewCycle, statuses: Iterable[str] | None = None,
                with_previous: bool = False) -> dict[str, list]:
    """The model rows of every table, in a stable order, in a fixed number of queries (fewer when
    the user sees no review: the database is not asked about an empty list)."""
    reviews = export_reviews(user=user, cycle=cycle, statuses=statuses)
    review_list = list(reviews)
    by_pk = {review.pk: review for review in review_list}
    # Every table filters on the ids just read (22 at most, one per country), not on the visibility rules
    # again: a review submitted while the export runs would otherwise have rows but no country row.
    of_reviews = {"review_id__in": list(by_pk)}
    by_country = ("review__country__iso2",)
    objectives = _with_codes(
        ReviewObjective.objects.filter(is_reported=True, **of_reviews)
        .select_related("objective__round_table", "updated_by").order_by(*by_country, "objective__number"),
        principles=(ReviewObjective.principles, "code"), sdg_targets=(ReviewObjective.sdg_targets, "code"),
        partners=(ReviewObjective.partners, "code"),
    )
    _attach_reviews(objectives, by_pk)
    for review in review_list:
        review.objectives_reported = 0
    for row in objectives:
        row.review.objectives_reported += 1
    if with_previous:
        _previous_attach(user=user, cycle=cycle, rows=objectives)
    # Practices and indicators follow the snapshot a submission stores: those of reported objectives only.
    of_reported = {"review_objective__is_reported": True, "review_objective__review_id__in": list(by_pk)}
    by_objective = ("review_objective__review__country__iso2", "review_objective__objective__number", "pk")
    return {
        "stakeholder_inputs": export_inputs(user=user, cycle=cycle),
        "countries": review_list,
        "objectives_reported": objectives,
        "answers": _attach_reviews(list(
            reported_answers(Answer.objects.filter(**of_reviews)).select_related("prompt__part", "objective",
                                                                                 "updated_by")
            .order_by(*by_country, "prompt__part__number", "prompt__position", "prompt__code",
                      F("objective__number").asc(nulls_first=True))
        ), by_pk),
        "policies": _attach_reviews(_with_codes(
            Policy.objects.filter(**of_reviews).select_related("attachment", "updated_by")
            .order_by(*by_country, "-year", "pk"),
            objectives=(Policy.objectives, "number"),
        ), by_pk),
        "consultations": _attach_reviews(_with_codes(
            Consultation.objects.filter(**of_reviews).select_related("updated_by")
            .order_by(*by_country, "held_on", "pk"),
            categories=(Consultation.categories, "code"),
        ), by_pk),
        "entities": _attach_reviews(list(
            GovernmentEntity.objects.filter(**of_reviews).select_related("updated_by").order_by(*by_country, "pk")
        ), by_pk),
        "practices": _attach_reviews(_with_codes(
            GoodPractice.objects.filter(**of_reported)
            .select_related("review_objective__objective", "kind", "updated_by").order_by(*by_objective),
            criteria=(GoodPractice.criteria, "code"), partners=(GoodPractice.partners, "code"),
        ), by_pk, through="review_objective"),
        "indicators": _attach_reviews(list(
            Indicator.objects.filter(**of_reported)
            .select_related("review_objective__objective", "suggested", "updated_by").order_by(*by_objective)
        ), by_pk, through="review_objective"),
        "planned_actions": _attach_reviews(_with_codes(
            PlannedAction.objects.filter(**of_reviews).select_related("updated_by")
            .order_by(*by_country, "part_number", "pk"),
            objectives=(PlannedAction.objectives, "number"),
        ), by_pk),
    }


def export_tables(*, user, cycle: ReviewCycle, statuses: Iterable[str] | None = None,
                  language: str = "en", with_previous: bool = False) -> dict[str, Table]:
    """Each table as (headings, rows) in `language`, for a spreadsheet: values are Python values
    (text, numbers, dates, aware datetimes, None); the writers format them."""
    rows = export_rows(user=user, cycle=cycle, statuses=statuses, with_previous=with_previous)
    with translation.override(language):
        return {name: _table(columns, rows[name]) for name, columns in _tables(with_previous).items()
                if _exported(name, rows)}


def _table(columns: list[Column], rows: list) -> Table:
    # Labels are translated once per column, not once per cell: a full cycle has 60,000 cells.
    labels = [{value: str(label) for value, label in column.choices} if column.choices else None
              for column in columns]
    readers = [column.label or column.value for column in columns]
    table = []
    for row in rows:
        cells = []
        for read, label in zip(readers, labels):
            value = read(row)
            if label is not None:
                value = label.get(value, value)
            elif isinstance(value, list):
                value = ", ".join(str(item) for item in value)
            cells.append(value)
        table.append(cells)
    return [capfirst(str(column.heading)) for column in columns], table


def export_json(*, user, cycle: ReviewCycle, statuses: Iterable[str] | None = None,
                with_previous: bool = False) -> dict:
    """The same tables as plain JSON data, keyed by stable names, with codes rather than labels."""
    rows = export_rows(user=user, cycle=cycle, statuses=statuses, with_previous=with_previous)
    return {
        "cycle": cycle.slug,
        "generated_at": timezone.localtime().isoformat(),
        "statuses": sorted(statuses) if statuses else None,
        **{
            name: [
                {column.key: _json_value(column.value(row)) for column in columns if column.in_json}
                for row in rows[name]
            ]
            for name, columns in _tables(with_previous).items() if _exported(name, rows)
        },
    }


def _exported(name: str, rows: dict[str, list]) -> bool:
    """Every table is exported, empty or not, but the stakeholders' inputs: only when the user sees some (a
    country team never does, and a cycle without inputs keeps the files it always had)."""
    return name not in WHEN_NOT_EMPTY or bool(rows[name])


def _json_value(value):
    if isinstance(value, datetime):
        return timezone.localtime(value).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)  # exact, as the snapshot stores it: a float would turn 0.10 into 0.1
    return value
