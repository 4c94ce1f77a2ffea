"""Writing a round-table chapter of the regional synthesis, in the browser.

The ESCWA reviewer (Arabic interface) opens the synthesis from the dashboard, writes round table 4's
chapter in Arabic (autosaved), cites the answers of two countries whose reviews were submitted,
features Tunisia's good practice, and previews the chapter: in Arabic it reads the text; in English
it shows the Arabic text marked "Only in Arabic" until the English text is written.
"""

import re

import pytest
from playwright.sync_api import Page, expect

from reviews.models import ChapterCitation, Country, ReviewObjective, SynthesisChange, SynthesisChapter
from reviews.services.submission import review_open, review_submit
from tests import factories
from tests.e2e.steps import sign_in
from tests.reviews.conftest import review_complete

pytestmark = [pytest.mark.e2e]

ARABIC = "حسّنت بلدان المنطقة جمع بيانات الهجرة وتبادلها."
ENGLISH = "Countries of the region improved how they collect and share migration data."
NOTE = "مسح القوى العاملة"
PRACTICE = "المرصد الوطني للهجرة"


@pytest.fixture
def two_submitted(open_cycle, escwa_reviewer):
    """Reference data, the open cycle, the ESCWA reviewer, and the submitted reviews of Tunisia and
    Jordan (objective 1, round table 4, reported); Tunisia has a good practice on it."""
    cycle, reviewer = open_cycle, escwa_reviewer
    reviews = {}
    for iso2 in ("TN", "JO"):
        focal_point = factories.FocalPointFactory(username=f"fp-{iso2.lower()}",
                                                  country=Country.objects.get(iso2=iso2))
        review = review_open(cycle=cycle, user=focal_point)
        review_complete(review, focal_point, objective_numbers=(1,))
        review_submit(review=review, user=focal_point)
        reviews[iso2] = review
    practice = factories.GoodPracticeFactory(
        review_objective=ReviewObjective.objects.get(review=reviews["TN"], objective__number=1), title=PRACTICE,
        description="منصة وطنية لتبادل بيانات الهجرة بين الوزارات.")
    return {"cycle": cycle, "reviewer": reviewer, "reviews": reviews, "practice": practice}


def type_and_wait_saved(page: Page, name: str, text: str) -> None:
    """Type into a textarea, leave it, and wait for the autosave's own "Saved" message."""
    box = page.locator(f'textarea[name="{name}"]')
    box.focus()
    box.press_sequentially(text)
    box.blur()
    saved = page.locator(".autosave-root").get_attribute("data-msg-saved")
    form = page.locator("form.answer-form", has=box)
    expect(form.locator(".save-state")).to_have_text(re.compile("^" + re.escape(saved)))
    expect(box).to_have_value(text)


def cite(page: Page, review, prompt_code: str, objective: str, note: str = "") -> None:
    form = page.locator("form.cite-form")
    form.locator("select[name=review]").select_option(str(review.uid))
    form.locator("select[name=prompt_code]").select_option(prompt_code)
    form.locator("select[name=objective_number]").select_option(objective)
    form.locator("input[name=note]").fill(note)
    form.locator("button[type=submit]").click()
    expect(page.locator("main .alert-success")).to_have_count(1)


