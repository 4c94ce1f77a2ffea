"""Two-factor login through the browser, in Arabic, under the real Content Security Policy.

A reviewer whose role the organisers require to use two-factor login signs in, is sent to enrol,
confirms with the code of their "phone" (computed here from the secret), keeps the recovery codes,
later signs in with one of them. A focal point opens a review's overview with its progress bars.
On every page the browser must report no Content Security Policy violation.
"""

import re

import pytest
from django_otp.oath import totp
from playwright.sync_api import Page, expect

from accounts import two_factor
from reviews.models import Country, Organisation
from tests import factories
from tests.e2e.steps import sign_in

pytestmark = [pytest.mark.e2e]


@pytest.fixture
def people(open_cycle):
    organiser = factories.OrganiserFactory(username="organiser")
    two_factor.two_factor_policy_update(actor=organiser, require_reviewers=True, require_organisers=False,
                                        require_country_teams=False)
    return {
        "reviewer": factories.ReviewerFactory(username="reviewer-iom", organisation=Organisation.objects.get(code="iom")),
        "focal_point": factories.FocalPointFactory(username="fp-jo", country=Country.objects.get(iso2="JO")),
    }


def watch_policy_violations(page: Page) -> list[str]:
    """Chromium reports each blocked inline script or style as a console error."""
    violations = []
    page.on("console", lambda message: violations.append(message.text)
            if message.type == "error" and "Content Security Policy" in message.text else None)
    return violations


def test_reviewer_enrols_then_signs_in_with_a_recovery_code(people, new_page):
    page = new_page()
    violations = watch_policy_violations(page)

    sign_in(page, "reviewer-iom", lands_home=False)
    expect(page).to_have_url(re.compile(r"/ar/accounts/two-factor/\?next=%2Far%2F$"))
    expect(page.locator(".two-factor-qr svg")).to_be_visible()
    device = two_factor.totp_device_pending(user=people["reviewer"])
    expect(page.locator(".two-factor-secret")).to_have_text(two_factor.totp_secret_display(device))

    page.goto("/ar/reviews/notifications/")  # nothing else before enrolment
    expect(page).to_have_url(re.compile(r"/ar/accounts/two-factor/\?next="))
    page.fill("#id_code", f"{totp(device.bin_key):06d}")
    page.click("main form button[type=submit]")
    expect(page).to_have_url(re.compile(r"/ar/accounts/two-factor/recovery-codes/"))
    codes = page.locator(".recovery-codes code").all_inner_texts()
    assert len(codes) == 10
    page.click("text=لقد حفظت رموزي")
    expect(page).to_have_url(re.compile(r"/ar/reviews/notifications/$"))

    page.click("nav .dropdown-toggle")  # signing out is in the menu under the user's name
    page.click("nav form[action$='/logout/'] button")
    sign_in(page, "reviewer-iom", lands_home=False)
    expect(page).to_have_url(re.compile(r"/ar/accounts/two-factor/verify/\?next=%2Far%2F$"))
    page.fill("#id_code", codes[0])
    page.click("main form button[type=submit]")
    expect(page).to_have_url(re.compile(r"/ar/$"))
    expect(page.locator(".alert-warning")).to_contain_text("سجّلت الدخول برمز استرداد")

    assert violations == []


def test_progress_bars_draw_without_inline_styles(people, new_page):
    page = new_page()
    violations = watch_policy_violations(page)

    sign_in(page, "fp-jo", lands_home=False)
    expect(page).to_have_url(re.compile(r"/ar/$"))
    page.click('form[action$="/reviews/open/arab-2028/"] button[type=submit]')
    expect(page).to_have_url(re.compile(r"/ar/reviews/[0-9a-f-]{36}/$"))
    bar = page.locator(".progress-bar.share").first
    expect(bar).to_be_attached()
    share = bar.evaluate("bar => getComputedStyle(bar).getPropertyValue('--share').trim()")
    classes = bar.get_attribute("class")

    assert share == re.search(r"share-(\d+)", classes).group(1) + "%"
    assert violations == []
