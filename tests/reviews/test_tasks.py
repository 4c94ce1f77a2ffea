"""The report task: it records its progress on the build's row as it goes, and its failure."""

import pytest
from django.db import connection

from reviews.models import GeneratedReport
from reviews.services.reports import country_report_request, report_request
from reviews.tasks import build_report
from tests.reviews.reports_content import accept

pytestmark = pytest.mark.django_db


class ProgressRows:
    """Every (phase, pages_done) the task writes to the build's row, in order, read from the SQL sent."""

    def __init__(self):
        self.rows = []

    def __call__(self, execute, sql, params, many, context):
        if sql.startswith('UPDATE "reviews_generatedreport" SET "phase" = %s, "pages_done" = %s'):
            self.rows.append((params[0], params[1]))
        return execute(sql, params, many, context)


def test_build_report_writes_each_phase_and_the_pages_laid_out(review, focal_point, reviewer):
    accepted = accept(review, focal_point=focal_point, reviewer=reviewer)
    report = report_request(cycle=accepted.cycle, user=reviewer, languages="both")  # queued: not run on commit
    progress = ProgressRows()

    with connection.execute_wrapper(progress):
        pages = build_report.call(report.pk)

    report.refresh_from_db()
    phases = [phase for phase, _pages in progress.rows]
    layout_pages = [pages_done for phase, pages_done in progress.rows if phase == "layout"]
    assert phases == ["gathering", "layout", "layout", "layout", "writing"]  # layout starts, then one per edition
    assert progress.rows[0] == ("gathering", 0)
    assert 0 == layout_pages[0] < layout_pages[1] < layout_pages[2] == pages
    assert progress.rows[-1] == ("writing", pages)
    assert (report.status, report.phase, report.pages_done) == ("done", "", pages)
    assert report.file.read(5) == b"%PDF-"


def test_build_report_records_a_failure(submitted_review, focal_point, other_focal_point):
    """The focal point who asked moved to another country before the build ran: the review is no longer
    theirs to see, the build fails and says so, and no file is written."""
    report = country_report_request(review=submitted_review, user=focal_point, languages="en")
    focal_point.country = other_focal_point.country
    focal_point.save(update_fields=["country"])

    with pytest.raises(Exception) as raised:
        build_report.call(report.pk)

    report.refresh_from_db()
    assert (report.status, bool(report.file)) == (GeneratedReport.Status.FAILED, False)
    assert report.error == f"NotFound: {raised.value}"
    assert report.finished_at is not None
