"""The good practices of all countries: the catalogue a regional reviewer pages through and filters, and the
practices a user may see. Every read starts from the reviews the user sees, so a draft stays private."""

from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import QuerySet

from reviews.models import (
    Country,
    GoodPractice,
    GoodPracticeCriterion,
    Objective,
    PracticeType,
    Review,
    ReviewCycle,
    RoundTable,
)
from reviews.selectors.compilation import compiled_reviews
from reviews.selectors.countries import by_country_name
from reviews.selectors.reference import reference_by_pk, reference_rows, with_reference, with_reference_relations
from reviews.selectors.visibility import reviews_visible_to


def practices_visible_to(user) -> QuerySet[GoodPractice]:
    """Good practices of the reviews the user sees, under an objective the country still reports, with
    what a practice's own page shows."""
    return _practices_listed(user).select_related("review_objective__review__cycle").prefetch_related("partners")


def _practices_listed(user) -> QuerySet[GoodPractice]:
    """The same practices with what a list of them shows."""
    return _as_listed(GoodPractice.objects.filter(
        review_objective__review__in=reviews_visible_to(user), review_objective__is_reported=True))


def practices_with_reference(practices: list[GoodPractice]) -> list[GoodPractice]:
    """The practices (read with their objective and review) given the rest of what a list of them names from
    the reference lists kept per process: the kind, the objective with its round table, the country."""
    with_reference(practices, kind=PracticeType)
    with_reference([practice.review_objective for practice in practices], objective=Objective)
    with_reference([practice.review_objective.review for practice in practices], country=Country)
    return practices


def _as_listed(practices: QuerySet[GoodPractice]) -> QuerySet[GoodPractice]:
    """What a list of practices shows: country, objective, kind, criteria."""
    return practices.select_related("review_objective__review__country", "review_objective__objective__round_table",
                                    "kind").prefetch_related("criteria")


def practices_catalogue(*, user, cycle: ReviewCycle, objective_number: int | None = None,
                        round_table_number: int | None = None, kind_code: str = "", criterion_code: str = "",
                        country_iso2: str = "", accepted_only: bool = False) -> "Catalogue":
    """The good practices of every country in the cycle, by objective then country name in the active
    language (by_country_name), as a Catalogue a Paginator pages: the order is found from a few numbers per
    practice, then only the practices of the page asked for are read."""
    reviews = list(compiled_reviews(user=user, cycle=cycle, accepted_only=accepted_only).order_by()
                   .values_list("pk", flat=True))
    practices = GoodPractice.objects.filter(review_objective__review__in=reviews, review_objective__is_reported=True)
    if objective_number:
        practices = practices.filter(review_objective__objective__number=objective_number)
    if round_table_number:
        practices = practices.filter(review_objective__objective__round_table__number=round_table_number)
    if kind_code:
        practices = practices.filter(kind__code=kind_code)
    if criterion_code:
        practices = practices.filter(criteria__code=criterion_code)
    if country_iso2:
        practices = practices.filter(review_objective__review__country__iso2=country_iso2.upper())
    found = list(practices.order_by().values_list(
        "pk", "review_objective__objective__number", "review_objective__review__country_id"))
    shown = {country_id for _pk, _number, country_id in found}
    countries = reference_by_pk(Country, needed=shown)
    rank = {country.pk: place for place, country in enumerate(by_country_name(countries[pk] for pk in shown))}
    return Catalogue([pk for pk, _number, _country in sorted(found, key=lambda row: (row[1], rank[row[2]], row[0]))])


class Catalogue(Sequence):
    """Good practices in a given order, read only when a slice of them is asked for (a page): with what a
    list of them shows (country, objective, kind, criteria). The order is set in Python because the
    country-name order as a database expression cost more than the rest of the page."""

    def __init__(self, ids: list[int]):
        self.ids = ids

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, index):
        if isinstance(index, slice):
            ids = self.ids[index]
            practices = GoodPractice.objects.filter(pk__in=ids).select_related("review_objective__review").in_bulk()
            return with_reference_relations(practices_with_reference([practices[pk] for pk in ids]), "criteria")
        return self[index:index + 1][0] if index >= 0 else self[len(self) + index:][0]

    def __iter__(self):
        return iter(self[:])


@dataclass
class CatalogueChoices:
    objectives: list[Objective]
    round_tables: list[RoundTable]
    kinds: list[PracticeType]
    criteria: list[GoodPracticeCriterion]
    countries: list[Review]


def practice_filter_choices(*, user, cycle: ReviewCycle) -> CatalogueChoices:
    """What the catalogue can be filtered by: the reference lists kept per process, and one query."""
    return CatalogueChoices(
        objectives=reference_rows(Objective), round_tables=reference_rows(RoundTable),
        kinds=reference_rows(PracticeType), criteria=reference_rows(GoodPracticeCriterion),
        countries=by_country_name(compiled_reviews(user=user, cycle=cycle), lambda review: review.country),
    )
