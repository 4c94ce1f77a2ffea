"""Generated PDFs: asking for one, and the build's life from queued to done or failed.

A request is cheap: it computes the data version (a fingerprint of what the report would show) and hands
back the latest build with the same parameters and data version when there is one, so the PDF is built
again only when the data changed, or when the user forces it. Otherwise it records a queued build and
enqueues it once the transaction commits (the worker must find the row).

The caller passes how to enqueue (the views pass `reviews.tasks.build_report.enqueue`): the task module
calls these services to record a build's progress, so they do not import it back.
"""

import datetime
import logging
from collections.abc import Callable

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from reviews import rules
from reviews.models import GeneratedReport, Review, ReviewCycle
from reviews.selectors.reports import country_data_version, regional_data_version
from reviews.selectors.visibility import reviews_visible_to
from reviews.services.errors import DomainError, NotAllowed

logger = logging.getLogger(__name__)

Status = GeneratedReport.Status
ERROR_MAX = 2000
STALE_AFTER = datetime.timedelta(minutes=30)  # the full regional report takes about a minute

Enqueue = Callable[[int], object]  # called with a queued report's id once the request's transaction commits


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


def _create_and_enqueue(params: dict, *, data_version: str, user, enqueue: Enqueue) -> GeneratedReport:
    report = GeneratedReport.objects.create(**params, data_version=data_version, requested_by=user)
    transaction.on_commit(lambda: enqueue(report.pk))
    return report


def _request(params: dict, *, data_version: str, user, force: bool, enqueue: Enqueue) -> GeneratedReport:
    if not force:
        existing = _reusable(params, data_version=data_version)
        if existing is not None:
            return existing
    return _create_and_enqueue(params, data_version=data_version, user=user, enqueue=enqueue)


@transaction.atomic
def report_request(*, cycle: ReviewCycle, user, enqueue: Enqueue, languages: str = "both",
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
                    user=user, force=force, enqueue=enqueue)


@transaction.atomic
def country_report_request(*, review: Review, user, enqueue: Enqueue, languages: str = "both",
                           force: bool = False) -> GeneratedReport:
    """One country's review as a PDF, for whoever may see the review."""
    if not reviews_visible_to(user).filter(pk=review.pk).exists():
        raise NotAllowed(_("You cannot see this review."))
    _check_languages(languages)
    params = {"kind": GeneratedReport.Kind.COUNTRY, "cycle_id": review.cycle_id, "review": review,
              "languages": languages, "include_submitted": False}
    return _request(params, data_version=country_data_version(review=review), user=user, force=force,
                    enqueue=enqueue)


def _data_version_now(report: GeneratedReport) -> str:
    if report.kind == GeneratedReport.Kind.REGIONAL:
        return regional_data_version(cycle=report.cycle, include_submitted=report.include_submitted)
    return country_data_version(review=report.review)


def report_started(*, report: GeneratedReport) -> None:
    """The worker took the build. The data version is taken again: the data may have changed since the
    request, and the file must carry the version of what it prints."""
    report.status, report.phase, report.pages_done = Status.RUNNING, "", 0
    report.started_at = timezone.now()
    report.data_version = _data_version_now(report)
    report.save(update_fields=["status", "phase", "pages_done", "started_at", "data_version"])


def report_progress(*, report: GeneratedReport, phase: str, pages_done: int) -> None:
    """Written at once (one UPDATE, outside any transaction of the build), so the page polling it sees it."""
    GeneratedReport.objects.filter(pk=report.pk).update(phase=phase, pages_done=pages_done)
    report.phase, report.pages_done = phase, pages_done


def report_finished(*, report: GeneratedReport, content: bytes, pages: int) -> None:
    report.file.save("report.pdf", ContentFile(content), save=False)  # the name comes from report_upload_to
    report.size, report.pages_done, report.phase = len(content), pages, ""
    report.status, report.finished_at = Status.DONE, timezone.now()
    report.save(update_fields=["file", "size", "pages_done", "phase", "status", "finished_at"])


def report_failed(*, report: GeneratedReport, error: BaseException) -> None:
    """The error is kept for the staff who maintain the portal; users are told only that it failed."""
    logger.error("Report %s failed: %r", report.uid, error)
    report.status, report.finished_at = Status.FAILED, timezone.now()
    report.error = f"{type(error).__name__}: {error}"[:ERROR_MAX]
    report.save(update_fields=["status", "finished_at", "error"])
