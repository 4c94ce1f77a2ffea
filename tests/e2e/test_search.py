"""Searching in Arabic, in the browser: the ESCWA reviewer types a word in the header's search box the
way it is often written (no hamza, haa for taa marbuta), finds Tunisia's answer written the other way,
with the word highlighted in an Arabic, right-to-left snippet, and follows the link to the answer."""

import re

import pytest
from playwright.sync_api import Page, expect

from reviews.models import Country, GuidingPrompt
from reviews.services.answers import answer_save
from reviews.services.submission import review_open, review_submit
from tests import factories
from tests.e2e.steps import sign_in
from tests.reviews.conftest import review_complete

pytestmark = [pytest.mark.e2e]

ANSWER = "أطلقت الحكومة إصلاحًا شاملًا لنظام الكفالة، وتتولى إدارة العمالة المنزلية تنفيذه."


@pytest.fixture
def tunisia_submitted(open_cycle, escwa_reviewer):
    focal_point = factories.FocalPointFactory(username="fp-tn", country=Country.objects.get(iso2="TN"))
    review = review_open(cycle=open_cycle, user=focal_point)
    review_complete(review, focal_point, objective_numbers=(1,))
    prompt = GuidingPrompt.objects.get(part__cycle=open_cycle, code="1.1")
    answer = review.answers.get(prompt=prompt)
    answer_save(review=review, prompt=prompt, objective=None, user=focal_point, text_ar=ANSWER, text_en="",
                original_language="ar", base_version=answer.version)  # indexed by the service, no reindex
    review_submit(review=review, user=focal_point)
    return review


def test_reviewer_finds_an_arabic_answer_written_another_way(new_page, tunisia_submitted, escwa_reviewer):
    page: Page = new_page()
    sign_in(page, "reviewer-escwa")

    page.fill("#header-search-q", "ادارة الكفاله")
    page.press("#header-search-q", "Enter")

    expect(page).to_have_url(re.compile(r"/ar/reviews/search/\?q="))
    group = page.locator("section.search-group")
    expect(group).to_have_count(1)
    expect(group.locator("h2")).to_contain_text("تونس")
    snippet = group.locator(".search-snippet")
    expect(snippet).to_have_attribute("dir", "rtl")
    expect(snippet).to_have_attribute("lang", "ar")
    expect(snippet.locator("mark")).to_have_text(["الكفالة", "إدارة"])

    group.locator("a", has_text="1.1").click()

    expect(page).to_have_url(re.compile(rf"/ar/reviews/{tunisia_submitted.uid}/parts/1/#prompt-1\.1$"))
    expect(page.locator("#prompt-1\\.1")).to_be_visible()
