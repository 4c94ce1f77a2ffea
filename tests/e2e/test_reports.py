"""The regional report in the browser, built by a real background worker.

The ESCWA reviewer (Arabic interface) opens *Reports* from the navigation, asks for the bilingual
regional report, watches its progress (phase, then pages laid out) and downloads the PDF. The worker is
django-tasks-db's own worker loop, run in a thread against the live server's database with the database
backend (the suite's settings use the immediate backend): the request only enqueues, the worker builds
with the real report_pdf, and the page learns of it by polling.
"""

import re
import threading
import time

import pytest
from django.db import connection
from django.utils import timezone, translation
from django.utils.translation import gettext, pgettext
from django_tasks_db.management.commands.db_worker import Worker
from playwright.sync_api import Page, expect

from reviews.models import Country, GeneratedReport
from tests import factories
from tests.e2e.steps import sign_in
from tests.reviews.reports_content import accept

pytestmark = [pytest.mark.e2e]


def _ar(english: str, context: str = "") -> str:
    with translation.override("ar"):
        return pgettext(context, english) if context else gettext(english)


@pytest.fixture
def three_accepted(open_cycle, escwa_reviewer):
    """Reference data, the open cycle, the ESCWA reviewer and three accepted reviews (committed)."""
    cycle, reviewer = open_cycle, escwa_reviewer
    for iso2 in ("TN", "JO", "EG"):
        focal_point = factories.FocalPointFactory(username=f"fp-{iso2.lower()}",
                                                  country=Country.objects.get(iso2=iso2))
        accept(factories.ReviewFactory(cycle=cycle, country=focal_point.country), focal_point=focal_point,
               reviewer=reviewer)
    return {"cycle": cycle, "reviewer": reviewer}


@pytest.fixture
def worker(settings):
    """`worker()` starts the database worker in a thread for one task; it is stopped after the test."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    started = []

    def start() -> None:
        loop = Worker(queue_names=["default"], interval=0.2, batch=False, backend_name="default",
                      startup_delay=False, max_tasks=1, worker_id="e2e-worker", excluded_queue_names=[])

        def run():
            try:
                loop.run()
            finally:
                connection.close()  # the thread's own connection

        thread = threading.Thread(target=run, name="report-worker", daemon=True)
        thread.start()
        started.append((loop, thread))

    yield start
    for loop, thread in started:
        loop.running = False
        thread.join(timeout=60)


def watch_progress(page: Page, row) -> list[tuple[str, str, str]]:
    """What the row shows (status, phase, pages), each time it changes, until the download link appears."""
    seen = []
    deadline = time.monotonic() + 120
    link = row.locator("a.report-download")
    while time.monotonic() < deadline:
        finished = link.is_visible()  # read first: once it shows, the texts read next are final
        state = tuple(row.locator(selector).inner_text().strip()
                      for selector in (".report-status", ".report-phase", ".report-pages"))
        if not seen or seen[-1] != state:
            seen.append(state)
        if finished:
            return seen
        time.sleep(0.05)
    raise AssertionError(f"No download link after 120 s; the row showed {seen}")


def test_reports_flow_with_progress_and_download(new_page, three_accepted, worker, tmp_path):
    page = new_page()
    sign_in(page, "reviewer-escwa", language="ar")

    page.get_by_role("link", name=_ar("Reports"), exact=True).click()
    expect(page).to_have_url(re.compile(r"/ar/reviews/cycles/arab-2028/reports/$"))
    expect(page.locator("h1")).to_have_text(_ar("Reports"))
    page.get_by_label(_ar("Arabic and English")).check()
    page.get_by_role("button", name=_ar("Build the report")).click()

    row = page.locator("table.reports-table tbody tr").first
    expect(row.locator(".report-status")).to_have_text(_ar("Queued", "report status"))
    report = GeneratedReport.objects.get()
    assert (report.status, report.languages, report.requested_by) == ("queued", "both", three_accepted["reviewer"])

    worker()  # only now may the build start: the page has shown it queued
    seen = watch_progress(page, row)

    running = [state for state in seen if state[0] == _ar("Being built", "report status")]
    phases = {_ar("Gathering the data"), _ar("Laying out the pages"), _ar("Writing the PDF file")}
    assert running, f"the page never showed the build running: {seen}"
    assert all(phase in phases | {""} for _status, phase, _pages in running)
    assert any(phase in phases for _status, phase, _pages in running)
    report.refresh_from_db()
    pages_text = _ar("Pages laid out: %(pages)s") % {"pages": report.pages_done}
    assert seen[-1] == (_ar("Ready", "report status"), "", pages_text)
    assert report.status == "done" and report.pages_done > 10

    with page.expect_download() as download_info:
        row.locator("a.report-download").click()
    download = download_info.value
    path = tmp_path / "report.pdf"
    download.save_as(path)
    assert download.suggested_filename == f"gcm-arab-2028-regional-report-both-{timezone.localdate():%Y-%m-%d}.pdf"
    assert path.read_bytes()[:5] == b"%PDF-"
    assert path.stat().st_size == report.size
