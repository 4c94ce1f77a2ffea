"""Generated PDFs: asking for one, and the build's life from queued to done or failed.

A request is cheap: it computes the data version (a fingerprint of what the report would show) and hands
back the latest build with the same parameters and data version when there is one, so the PDF is built
again only when the data changed, or when the user forces it. Otherwise it records a queued build and
enqueues it once the transaction commits (the worker must find the row).

Imports go one way: this module enqueues reviews.tasks.build_report, and the task records the build's
progress through reviews.services.report_builds, which imports neither.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from reviews import rules
from reviews.models import GeneratedReport, Review, ReviewCycle
from reviews.selectors.reports import country_data_version, regional_data_version
from reviews.selectors.visibility import reviews_visible_to
from reviews.services.errors import DomainError, NotAllowed
from reviews.tasks import build_report

Status = GeneratedReport.Status
STALE_AFTER = datetime.timedelta(minutes=30)  # the full regional report takes about a minute


def _check_languages(languages: str) -> None:
    if languages not in GeneratedReport.Languages.values:
        raise DomainError(_("Choose Arabic, English or both."))


def _reusable(params: dict, *, data_version: str) -> GeneratedReport | None:
    """The latest build with these parameters and this data version, finished or on its way. Not reused:
    a finished build whose file has gone, nor one queued or running for longer than any build takes
    (its worker was stopped: a new request must not wait on it for ever)."""
    latest = (GeneratedReport.objects.filter(**params, data_version=data_version)
              .exclude(status=Status.FAILED).order_by("-created_at", "-pk").first())
    if latest is None:
        return None
    if latest.status == Status.DONE:
        return latest if latest.file and latest.file.storage.exists(latest.file.name) else None
    return latest if timezone.now() - latest.created_at < STALE_AFTER else None


def _create_and_enqueue(params: dict, *, data_version: str, user) -> GeneratedReport:
    report = GeneratedReport.objects.create(**params, data_version=data_version, requested_by=user)
    transaction.on_commit(lambda: build_report.enqueue(report.pk))
    return report


def _request(params: dict, *, data_version: str, user, force: bool) -> GeneratedReport:
    if not force:
        existing = _reusable(params, data_version=data_version)
        if existing is not None:
            return existing
    return _create_and_enqueue(params, data_version=data_version, user=user)


@transaction.atomic
def report_request(*, cycle: ReviewCycle, user, languages: str = "both",
                   include_submitted: bool = False, force: bool = False) -> GeneratedReport:
    """The regional report, for the regional staff. Only organisers add the reviews submitted but not
    yet accepted: the published report holds accepted reviews."""
    if not rules.can_follow_region(user):
        raise NotAllowed(_("Only the regional staff build the regional report."))
    if include_submitted and not rules.can_manage_cycles(user):
        raise NotAllowed(_("Only organisers include reviews that are not accepted yet."))
    _check_languages(languages)
    params = {"kind": GeneratedReport.Kind.REGIONAL, "cycle": cycle, "review": None, "languages": languages,
              "include_submitted": include_submitted}
    return _request(params, data_version=regional_data_version(cycle=cycle, include_submitted=include_submitted),
                    user=user, force=force)


@transaction.atomic
def country_report_request(*, review: Review, user, languages: str = "both",
                           force: bool = False) -> GeneratedReport:
    """One country's review as a PDF, for whoever may see the review."""
    if not reviews_visible_to(user).filter(pk=review.pk).exists():
        raise NotAllowed(_("You cannot see this review."))
    _check_languages(languages)
    params = {"kind": GeneratedReport.Kind.COUNTRY, "cycle_id": review.cycle_id, "review": review,
              "languages": languages, "include_submitted": False}
    return _request(params, data_version=country_data_version(review=review), user=user, force=force)
