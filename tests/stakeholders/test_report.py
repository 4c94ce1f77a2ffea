"""The stakeholders in the regional report: each round-table chapter's "Stakeholder perspectives" (a heading of
the PDF outline), attributed as the organisations consented, and the annex of contributing organisations."""

import pytest
from django.utils import translation

from reviews.report.build import render_report_html
from reviews.report.data.regional import regional_report
from reviews.services.synthesis import synthesis_chapters_ensure
from stakeholders.services.quotes import input_quote_choose
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def quoted(open_cycle, accepted, other_organisation, reviewer):
    """Two accepted inputs quoted in round table 1: one in Arabic only, named; one in English, category only."""
    chapter = next(row for row in synthesis_chapters_ensure(cycle=open_cycle)
                   if row.round_table_id and row.round_table.number == 1)
    unnamed = factories.StakeholderInputFactory(organisation=other_organisation, cycle=open_cycle, status="accepted",
                                                attribution="category", text_ar="", original_language="en",
                                                text_en="Data must be open. Universities can help.")
    for item in (accepted, unnamed):
        input_quote_choose(chapter=chapter, stakeholder_input=item, first_sentence=0, last_sentence=0,
                           base_version=0, user=reviewer)
    return chapter


@pytest.mark.parametrize("language", ["ar", "en"])
def test_round_table_chapter_quotes_the_stakeholders_as_they_consented(quoted, organiser, organisation, language):
    with translation.override(language):
        report = regional_report(cycle=quoted.cycle, user=organiser, language=language)
        perspectives = {chapter.round_table.number: [(p.text["text"], p.text["only_in"],
                                                       p.organisation["text"] if p.organisation else None,
                                                       p.category) for p in chapter.perspectives]
                        for chapter in report.round_tables}
        civil_society, academia = organisation.category.name, "الأوساط الأكاديمية" if language == "ar" else "Academia"

    assert perspectives == {
        1: [("العمال المهاجرون يحتاجون إلى حماية أفضل.", None if language == "ar" else "ar",
             organisation.name_ar if language == "ar" else organisation.name_en, civil_society),
            ("Data must be open.", "en" if language == "ar" else None, None, academia)],
        2: [], 3: [], 4: []}
    assert [(group.category, [name["text"] for name in group.organisations], group.unnamed)
            for group in report.contributors] == [
        (academia, [], 1), (civil_society, [organisation.name_ar if language == "ar" else organisation.name_en], 0)]


def test_report_html_has_the_section_under_its_round_table_and_the_annex(quoted, organiser):
    html = render_report_html(cycle=quoted.cycle, user=organiser)

    english = html[html.index('class="edition edition-en"'):]
    chapter = english[english.index('id="en-rt-1"'):english.index('id="en-rt-2"')]
    section = chapter[chapter.index('id="en-rt-1-stakeholders"'):]
    assert ("<h2>Stakeholder perspectives</h2>" in section, 'lang="ar"' in section, "Only in Arabic" in section,
            "An organisation of the category: Academia" in section) == (True, True, True, True)
    assert ('id="en-annex-stakeholders"' in english, 'id="ar-annex-stakeholders"' in html,
            "<h2>آراء أصحاب المصلحة</h2>" in html) == (True, True, True)


def test_a_report_without_stakeholders_has_no_section_nor_annex(open_cycle, organiser):
    html = render_report_html(cycle=open_cycle, user=organiser)

    assert ("-stakeholders" in html, "annex-stakeholders" in html, "Stakeholder perspectives" in html) == (
        False, False, False)
