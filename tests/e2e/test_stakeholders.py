"""Whole of society, in the browser: an organisation writes and submits an input in Arabic, the ESCWA reviewer
accepts it and quotes it in round table 1's chapter, and the chapter reads it in both editions: as written in
Arabic, and in the English edition marked "Only in Arabic" with its own lang and dir."""

import re

import pytest
from playwright.sync_api import expect

from reviews.models import RoundTable, StakeholderCategory, SynthesisChapter
from reviews.report.build import render_report_html
from reviews.services.synthesis import synthesis_chapters_ensure
from stakeholders.models import InputQuote, StakeholderInput
from tests import factories
from tests.e2e.steps import sign_in
from tests.e2e.test_synthesis import type_and_wait_saved

pytestmark = [pytest.mark.e2e]

FIRST = "يتحمل العمال المهاجرون رسوم توظيف مرتفعة."
SECOND = "ندعو إلى حظر هذه الرسوم."


def test_an_arabic_input_is_accepted_quoted_and_read_in_both_editions(new_page, open_cycle, escwa_reviewer):
    synthesis_chapters_ensure(cycle=open_cycle)
    chapter = SynthesisChapter.objects.get(cycle=open_cycle, round_table__number=1)
    factories.StakeholderOrganisationFactory(account=factories.StakeholderUserFactory(username="org-sawt"),
                                             category=StakeholderCategory.objects.get(code="migrant-diaspora"),
                                             name_ar="شبكة صوت المهاجرين", name_en="")

    page = new_page()
    sign_in(page, "org-sawt", lands_home=False)
    expect(page).to_have_url(re.compile(r"/ar/stakeholders/inputs/$"))
    page.get_by_role("button", name=re.compile("اكتبوا مساهمة جديدة")).click()
    page.locator('input[name="input-title"]').fill("رسوم التوظيف")
    page.locator(f'input[name="input-round_tables"][value="{RoundTable.objects.get(number=1).pk}"]').check()
    type_and_wait_saved(page, "input-text_ar", f"{FIRST} {SECOND}")
    page.get_by_role("button", name="قدّموا المساهمة").click()
    expect(page.locator("main .alert-success")).to_have_count(1)
    item = StakeholderInput.objects.get()
    assert (item.status, item.title, item.original_language) == ("submitted", "رسوم التوظيف", "ar")

    staff = new_page(locale="en")
    sign_in(staff, "reviewer-escwa", language="en")
    staff.goto("/en/stakeholders/moderation/")
    staff.get_by_role("link", name="رسوم التوظيف").click()
    staff.get_by_role("button", name="Accept for compilation").click()
    expect(staff.locator("main .alert-success")).to_have_count(1)
    staff.goto(f"/en/reviews/cycles/{open_cycle.slug}/synthesis/{chapter.uid}/")
    staff.get_by_role("link", name="Quote the stakeholders' accepted inputs in this chapter").click()
    form = staff.locator(f"#input-{item.uid} form").first
    form.locator("select[name$=last_sentence]").select_option("0")
    form.get_by_role("button", name="Quote these sentences").click()
    expect(staff.locator("main .alert-success")).to_have_count(1)
    assert list(InputQuote.objects.values_list("first_sentence", "last_sentence")) == [(0, 0)]

    preview = f"/en/reviews/cycles/{open_cycle.slug}/synthesis/{chapter.uid}/preview/"
    staff.goto(f"{preview}?lang=ar")
    arabic = staff.locator("article .perspectives")
    expect(arabic.locator("h2")).to_have_text("آراء أصحاب المصلحة")
    expect(arabic.locator(".answer")).to_have_text(FIRST)
    expect(arabic.locator(".only-in")).to_have_count(0)
    staff.goto(f"{preview}?lang=en")
    english = staff.locator("article .perspectives")
    expect(english.locator("h2")).to_have_text("Stakeholder perspectives")
    expect(english.locator(".only-in")).to_have_text("Only in Arabic")
    expect(english.locator('.answer[lang="ar"][dir="rtl"]')).to_have_text(FIRST)
    expect(english.locator('.highlight-country span[lang="ar"]')).to_have_text("شبكة صوت المهاجرين")

    # The report's two editions, built from the same data: the section under round table 1 in each.
    html = render_report_html(cycle=open_cycle, user=escwa_reviewer)
    editions = {language: html[html.index(f'id="{language}-rt-1-stakeholders"'):][:1500] for language in ("ar", "en")}
    assert ({language: (FIRST in part, "Only in Arabic" in part) for language, part in editions.items()}
            == {"ar": (True, False), "en": (True, True)})
