"""Background tasks, run by `manage.py db_worker` (django-tasks with its database backend)."""

from django_tasks import task

from reviews.models import GeneratedReport
from reviews.services.report_builds import (
    build_heartbeat,
    report_failed,
    report_finished,
    report_progress,
    report_started,
    reports_fail_dead,
)


@task()
def build_report(report_id: int) -> int:
    """Builds one requested PDF, writing its phase and pages laid out to the row as it goes, and a heartbeat
    every few seconds (a build without one lost its worker). Built as the person who asked: the report holds
    only what they may see."""
    # Imported here: the web process imports this module to enqueue, and only the worker lays PDFs out
    # (loading WeasyPrint parses its stylesheets, which the pages never need).
    from reviews.report.build import compendium_pdf, country_pdf, report_pdf

    reports_fail_dead()  # builds whose worker died meanwhile: nobody waits on them
    report = GeneratedReport.objects.select_related("cycle", "review__country", "requested_by").get(pk=report_id)
    report_started(report=report)

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
    return built.pages
