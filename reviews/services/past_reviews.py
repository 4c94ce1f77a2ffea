"""Bringing an earlier cycle's reviews into the portal: from this portal's JSON export (one portal's export
loads into another), or one country's review from a filled Word template. Only into a closed cycle, only by an
organiser, never over a review the cycle already has. An imported review is marked with its source, is
read-only and counts as accepted: its snapshot is stored as its submitted version, as for a review written here.
"""

from datetime import datetime, time

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from reviews import rules
from reviews.models import Country, PlanStatus, Review, ReviewCycle, ReviewVersion
from reviews.selectors.snapshot import review_snapshot
from reviews.services.errors import DomainError, NotAllowed
from reviews.services.review_data import ContentWriter, tables_by_country

SOURCE_MAX = 300


def _imported_at(cycle: ReviewCycle) -> datetime:
    """When an imported review counts as submitted: its cycle's deadline (the day of the import without one)."""
    day = cycle.submission_deadline or timezone.localdate()
    return timezone.make_aware(datetime.combine(day, time(12)))


def reviews_mark_imported(*, reviews: list[Review], source: str, user) -> None:
    """Mark reviews just written into a closed cycle as imported from `source`: accepted, submitted at the
    cycle's deadline, with their snapshot stored as version 1 (what reports and comparisons read)."""
    for review in reviews:
        when = _imported_at(review.cycle)
        Review.objects.filter(pk=review.pk).update(
            status=Review.Status.ACCEPTED, imported_from=source[:SOURCE_MAX], submitted_at=when,
            first_submitted_at=when, updated_at=timezone.now())
        review.refresh_from_db()
        ReviewVersion.objects.create(review=review, number=review.versions.count() + 1,
                                     content=review_snapshot(review), submitted_by=user, submitted_at=when)


def past_import_check(*, cycle: ReviewCycle, user) -> None:
    """Only an organiser, only into a closed cycle."""
    if not rules.can_manage_cycles(user):
        raise NotAllowed(_("Only an organiser brings in the reviews of an earlier cycle."))
    if cycle.is_open:
        raise DomainError(_("The cycle %(cycle)s is open: reviews are brought in only into a closed cycle, where "
                            "nobody writes any more. Nothing was imported.") % {"cycle": cycle.slug})


def past_import_check_no_review(*, cycle: ReviewCycle, countries: list[Country]) -> None:
    """An import never replaces a review the cycle has."""
    existing = list(Review.objects.filter(cycle=cycle, country__in=countries).select_related("country")
                    .order_by("country__iso2"))
    if existing:
        raise DomainError(_("The cycle %(cycle)s already has a review of %(countries)s: it is never replaced. "
                            "Nothing was imported.") % {
            "cycle": cycle.slug, "countries": ", ".join(review.country.name for review in existing)})


@transaction.atomic
def cycle_reviews_import(*, cycle: ReviewCycle, data: dict, user, source: str) -> list[Review]:
    """Load the reviews of a JSON export (export_data --format json) into a closed cycle: all or nothing."""
    past_import_check(cycle=cycle, user=user)
    if not isinstance(data, dict) or not isinstance(data.get("countries"), list):
        raise DomainError(_("This is not a JSON export of the portal: it has no list of countries. Nothing was "
                            "imported."))
    codes = [str(row.get("country", "")).upper() for row in data["countries"] if isinstance(row, dict)]
    countries = {country.iso2: country for country in Country.objects.filter(iso2__in=codes)}
    unknown = [code for code in codes if code not in countries]
    if unknown:
        raise DomainError(_("Unknown countries: %(codes)s. Nothing was imported.") % {"codes": ", ".join(unknown)})
    if not codes:
        raise DomainError(_("The file holds no review. Nothing was imported."))
    past_import_check_no_review(cycle=cycle, countries=list(countries.values()))
    tables = tables_by_country(data)
    writer = ContentWriter(cycle=cycle, user=user)
    reviews = []
    for row in data["countries"]:
        country = countries[str(row["country"]).upper()]
        review = Review.objects.create(cycle=cycle, country=country, plan_status=_plan_status(row))
        writer.review_read(review=review, tables=tables.get(country.iso2, {}))
        reviews.append(review)
    writer.save()
    reviews_mark_imported(reviews=reviews, source=source, user=user)
    return reviews


def _plan_status(row: dict) -> str:
    value = row.get("plan_status") or ""
    return value if value in PlanStatus.values else ""
