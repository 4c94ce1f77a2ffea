"""Background tasks, run by `manage.py db_worker` (django-tasks with its database backend)."""

import logging

from django_tasks import task

from gcm_portal.logs import request_id_bound
from reviews.models import GeneratedReport
from reviews.services.report_builds import (
    build_heartbeat,
    report_failed,
    report_finished,
    report_progress,
    report_started,
    reports_fail_dead,
)

logger = logging.getLogger(__name__)


@task()
def build_report(report_id: int, request_id: str = "") -> int:
    """Builds one requested PDF, writing its phase and pages laid out to the row as it goes, and a heartbeat
    every few seconds (a build without one lost its worker). Built as the person who asked: the report holds
    only what they may see. Its log lines carry the id of the request that asked for it."""
    with request_id_bound(request_id):
        return _build_report(report_id)


def _build_report(report_id: int) -> int:
    # Imported here: the web process imports this module to enqueue, and only the worker lays PDFs out
    # (loading WeasyPrint parses its stylesheets, which the pages never need).
    from reviews.report.build import compendium_pdf, country_pdf, report_pdf

    reports_fail_dead()  # builds whose worker died meanwhile: nobody waits on them
    report = GeneratedReport.objects.select_related("cycle", "review__country", "requested_by").get(pk=report_id)
    report_started(report=report)
    logger.info("Building report %s (%s, %s)", report.uid, report.kind, report.languages)

    def on_progress(phase: str, pages_done: int) -> None:
        report_progress(report=report, phase=phase, pages_done=pages_done)

    try:
        with build_heartbeat(report_id=report.pk):
            if report.kind == GeneratedReport.Kind.COMPENDIUM:
                built = compendium_pdf(cycle=report.cycle, user=report.requested_by, languages=report.language_codes,
                                       include_submitted=report.include_submitted, on_progress=on_progress)
            elif report.kind == GeneratedReport.Kind.REGIONAL:
                built = report_pdf(cycle=report.cycle, user=report.requested_by, languages=report.language_codes,
                                   include_submitted=report.include_submitted, on_progress=on_progress)
            else:
                built = country_pdf(review=report.review, user=report.requested_by, languages=report.language_codes,
                                    on_progress=on_progress)
    except Exception as error:
        report_failed(report=report, error=error)
        raise  # the task's own result records the failure too
    report_finished(report=report, content=built.content, pages=built.pages)
    logger.info("Report %s built: %s pages, %s bytes", report.uid, built.pages, len(built.content))
    return built.pages
