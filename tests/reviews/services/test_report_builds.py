"""Pruning superseded builds: the latest of each report and language stays, and so does every build
somebody downloaded in the last 30 days; older failures go. (Progress is tested with the task.)"""

import datetime

import pytest
import time_machine
from django.utils import timezone

from reviews.models import Download, GeneratedReport
from reviews.services.report_builds import Pruned, reports_prune
from tests import factories
from tests.reviews.reports_content import build_at

pytestmark = pytest.mark.django_db


def _downloaded(report, user, *, days_ago: float) -> None:
    with time_machine.travel(timezone.now() - datetime.timedelta(days=days_ago)):
        factories.DownloadFactory(user=user, report=report, file_name="x.pdf")


def _exists(report) -> bool:
    return report.file.storage.exists(report.file.name)


def test_reports_prune_keeps_the_latest_build_of_each_report_and_language(open_cycle, reviewer, submitted_review):
    old_english = build_at(open_cycle, reviewer, days_ago=3, size=100)
    new_english = build_at(open_cycle, reviewer, days_ago=2)
    arabic = build_at(open_cycle, reviewer, days_ago=5, languages="ar")
    old_country = build_at(open_cycle, reviewer, days_ago=4, review=submitted_review, size=7)
    new_country = build_at(open_cycle, reviewer, days_ago=1, review=submitted_review)

    pruned = reports_prune()

    assert pruned == Pruned(builds=2, bytes=107)
    assert set(GeneratedReport.objects.all()) == {new_english, arabic, new_country}
    assert (_exists(old_english), _exists(old_country), _exists(new_english), _exists(new_country)) == (
        False, False, True, True)


def test_reports_prune_keeps_what_was_downloaded_in_the_last_30_days(open_cycle, reviewer, organiser):
    downloaded_lately = build_at(open_cycle, reviewer, days_ago=40)
    downloaded_long_ago = build_at(open_cycle, reviewer, days_ago=41)
    latest = build_at(open_cycle, reviewer, days_ago=1)
    _downloaded(downloaded_lately, organiser, days_ago=29)
    _downloaded(downloaded_long_ago, organiser, days_ago=31)

    reports_prune()

    assert set(GeneratedReport.objects.all()) == {downloaded_lately, latest}
    assert _exists(downloaded_lately)
    assert sorted(Download.objects.values_list("report_id", flat=True), key=str) == [downloaded_lately.pk, None]


def test_reports_prune_removes_failures_after_a_day_and_keeps_builds_on_their_way(open_cycle, reviewer):
    old_failure = build_at(open_cycle, reviewer, days_ago=2, status="failed")
    new_failure = build_at(open_cycle, reviewer, days_ago=0.5, status="failed")
    queued = build_at(open_cycle, reviewer, days_ago=3, status="queued")
    running = build_at(open_cycle, reviewer, days_ago=3, status="running")

    assert reports_prune() == Pruned(builds=1, bytes=0)
    assert set(GeneratedReport.objects.all()) == {new_failure, queued, running}
    assert not GeneratedReport.objects.filter(pk=old_failure.pk).exists()
