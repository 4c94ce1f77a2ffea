"""Writing a round-table chapter of the regional synthesis, its key messages and a country's highlight, in the
browser.

The ESCWA reviewer (Arabic interface) opens the synthesis from the dashboard, writes round table 4's
chapter in Arabic (autosaved), cites the answers of two countries whose reviews were submitted,
features Tunisia's good practice, and previews the chapter: in Arabic it reads the text; in English
it shows the Arabic text marked "Only in Arabic" until the English text is written.
"""

import re

import pytest
from playwright.sync_api import Page, expect

from reviews.models import (
    Answer,
    ChapterCitation,
    Country,
    CountryHighlight,
    KeyMessage,
    Objective,
    ReviewObjective,
    SynthesisChange,
    SynthesisChapter,
)
from reviews.services.submission import review_open, review_submit
from reviews.services.key_messages import key_message_save
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
    # Choosing the practice is a page of its own: featured, it is listed back in the chapter.
    page.click("#practices a[href$='/practices/']")
    practice = page.locator(".practice-picker li.practice", has_text=PRACTICE)
    practice.locator("button[type=submit]").click()
    expect(page.locator(".practice-picker li.practice.is-featured", has_text=PRACTICE)).to_have_count(1)
    page.click(".breadcrumb a[href*='#practices']")
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


def test_reviewer_writes_orders_and_deletes_key_messages_and_takes_a_colleagues_version(two_submitted, new_page):
    """The key messages, in the browser: two added, one autosaved with its objectives, a colleague's save in
    between shown as a conflict and taken (texts and objectives), the second moved up, the first deleted."""
    cycle, organiser = two_submitted["cycle"], factories.OrganiserFactory(username="organiser")
    chapter = SynthesisChapter.objects.get(cycle=cycle, kind=SynthesisChapter.Kind.KEY_MESSAGES)
    page = new_page(locale="en")
    sign_in(page, "reviewer-escwa", language="en")
    page.goto(f"/en/reviews/cycles/arab-2028/synthesis/{chapter.uid}/")

    for text in ("Data on migrants improved.", "Fair recruitment spread."):
        if not page.locator("details.add-message[open]").count():  # open while the list is empty
            page.locator("details.add-message > summary").click()
        page.locator('textarea[name="new-text_en"]').fill(text)
        page.locator("form.new-message button[type=submit]").click()
        expect(page.locator("main .alert-success")).to_have_text("Key message added.")
    first, second = KeyMessage.objects.filter(chapter=chapter).order_by("position")
    prefix = f"m{first.uid.hex[:12]}"

    # Objectives tick and save at once; the Arabic text saves after typing.
    item = page.locator(f"#message-{first.uid}")
    item.locator("details.message-objectives summary").click()
    item.locator(f'input[name="{prefix}-objectives"][value="{Objective.objects.get(number=17).pk}"]').check()
    type_and_wait_saved(page, f"{prefix}-text_ar", "تحسنت البيانات.")
    stored = KeyMessage.objects.get(pk=first.pk)
    assert ([o.number for o in stored.objectives.all()], stored.text_ar) == ([17], "تحسنت البيانات.")

    # A colleague saves the message; the reviewer's next save meets a conflict and takes theirs.
    key_message_save(message=stored, user=organiser, text_ar="نص المنظم.", text_en="The organiser's text.",
                     original_language=None, objectives=list(Objective.objects.filter(number__in=(1, 23))),
                     base_version=stored.version)
    box = page.locator(f'textarea[name="{prefix}-text_en"]')
    box.focus()
    box.press_sequentially(" More.")
    box.blur()
    conflict = item.locator(".conflict")
    expect(conflict).to_be_visible()
    expect(conflict.locator(".conflict-en")).to_have_text("The organiser's text.")
    conflict.locator(".conflict-take").click()
    expect(box).to_have_value("The organiser's text.")
    checked = item.locator(f'input[name="{prefix}-objectives"]:checked')
    expect(checked).to_have_count(2)
    assert sorted(checked.evaluate_all("inputs => inputs.map(i => i.value)")) == sorted(
        str(pk) for pk in Objective.objects.filter(number__in=(1, 23)).values_list("pk", flat=True))

    # The second message moves up; the first (now second) is deleted, its text kept in the history.
    page.locator(f"#message-{second.uid} form.message-move button[value=up]").click()
    expect(page.locator("li.key-message").first).to_have_attribute("id", f"message-{second.uid}")
    page.locator(f"#message-{first.uid} form.message-delete button").click()
    expect(page.locator("li.key-message")).to_have_count(1)
    assert list(KeyMessage.objects.filter(chapter=chapter).values_list("text_en", flat=True)) == [
        "Fair recruitment spread."]
    assert SynthesisChange.objects.filter(field=f"message/{first.uid}/text_en", after="").values_list(
        "before", flat=True).get() == "The organiser's text."


def test_reviewer_picks_a_countrys_highlight(two_submitted, new_page):
    """Tunisia's highlight under objective 1: the picker shows its answers' sentences; the reviewer quotes
    question 3.b; the list then shows the chosen passage, and the default comes back on request."""
    tunisia = two_submitted["reviews"]["TN"]
    chapter = SynthesisChapter.objects.get(cycle=two_submitted["cycle"], round_table__number=4)
    answer_3b = Answer.objects.get(review=tunisia, prompt__code="3.b", objective__number=1).text_ar
    page = new_page(locale="ar")
    sign_in(page, "reviewer-escwa", language="ar")
    page.goto(f"/ar/reviews/cycles/arab-2028/synthesis/{chapter.uid}/")
    page.locator("#objective-1 .highlight-link a").click()
    page.locator("#country-TN a.btn").click()
    expect(page.locator('section[id="answer-3.b"] ol.sentences li')).to_have_text([answer_3b])

    page.locator('section[id="answer-3.b"] button[type=submit]').click()
    expect(page.locator("main .alert-success")).to_have_count(1)
    expect(page.locator("#country-TN blockquote")).to_have_text(answer_3b)
    assert list(CountryHighlight.objects.values_list("prompt_code", "first_sentence", "last_sentence")) == [
        ("3.b", 0, 0)]
    page.locator("#country-TN form button[type=submit]").click()
    expect(page.locator("main .alert-success")).to_have_count(1)
    assert CountryHighlight.objects.count() == 0
