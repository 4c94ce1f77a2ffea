"""A build's life once the worker has it: started, its heartbeat and progress, finished or failed, or failed
because its worker died (no heartbeat); and its end, when a newer build of the same report has superseded it
(reports_prune, run daily).

The task module (reviews.tasks) calls these; the request services (reviews.services.reports) enqueue
the task. Kept apart so that imports go one way: reports -> tasks -> report_builds.
"""

import datetime
import logging
import threading
from contextlib import contextmanager
from dataclasses import dataclass

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import DatabaseError, connections, transaction
from django.utils import timezone

from reviews.models import Download, GeneratedReport
from reviews.selectors.reports import country_data_version, regional_data_version

logger = logging.getLogger(__name__)

Status = GeneratedReport.Status
ERROR_MAX = 2000
KEEP_DOWNLOADED = datetime.timedelta(days=30)
KEEP_FAILED = datetime.timedelta(days=1)
PRUNE_BATCH = 500  # ids per query, below every database's limit of parameters


def _data_version_now(report: GeneratedReport) -> str:
    if report.is_regional:
        return regional_data_version(cycle=report.cycle, include_submitted=report.include_submitted)
    return country_data_version(review=report.review)


def report_started(*, report: GeneratedReport) -> None:
    """The worker took the build. The data version is taken again: the data may have changed since the
    request, and the file must carry the version of what it prints."""
    report.status, report.phase, report.pages_done = Status.RUNNING, "", 0
    report.started_at = report.heartbeat_at = timezone.now()
    report.data_version = _data_version_now(report)
    report.save(update_fields=["status", "phase", "pages_done", "started_at", "heartbeat_at", "data_version"])


def report_progress(*, report: GeneratedReport, phase: str, pages_done: int) -> None:
    """Written at once (one UPDATE, outside any transaction of the build), so the page polling it sees it.
    Progress is a heartbeat too."""
    now = timezone.now()
    GeneratedReport.objects.filter(pk=report.pk).update(phase=phase, pages_done=pages_done, heartbeat_at=now)
    report.phase, report.pages_done, report.heartbeat_at = phase, pages_done, now


def report_heartbeat(*, report_id: int) -> bool:
    """The build's worker is alive: one UPDATE, only while the build runs (a build marked dead stays so)."""
    return bool(GeneratedReport.objects.filter(pk=report_id, status=Status.RUNNING)
                .update(heartbeat_at=timezone.now()))


@contextmanager
def build_heartbeat(*, report_id: int):
    """While the block runs, a thread beats for the build every quarter of REPORT_HEARTBEAT_SECONDS, whatever
    the build is doing (a long layout writes no progress). It uses its own database connection, closed when the
    block ends; a beat that fails is logged and tried again at the next one."""
    stop = threading.Event()
    interval = settings.REPORT_HEARTBEAT_SECONDS / 4

    def beat() -> None:
        try:
            while not stop.wait(interval):
                try:
                    report_heartbeat(report_id=report_id)
                except DatabaseError as error:
                    logger.warning("Heartbeat of report %s not written: %r", report_id, error)
        finally:
            connections.close_all()  # this thread's own connections

    thread = threading.Thread(target=beat, name=f"report-{report_id}-heartbeat", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


def heartbeat_timeout() -> datetime.timedelta:
    return datetime.timedelta(seconds=settings.REPORT_HEARTBEAT_SECONDS)


@transaction.atomic
def reports_fail_dead() -> int:
    """Marks failed every running build whose worker sent no heartbeat for REPORT_HEARTBEAT_SECONDS: the worker
    was killed or its machine lost, and nobody must wait on it. Two small queries, cheap enough for every request
    for a build and every poll of its state; rows another request is marking are skipped (never a deadlock
    between two of them). Returns how many it marked."""
    now = timezone.now()
    dead = list(GeneratedReport.objects.select_for_update(skip_locked=True)
                .filter(status=Status.RUNNING, heartbeat_at__lt=now - heartbeat_timeout())
                .values_list("pk", flat=True))
    if not dead:
        return 0
    error = f"WorkerLost: no heartbeat from the worker building it for {settings.REPORT_HEARTBEAT_SECONDS} seconds"
    marked = GeneratedReport.objects.filter(pk__in=dead, status=Status.RUNNING).update(
        status=Status.FAILED, finished_at=now, error=error)
    if marked:
        logger.warning("Marked %s build(s) failed: their worker stopped sending heartbeats", marked)
    return marked


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


@dataclass(frozen=True)
class Pruned:
    builds: int
    bytes: int


def _superseded_ids() -> set[int]:
    """Every finished build but the latest of its report (cycle, kind, review, languages, submitted)."""
    latest_seen, superseded = set(), set()
    rows = (GeneratedReport.objects.filter(status=Status.DONE).order_by("-created_at", "-pk")
            .values_list("pk", "cycle_id", "kind", "review_id", "languages", "include_submitted"))
    for pk, *document in rows:
        key = tuple(document)
        if key in latest_seen:
            superseded.add(pk)
        latest_seen.add(key)
    return superseded


def reports_prune() -> Pruned:
    """Deletes the files and rows of superseded builds, and of failed builds older than a day. Kept: the
    latest finished build of each report and language, every build on its way, and every build somebody
    downloaded in the last 30 days (the download records stay, without their build). Files go before
    rows, so a run stopped half-way leaves only rows the next run removes: safe to run daily."""
    now = timezone.now()
    downloaded = set(Download.objects.filter(created_at__gte=now - KEEP_DOWNLOADED, report__isnull=False)
                     .values_list("report_id", flat=True))
    failed = set(GeneratedReport.objects.filter(status=Status.FAILED, created_at__lt=now - KEEP_FAILED)
                 .values_list("pk", flat=True))
    doomed = sorted((_superseded_ids() | failed) - downloaded)
    builds = freed = 0
    for start in range(0, len(doomed), PRUNE_BATCH):
        batch = GeneratedReport.objects.filter(pk__in=doomed[start:start + PRUNE_BATCH])
        for report in batch.only("pk", "file"):
            if report.file and report.file.storage.exists(report.file.name):
                freed += report.file.storage.size(report.file.name)
                report.file.storage.delete(report.file.name)
        builds += batch.delete()[1].get(GeneratedReport._meta.label, 0)
    return Pruned(builds=builds, bytes=freed)
