"""The regional dashboard: every country of a cycle, its status and completeness, in a few queries."""

from dataclasses import dataclass

from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from reviews.models import Country, Review, ReviewCycle, ReviewEvent
from reviews.selectors.countries import name_sort_key
from reviews.selectors.visibility import countries_visible_to, reviews_visible_to
from reviews.selectors.workspace import Progress, reviews_progress

DASHBOARD_SORTS = {
    "country": _("Country"),
    "status": _("Status"),
    "progress": _("Progress"),
    "activity": _("Last activity"),
}

# The filter offers what the staff can see: a country's draft is private to it, so "draft" is no choice;
# a country without a submitted review reads "not submitted", whether it has a draft or nothing yet.
NOT_SUBMITTED = "none"
DASHBOARD_STATUSES = [(NOT_SUBMITTED, _("Not submitted"))] + [
    (value, label) for value, label in Review.Status.choices if value != Review.Status.DRAFT
]


@dataclass
class DashboardRow:
    country: Country
    review: Review | None
    progress: Progress | None
    last_activity: object
    reviewer: object = None  # who took the review (the latest move into "in review"), once taken

    @property
    def objectives_reported(self) -> int:
        return self.progress.objectives_reported if self.progress else 0

    @property
    def is_late(self) -> bool:
        return bool(self.review and self.review.is_late)


def dashboard_rows(*, user, cycle: ReviewCycle, status: str = "", late_only: bool = False,
                   sort: str = "country") -> list[DashboardRow]:
    """Every country the user sees with its review in the cycle, if they may see it (a draft stays
    private to its country). The number of queries does not depend on the number of countries."""
    reviews = {
        review.country_id: review
        for review in reviews_visible_to(user).filter(cycle=cycle).annotate(last_change=Max("changes__created_at"))
    }
    progress = reviews_progress(reviews.values())
    reviewers = reviewers_of(reviews.values())
    rows = []
    for country in countries_visible_to(user):
        review = reviews.get(country.pk)
        rows.append(DashboardRow(
            country=country, review=review, progress=progress[review.pk] if review else None,
            last_activity=max(filter(None, [review.updated_at, review.last_change])) if review else None,
            reviewer=reviewers.get(review.pk) if review else None,
        ))
    if status == NOT_SUBMITTED:
        rows = [row for row in rows if row.review is None]
    elif status in Review.Status.values:
        rows = [row for row in rows if row.review and row.review.status == status]
    if late_only:
        rows = [row for row in rows if row.is_late]
    return sorted(rows, key=_SORT_KEYS[sort])


def reviewers_of(reviews) -> dict:
    """Who took each review, by review id: the actor of its latest move into "in review" (taking it, or an
    organiser reopening it), in one query."""
    events = ReviewEvent.objects.filter(review__in=list(reviews), to_status=Review.Status.IN_REVIEW).select_related(
        "actor").order_by("review_id", "created_at", "pk")
    return {event.review_id: event.actor for event in events}


_SORT_KEYS = {
    "country": lambda row: (name_sort_key(row.country.name), row.country.iso2),
    "status": lambda row: (row.review.status if row.review else "", name_sort_key(row.country.name)),
    "progress": lambda row: (-(row.progress.percent if row.progress else -1), name_sort_key(row.country.name)),
    "activity": lambda row: (-(row.last_activity.timestamp() if row.last_activity else 0),
                             name_sort_key(row.country.name)),
}
