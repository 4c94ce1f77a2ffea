"""Regional figures: counts across the countries' reviews, as plain rows for bar charts.

The same rows feed the page and, later, the PDF report: each chart is a list of BarRow
(label, value, share), where share is the length of the bar in percent of the chart's scale.
"""

from dataclasses import dataclass
from typing import NamedTuple

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from reviews.models import Objective, PlanStatus, Policy, ReviewCycle, StakeholderCategory
from reviews.selectors.compilation import compiled_reviews

OBJECTIVES_SHOWN = 5  # the most and the least reported objectives


class BarRow(NamedTuple):
    label: str
    value: int
    share: int  # 0 to 100


@dataclass
class RegionalFigures:
    countries: int  # the reviews counted: the scale of every "how many countries" chart
    stakeholders: list[BarRow]  # countries whose consultations included each category
    policies_by_year: list[BarRow]  # policies adopted, per year
    plan_status: list[BarRow]  # countries per status of their national implementation plan
    most_reported: list[BarRow]  # countries reporting each objective, the most reported first
    least_reported: list[BarRow]  # the least reported first


def _share(value: int, scale: int) -> int:
    """The bar's length in percent; any count above zero stays visible."""
    if not scale or not value:
        return 0
    return max(1, round(100 * value / scale))


def bar_rows(counts: list[tuple[str, int]], *, scale: int) -> list[BarRow]:
    return [BarRow(label=label, value=value, share=_share(value, scale)) for label, value in counts]


def regional_figures(*, user, cycle: ReviewCycle, accepted_only: bool = False) -> RegionalFigures:
    """The figures of the reviews the user sees in the cycle (submitted and later, or accepted only).
    Four queries, whatever the number of countries."""
    reviews = list(compiled_reviews(user=user, cycle=cycle, accepted_only=accepted_only).order_by())
    ids = [review.pk for review in reviews]
    countries = len(reviews)

    categories = StakeholderCategory.objects.annotate(
        countries=Count("consultation__review", filter=Q(consultation__review__in=ids), distinct=True))
    stakeholders = sorted(((category.name, category.countries) for category in categories),
                          key=lambda row: -row[1])  # stable: categories in their reference order on ties

    per_year = list(Policy.objects.filter(review__in=ids, status=Policy.Status.ADOPTED)
                    .values_list("year").annotate(n=Count("pk")).order_by("year"))
    busiest_year = max((n for _year, n in per_year), default=0)

    statuses = [review.plan_status for review in reviews]
    plan_status = [(str(label), statuses.count(value)) for value, label in PlanStatus.choices]
    if "" in statuses:
        plan_status.append((_("Not stated"), statuses.count("")))

    objectives = [
        (f"{objective.number}. {objective.short_label}", objective.number, objective.countries)
        for objective in Objective.objects.annotate(countries=Count(
            "review_objectives", filter=Q(review_objectives__review__in=ids, review_objectives__is_reported=True)))
    ]
    most = sorted(objectives, key=lambda row: (-row[2], row[1]))[:OBJECTIVES_SHOWN]
    least = sorted(objectives, key=lambda row: (row[2], row[1]))[:OBJECTIVES_SHOWN]

    return RegionalFigures(
        countries=countries,
        stakeholders=bar_rows(stakeholders, scale=countries),
        policies_by_year=bar_rows([(str(year), n) for year, n in per_year], scale=busiest_year),
        plan_status=bar_rows(plan_status, scale=countries),
        most_reported=bar_rows([(label, n) for label, _number, n in most], scale=countries),
        least_reported=bar_rows([(label, n) for label, _number, n in least], scale=countries),
    )
