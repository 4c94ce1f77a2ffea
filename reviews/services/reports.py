"""Generated PDFs: asking for one.

A request is cheap: it computes the data version (a fingerprint of what the report would show) and hands
back the latest build with the same parameters and data version when there is one, so the PDF is built
again only when the data changed, or when the user forces it. Otherwise it records a queued build and
enqueues it once the transaction commits (the worker must find the row).

Builds are costly (the full regional report takes about a minute of a worker), so each user has at most
one build of a document on its way (asking again, forced or not, hands it back), and may start only
REPORT_BUILDS_PER_MINUTE new builds a minute, counted in the cache every server process shares. A request
answered with an existing build costs nothing.

A build whose worker died (no heartbeat for REPORT_HEARTBEAT_SECONDS) is marked failed before a request looks
for one on its way, so asking again starts a new build at once, on any worker.

Imports go one way: this module enqueues reviews.tasks.build_report, and the task records the build's
progress and heartbeat through reviews.services.report_builds, which imports neither.
"""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gcm_portal.limits import rate_limit_spend
from gcm_portal.logs import current_request_id
from reviews import rules
from reviews.models import GeneratedReport, Review, ReviewCycle
from reviews.selectors.reports import country_data_version, regional_data_version, reports_visible_to
from reviews.selectors.visibility import reviews_visible_to
from reviews.services.errors import DomainError, NotAllowed, RateLimited
from reviews.services.report_builds import heartbeat_timeout, reports_fail_dead
from reviews.tasks import build_report

Status = GeneratedReport.Status
# A running build is watched by its heartbeat (report_builds.reports_fail_dead): a dead worker is noticed within
# REPORT_HEARTBEAT_SECONDS. A build still queued after this long was taken by no worker at all: none is running.
QUEUED_STALE_AFTER = datetime.timedelta(minutes=30)
IN_FLIGHT = (Status.QUEUED, Status.RUNNING)


def _check_languages(languages: str) -> None:
    if languages not in GeneratedReport.Languages.values:
        raise DomainError(_("Choose Arabic, English or both."))


def _is_stale(report: GeneratedReport) -> bool:
    """Nobody waits on it: running without a heartbeat for REPORT_HEARTBEAT_SECONDS (its worker died), or queued
    for longer than any queue takes (no worker is running)."""
    now = timezone.now()
    if report.status == Status.RUNNING:
        return now - (report.heartbeat_at or report.created_at) >= heartbeat_timeout()
    return now - report.created_at >= QUEUED_STALE_AFTER


def _in_flight(params: dict, *, user) -> GeneratedReport | None:
    """The user's own build of this document still on its way, whatever its data version."""
    latest = (GeneratedReport.objects.filter(**params, requested_by=user, status__in=IN_FLIGHT)
              .order_by("-created_at", "-pk").first())
    return latest if latest is not None and not _is_stale(latest) else None


def _reusable(params: dict, *, data_version: str, user) -> GeneratedReport | None:
    """The latest build the user may see with these parameters and this data version, finished or on its
    way. Not reused: a finished build whose file has gone, nor a stale one."""
    latest = (reports_visible_to(user).filter(**params, data_version=data_version)
              .exclude(status=Status.FAILED).order_by("-created_at", "-pk").first())
    if latest is None:
        return None
    if latest.status == Status.DONE:
        return latest if latest.file and latest.file.storage.exists(latest.file.name) else None
    return None if _is_stale(latest) else latest


def _create_and_enqueue(params: dict, *, data_version: str, user) -> GeneratedReport:
    if not rate_limit_spend(scope="report-build", key=str(user.pk), limit=settings.REPORT_BUILDS_PER_MINUTE):
        raise RateLimited(_("You have started several builds in the last minute. Wait a minute, then ask again."))
    report = GeneratedReport.objects.create(**params, data_version=data_version, requested_by=user)
    request_id = current_request_id()  # the worker's log lines of this build carry the request's id
    transaction.on_commit(lambda: build_report.enqueue(report.pk, request_id=request_id))
    return report


def _request(params: dict, *, data_version: str, user, force: bool) -> GeneratedReport:
    # One request of a user at a time (their row locked until commit), so two at once cannot both
    # find no build on its way and queue two.
    list(get_user_model().objects.select_for_update().filter(pk=user.pk).values_list("pk", flat=True))
    reports_fail_dead()
    existing = _in_flight(params, user=user)
    if existing is None and not force:
        existing = _reusable(params, data_version=data_version, user=user)
    if existing is not None:
        return existing
    return _create_and_enqueue(params, data_version=data_version, user=user)


@transaction.atomic
def report_request(*, cycle: ReviewCycle, user, languages: str = "both", include_submitted: bool = False,
                   force: bool = False, kind: str = GeneratedReport.Kind.REGIONAL) -> GeneratedReport:
    """The regional report (or its compendium, every included country's full answers per objective), for
    the regional staff. Only organisers add the reviews submitted but not yet accepted: the published
    report holds accepted reviews (rules.can_request_report)."""
    if not rules.can_request_report(user):
        raise NotAllowed(_("Only the regional staff build the regional report."))
    if not rules.can_request_report(user, include_submitted=include_submitted):
        raise NotAllowed(_("Only organisers include reviews that are not accepted yet."))
    _check_languages(languages)
    if kind not in GeneratedReport.REGIONAL_KINDS:
        raise DomainError(_("Choose the regional report or the compendium."))
    params = {"kind": kind, "cycle": cycle, "review": None, "languages": languages,
              "include_submitted": include_submitted, "from_draft": False}
    return _request(params, data_version=regional_data_version(cycle=cycle, include_submitted=include_submitted),
                    user=user, force=force)


@transaction.atomic
def country_report_request(*, review: Review, user, languages: str = "both", force: bool = False) -> GeneratedReport:
    """One country's review as a PDF, for whoever may see the review. A review never submitted prints
    its live draft: the build is marked as made from a draft and stays the country team's."""
    if not reviews_visible_to(user).filter(pk=review.pk).exists():
        raise NotAllowed(_("You cannot see this review."))
    _check_languages(languages)
    params = {"kind": GeneratedReport.Kind.COUNTRY, "cycle_id": review.cycle_id, "review": review,
              "languages": languages, "include_submitted": False, "from_draft": review.first_submitted_at is None}
    return _request(params, data_version=country_data_version(review=review), user=user, force=force)
