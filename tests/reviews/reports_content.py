"""Content shared by the tests of generated PDFs: an accepted review the regional report includes, and
builds of a given age with a small file."""

import datetime

import time_machine
from django.core.files.base import ContentFile
from django.utils import timezone

from reviews.models import GeneratedReport
from reviews.services.submission import review_submit
from reviews.services.workflow import review_accept, review_take
from tests import factories
from tests.reviews.conftest import review_complete


def accept(review, *, focal_point, reviewer):
    """Complete, submit, take and accept `review`: the regional report includes it."""
    review_complete(review, focal_point)
    review_submit(review=review, user=focal_point)
    review_take(review=review, reviewer=reviewer)
    review_accept(review=review, reviewer=reviewer)
    review.refresh_from_db()
    return review


def build_at(cycle, user, *, days_ago: float, languages="en", status="done", review=None,
             size=10) -> GeneratedReport:
    """A build made `days_ago`, with a file of `size` bytes once done (its data version unique to it)."""
    with time_machine.travel(timezone.now() - datetime.timedelta(days=days_ago)):
        report = factories.GeneratedReportFactory(  # a country's build when given its review
            cycle=cycle, review=review, languages=languages, status=status, requested_by=user,
            data_version=f"{languages}{days_ago}".ljust(64, "0"))
        if status == "done":
            report.file.save("report.pdf", ContentFile(b"%" * size))
    return report
