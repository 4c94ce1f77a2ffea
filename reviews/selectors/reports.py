"""Reads for generated PDFs: which builds a user sees, and the data version a new build would carry.

The data version is a fingerprint of everything a report prints: which reviews it includes and, for
each table it reads, how many rows there are, the latest change and the sum of row versions (so an
edit, an addition and a deletion all move it). It costs a fixed number of aggregate queries, whatever
the number of countries, so a request can compare it with the last build before enqueueing anything.
"""

import hashlib
import json

from django.db.models import Count, Max, OuterRef, QuerySet, Subquery, Sum

from reviews.models import (
    Answer,
    ChapterCitation,
    CountryHighlight,
    Consultation,
    Download,
    GeneratedReport,
    GoodPractice,
    GovernmentEntity,
    Indicator,
    KeyMessage,
    ObjectiveSynthesis,
    PlannedAction,
    Policy,
    Review,
    ReviewCycle,
    ReviewObjective,
    ReviewVersion,
    SynthesisChapter,
)
from reviews.rules import can_request_report, can_see_downloads
from reviews.selectors.compilation import COMPILED_STATUSES
from reviews.selectors.visibility import reviews_visible_to

# The tables of a country's review, with the path from each to its review.
_REVIEW_TABLES = (
    (Answer, "review_id"),
    (ReviewObjective, "review_id"),
    (GovernmentEntity, "review_id"),
    (Consultation, "review_id"),
    (Policy, "review_id"),
    (PlannedAction, "review_id"),
    (GoodPractice, "review_objective__review_id"),
    (Indicator, "review_objective__review_id"),
)


def reports_visible_to(user) -> QuerySet[GeneratedReport]:
    """A regional report for whoever may ask for it (can_request_report: organisers alone see the builds
    that include reviews not yet accepted); a country PDF for whoever sees its review, except that a build
    made from a draft stays the country team's, whatever the review has become since."""
    reports = GeneratedReport.objects.select_related("cycle", "review__country", "requested_by")
    if not user.is_authenticated or not user.is_active:
        return reports.none()
    country = reports.filter(kind=GeneratedReport.Kind.COUNTRY, review__in=reviews_visible_to(user).values("pk"))
    if not user.is_country_team:
        country = country.filter(from_draft=False)
    if not can_request_report(user):
        return _with_data_as_of(country)
    regional = reports.filter(kind__in=GeneratedReport.REGIONAL_KINDS)
    if not can_request_report(user, include_submitted=True):
        regional = regional.filter(include_submitted=False)
    return _with_data_as_of(regional | country)


def _with_data_as_of(reports: QuerySet[GeneratedReport]) -> QuerySet[GeneratedReport]:
    """Each build with `data_as_of`: when its data version was first built, the date the data it shows
    stood as it is. A reader compares dates, not fingerprints: builds with one data version share one date."""
    first = GeneratedReport.objects.filter(
        cycle=OuterRef("cycle"), kind=OuterRef("kind"), data_version=OuterRef("data_version"),
    ).order_by("created_at", "pk").values("created_at")[:1]
    return reports.annotate(data_as_of=Subquery(first))


def cycle_reports(*, user, cycle: ReviewCycle) -> QuerySet[GeneratedReport]:
    """The regional builds of a cycle (reports and compendiums), newest first, for the reports page."""
    return reports_visible_to(user).filter(cycle=cycle, kind__in=GeneratedReport.REGIONAL_KINDS)


def _fingerprint(parts: dict) -> str:
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


def _tables_state(review_ids: list[int]) -> dict:
    state = {}
    for model, path in _REVIEW_TABLES:
        state[model.__name__] = model.objects.filter(**{f"{path}__in": review_ids}).aggregate(
            n=Count("pk"), last=Max("updated_at"), versions=Sum("version"), top=Max("pk"))
    state["versions"] = sorted(ReviewVersion.objects.filter(review_id__in=review_ids)
                               .values_list("review_id").annotate(number=Max("number")))
    return state


def regional_data_version(*, cycle: ReviewCycle, include_submitted: bool = False) -> str:
    """What the regional report shows: the included reviews, their content and the synthesis chapters.
    Independent of who asks: every regional staff member sees the same reviews."""
    reviews = Review.objects.filter(cycle=cycle)
    reviews = (reviews.filter(status__in=COMPILED_STATUSES) if include_submitted
               else reviews.filter(status=Review.Status.ACCEPTED))
    rows = sorted(reviews.values_list("pk", "status", "updated_at", "plan_version"))
    chapters = SynthesisChapter.objects.filter(cycle=cycle)
    state = {
        "reviews": rows,
        "tables": _tables_state([row[0] for row in rows]),
        # The status table lists every submitted review, included or not.
        "statuses": sorted(Review.objects.filter(cycle=cycle, status__in=COMPILED_STATUSES).values_list(
            "pk", "status", "submitted_at", "is_late")),
        "chapters": chapters.aggregate(n=Count("pk"), last=Max("updated_at"), versions=Sum("version")),
        "featured": SynthesisChapter.featured_practices.through.objects.filter(
            synthesischapter__cycle=cycle).aggregate(n=Count("pk"), top=Max("pk")),
        "sections": ObjectiveSynthesis.objects.filter(chapter__cycle=cycle).aggregate(
            n=Count("pk"), last=Max("updated_at"), versions=Sum("version")),
        "citations": ChapterCitation.objects.filter(chapter__cycle=cycle).aggregate(
            n=Count("pk"), top=Max("pk"), last=Max("created_at")),
        "key_messages": KeyMessage.objects.filter(chapter__cycle=cycle).aggregate(
            n=Count("pk"), last=Max("updated_at"), versions=Sum("version"), top=Max("pk")),
        "key_message_objectives": KeyMessage.objectives.through.objects.filter(
            keymessage__chapter__cycle=cycle).aggregate(n=Count("pk"), top=Max("pk"), sum=Sum("objective_id")),
        "highlights": CountryHighlight.objects.filter(section__chapter__cycle=cycle).aggregate(
            n=Count("pk"), last=Max("updated_at"), versions=Sum("version"), top=Max("pk")),
        "include_submitted": include_submitted,
    }
    return _fingerprint(state)


def country_data_version(*, review: Review) -> str:
    """What a country's PDF shows: the review's status, its latest version and its live tables."""
    row = Review.objects.filter(pk=review.pk).values_list("status", "updated_at", "plan_version").get()
    return _fingerprint({"review": [review.pk, *row], "tables": _tables_state([review.pk])})


def downloads_visible_to(user, *, cycle: ReviewCycle) -> QuerySet[Download]:
    """A cycle's downloads, newest first, for those who answer for them."""
    if not can_see_downloads(user):
        return Download.objects.none()
    return Download.objects.filter(cycle=cycle).select_related("user", "report__review__country")
