"""A build's life once the worker has it: started, its progress, finished or failed.

The task module (reviews.tasks) calls these; the request services (reviews.services.reports) enqueue
the task. Kept apart so that imports go one way: reports -> tasks -> report_builds.
"""

import logging

from django.core.files.base import ContentFile
from django.utils import timezone

from reviews.models import GeneratedReport
from reviews.selectors.reports import country_data_version, regional_data_version

logger = logging.getLogger(__name__)

Status = GeneratedReport.Status
ERROR_MAX = 2000


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
