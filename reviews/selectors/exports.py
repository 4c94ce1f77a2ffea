"""The data of a cycle as tables, for the spreadsheet and JSON exports.

Every row comes from the reviews the user may see (reviews_visible_to): a country team exports
its own country, regional staff every review once submitted. The cost is a fixed number of queries,
whatever the number of countries. The columns of each table are in export_columns.py, with the tables
other apps add (the stakeholders' inputs).
"""

from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal

from django.db.models import F, QuerySet
from django.utils import timezone, translation
from django.utils.text import capfirst

from reviews.models import (
    Answer,
    Consultation,
    GoodPractice,
    GovernmentEntity,
    Indicator,
    PlannedAction,
    Policy,
    Review,
    ReviewCycle,
    ReviewObjective,
)
from reviews.selectors.export_columns import ADDED_TABLES, PREVIOUS_COLUMNS, TABLES, Column
from reviews.selectors.previous import previous_cycle
from reviews.selectors.snapshot import reported_answers
from reviews.selectors.visibility import reviews_visible_to

Table = tuple[list[str], list[list]]


def _tables(with_previous: bool) -> dict[str, list[Column]]:
    tables = {**TABLES, **{name: table.columns for name, table in ADDED_TABLES.items()}}
    if with_previous:
        tables["objectives_reported"] = TABLES["objectives_reported"] + PREVIOUS_COLUMNS
    return tables


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
    added = {name: table.rows(user=user, cycle=cycle) for name, table in ADDED_TABLES.items()}
    return {
        **added,
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
    """Every table is exported, empty or not, but an added table that asks for rows: only when the user sees some
    (a country team never sees the stakeholders' inputs, and a cycle without inputs keeps the files it always
    had)."""
    return name not in ADDED_TABLES or not ADDED_TABLES[name].only_with_rows or bool(rows[name])


def _json_value(value):
    if isinstance(value, datetime):
        return timezone.localtime(value).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)  # exact, as the snapshot stores it: a float would turn 0.10 into 0.1
    return value
