"""Pruning superseded builds: the latest of each report and language stays, and so does every build
somebody downloaded in the last 30 days; older failures go. A build whose worker died (no heartbeat for
REPORT_HEARTBEAT_SECONDS) is marked failed, and nobody waits on it. (Progress is tested with the task.)"""

import datetime
import time

import pytest
import time_machine
from django.utils import timezone

from reviews.models import Download, GeneratedReport
from reviews.services.report_builds import (
    Pruned,
    build_heartbeat,
    report_heartbeat,
    report_started,
    reports_fail_dead,
    reports_prune,
)
from reviews.services.reports import report_request
from tests import factories
from tests.reviews.reports_content import accept, build_at

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


# --- a dead worker ------------------------------------------------------------------------------------------


@pytest.fixture
def accepted(review, focal_point, reviewer):
    return accept(review, focal_point=focal_point, reviewer=reviewer)


def test_a_build_whose_worker_died_is_failed_within_the_heartbeat_and_a_new_request_starts_at_once(
        accepted, reviewer, settings):
    """The worker took the build (running, heartbeat written), then was killed: no heartbeat comes. Within
    REPORT_HEARTBEAT_SECONDS a request waits on it; past it, the build is failed and a new one is queued
    for any other worker to take, never a wait of half an hour."""
    settings.REPORT_HEARTBEAT_SECONDS = 2
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        taken = report_request(cycle=accepted.cycle, user=reviewer, languages="en")
        report_started(report=taken)
    with time_machine.travel(start + datetime.timedelta(seconds=1.5), tick=False):
        while_alive = report_request(cycle=accepted.cycle, user=reviewer, languages="en")

    with time_machine.travel(start + datetime.timedelta(seconds=2.5), tick=False):
        after_death = report_request(cycle=accepted.cycle, user=reviewer, languages="en")

    taken.refresh_from_db()
    assert while_alive == taken
    assert after_death != taken and after_death.status == GeneratedReport.Status.QUEUED
    assert (taken.status, taken.error) == (
        GeneratedReport.Status.FAILED, "WorkerLost: no heartbeat from the worker building it for 2 seconds")
    assert taken.finished_at == start + datetime.timedelta(seconds=2.5)


def test_a_build_that_keeps_beating_is_waited_on(accepted, reviewer, settings):
    settings.REPORT_HEARTBEAT_SECONDS = 2
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        taken = report_request(cycle=accepted.cycle, user=reviewer, languages="en")
        report_started(report=taken)
    for seconds in (1, 2, 3):
        with time_machine.travel(start + datetime.timedelta(seconds=seconds), tick=False):
            assert report_heartbeat(report_id=taken.pk) is True

    with time_machine.travel(start + datetime.timedelta(seconds=4.5), tick=False):
        again = report_request(cycle=accepted.cycle, user=reviewer, languages="en")
        marked = reports_fail_dead()

    assert (again, marked) == (taken, 0)
    taken.refresh_from_db()
    assert taken.status == GeneratedReport.Status.RUNNING


def test_reports_fail_dead_leaves_queued_finished_and_beating_builds_alone(open_cycle, reviewer, settings):
    settings.REPORT_HEARTBEAT_SECONDS = 2
    old = timezone.now() - datetime.timedelta(seconds=3)
    Status = GeneratedReport.Status
    rows = {status: factories.GeneratedReportFactory(cycle=open_cycle, requested_by=reviewer, status=status,
                                                     heartbeat_at=old)
            for status in (Status.QUEUED, Status.DONE, Status.FAILED, Status.RUNNING)}
    beating = factories.GeneratedReportFactory(cycle=open_cycle, requested_by=reviewer, status=Status.RUNNING,
                                               heartbeat_at=timezone.now())

    assert reports_fail_dead() == 1

    statuses = {status: GeneratedReport.objects.get(pk=row.pk).status for status, row in rows.items()}
    assert statuses == {Status.QUEUED: Status.QUEUED, Status.DONE: Status.DONE, Status.FAILED: Status.FAILED,
                        Status.RUNNING: Status.FAILED}
    assert GeneratedReport.objects.get(pk=beating.pk).status == Status.RUNNING


@pytest.mark.django_db(transaction=True)  # the heartbeat thread has its own connection: it sees committed rows
def test_build_heartbeat_beats_from_its_own_thread_while_the_build_runs(open_cycle, reviewer, settings):
    settings.REPORT_HEARTBEAT_SECONDS = 2  # a beat every half second
    old = timezone.now() - datetime.timedelta(seconds=10)
    report = factories.GeneratedReportFactory(cycle=open_cycle, requested_by=reviewer,
                                              status=GeneratedReport.Status.RUNNING, heartbeat_at=old)

    with build_heartbeat(report_id=report.pk):
        time.sleep(1.2)  # the build at work, writing nothing
        beaten = GeneratedReport.objects.get(pk=report.pk).heartbeat_at

    assert old + datetime.timedelta(seconds=9) < beaten <= timezone.now()