def test_reviewer_writes_cites_features_and_previews_a_round_table_chapter(two_submitted, new_page, tmp_path):
    tunisia, jordan = two_submitted["reviews"]["TN"], two_submitted["reviews"]["JO"]
    page = new_page(locale="ar")
    shot = lambda name: page.screenshot(path=tmp_path / f"{name}.png", full_page=True)  # noqa: E731
    sign_in(page, "reviewer-escwa", language="ar")

    # From the dashboard to the synthesis, whose first visit lays out the chapters; then round table 4.
    page.goto("/ar/reviews/cycles/arab-2028/dashboard/")
    page.click('main a[href="/ar/reviews/cycles/arab-2028/synthesis/"]')
    expect(page.locator("table.synthesis-chapters tbody tr")).to_have_count(11)
    chapter = SynthesisChapter.objects.get(cycle=two_submitted["cycle"], round_table__number=4)
    page.locator("tr.chapter-round_table").nth(3).get_by_role("link").click()
    expect(page).to_have_url(re.compile(rf"/ar/reviews/cycles/arab-2028/synthesis/{chapter.uid}/$"))
    expect(page.locator("h1")).to_have_text(chapter.title_ar)
    expect(page.locator("article.objective-synthesis")).to_have_count(5)  # objectives 1, 3, 7, 17, 23

    # The chapter in Arabic, autosaved.
    type_and_wait_saved(page, "chapter-text_ar", ARABIC)
    assert SynthesisChapter.objects.get(pk=chapter.pk).text_ar == ARABIC

    # Tunisia's answer on objective 1, Jordan's on the review's method; then Tunisia's practice.
    cite(page, tunisia, "3.a", "1", NOTE)
    cite(page, jordan, "1.1", "")
    expect(page.locator("#citations li.citation")).to_have_count(2)
    expect(page.locator('textarea[name="chapter-text_ar"]')).to_have_value(ARABIC)
    practice = page.locator("#practices li.practice", has_text=PRACTICE)
    practice.locator("button[type=submit]").click()
    expect(page.locator("#practices li.practice.is-featured", has_text=PRACTICE)).to_have_count(1)
    shot("01-editor")

    # The Arabic preview reads the text, its sources and the featured practice.
    page.click("a.preview-ar")
    preview = page.locator("article.synthesis-preview")
    expect(preview).to_have_attribute("dir", "rtl")
    expect(preview.locator(":scope > .chapter-text")).to_have_text(ARABIC)
    expect(preview.locator(".only-in")).to_have_count(0)
    expect(preview.locator("li.citation a")).to_have_count(2)
    expect(preview.locator(".practice-card .card-title")).to_have_text(PRACTICE)
    shot("02-preview-ar")

    # In English the chapter is marked as written only in Arabic.
    page.click('a[href="?lang=en"]')
    expect(preview).to_have_attribute("dir", "ltr")
    expect(preview.locator(":scope > .only-in")).to_have_text("Only in Arabic")
    expect(preview.locator(":scope > .chapter-text")).to_have_text(ARABIC)
    expect(preview.locator(":scope > .chapter-text")).to_have_attribute("lang", "ar")
    shot("03-preview-en-only-arabic")

    # The English text, autosaved; the English preview now reads it, unmarked.
    page.goto(f"/ar/reviews/cycles/arab-2028/synthesis/{chapter.uid}/")
    type_and_wait_saved(page, "chapter-text_en", ENGLISH)
    page.click("a.preview-en")
    expect(preview.locator(":scope > .chapter-text")).to_have_text(ENGLISH)
    expect(preview.locator(":scope > .chapter-text")).to_have_attribute("lang", "en")
    expect(preview.locator(".only-in")).to_have_count(0)
    shot("04-preview-en")

    # A source opens the country's answer it cites.
    preview.locator("li.citation a", has_text="Tunisia").click()
    expect(page).to_have_url(re.compile(rf"/ar/reviews/{tunisia.uid}/objectives/1/#prompt-3\.a$"))
    expect(page.locator('section[id="prompt-3.a"]')).to_be_visible()

    stored = SynthesisChapter.objects.get(pk=chapter.pk)
    text_saves = SynthesisChange.objects.filter(chapter=chapter, field__in=["text_ar", "text_en"])
    assert (stored.text_ar, stored.text_en, stored.original_language, stored.translation_status) == (
        ARABIC, ENGLISH, "ar", "draft")
    assert (stored.updated_by.username, stored.version) == ("reviewer-escwa", 1 + text_saves.count())
    assert [(c.review.country.iso2, c.prompt_code, c.objective_number, c.note, c.created_by.username)
            for c in ChapterCitation.objects.filter(chapter=chapter).order_by("pk")] == [
        ("TN", "3.a", 1, NOTE, "reviewer-escwa"), ("JO", "1.1", None, "", "reviewer-escwa")]
    assert list(stored.featured_practices.all()) == [two_submitted["practice"]]
    assert [(field, after) for field, after in SynthesisChange.objects.filter(chapter=chapter).exclude(
        field__in=["text_ar", "text_en"]).order_by("pk").values_list("field", "after")] == [
        ("citations", f"TN 3.a o1: {NOTE}"), ("citations", "JO 1.1"), ("featured_practices", f"TN: {PRACTICE}")]
    assert [text_saves.filter(field=field).order_by("pk").last().after for field in ("text_ar", "text_en")] == [
        ARABIC, ENGLISH]
