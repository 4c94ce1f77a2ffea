"""End-to-end tests: the real pages in headless Chromium, driven by Playwright's sync API.

We launch Debian's Chromium rather than a browser Playwright downloads: the download is not
available on every machine the suite runs on, and `make install` installs the package.
"""

from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"end-to-end tests need Chromium at {CHROMIUM}")
    from playwright.sync_api import expect, sync_playwright

    # Assertions wait as long as actions: a 2-core machine under load can take seconds per page.
    expect.set_options(timeout=30_000)

    # Playwright's sync API keeps an asyncio loop running in this thread, and Django then refuses
    # ORM calls from it. They are safe here (the loop never runs Django code); the variable is
    # restored afterwards so the rest of the suite keeps the check.
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            yield chromium
            chromium.close()


@pytest.fixture
def new_page(browser, live_server):
    """`new_page()` opens a page in a fresh browser context: one context per signed-in user.
    `new_page(locale="en")` for a user whose browser asks for English."""
    contexts = []

    def open_page(locale="ar"):
        context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900},
                                      locale=locale)
        context.set_default_timeout(30_000)
        # A "leave the page?" prompt must not silently cancel a navigation in a headless run.
        context.on("page", lambda page: page.on("dialog", lambda dialog: dialog.accept()))
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def open_cycle(transactional_db):
    """Reference data and the open cycle arab-2028 with its template. Rows must be committed for the
    live server's thread to see them, hence transactional_db."""
    import datetime

    from django.utils import timezone

    from reviews.services.reference import cycle_create, reference_load

    reference_load()
    return cycle_create(
        slug="arab-2028", name_ar="الاستعراض الإقليمي الثالث", name_en="Third regional review",
        submission_deadline=timezone.localdate() + datetime.timedelta(days=60), is_open=True,
    )


@pytest.fixture
def escwa_reviewer(open_cycle):
    from reviews.models import Organisation
    from tests import factories

    return factories.ReviewerFactory(username="reviewer-escwa", first_name="Omar", last_name="Haddad",
                                     organisation=Organisation.objects.get(code="escwa"))
