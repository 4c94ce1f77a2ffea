"""The regional report as a Word document: the PDF's outline (h1 and h2, in order) as Word's Heading 1 and
Heading 2, from the same data, in both languages; key messages numbered, country highlights attributed,
featured practices in a shaded box, the Arabic edition right to left."""

import html as html_lib
import re

import pytest
from django.utils import translation

from reviews.models import Answer, GoodPracticeCriterion, KeyMessage, Objective, ReviewObjective, ReviewVersion
from reviews.report.build import render_report_html
from reviews.selectors.snapshot import review_snapshot
from reviews.services.submission import review_submit
from reviews.services.synthesis import synthesis_chapters_ensure
from reviews.services.workflow import review_accept, review_take
from reviews.word.report import regional_report_docx
from tests import factories
from tests.reviews.conftest import review_complete
from tests.reviews.report.test_regional import outline
from tests.reviews.word.filling import open_docx

pytestmark = pytest.mark.django_db

HIGHLIGHT = "Egypt opened three one-stop centres for returning migrants in 2022."
_ISOLATES = re.compile("[\u2066-\u2069]")


@pytest.fixture
def synthesis(review, focal_point, reviewer):
    """Egypt's review accepted (objective 1, an English answer to 3.a: its highlight), the chapters created,
    two key messages (one only in Arabic, with objectives) and a practice featured under objective 1."""
    review_complete(review, focal_point)
    Answer.objects.filter(review=review, prompt__code="3.a", objective__number=1).update(
        text_en=f"{HIGHLIGHT} They served 4,000 people.", text_ar="", original_language="en")
    row = ReviewObjective.objects.get(review=review, objective__number=1)
    practice = factories.GoodPracticeFactory(review_objective=row, title="One-stop centres")
    practice.criteria.set(GoodPracticeCriterion.objects.filter(code="effective"))
    review_submit(review=review, user=focal_point)
    review_take(review=review, reviewer=reviewer)
    review_accept(review=review, reviewer=reviewer)
    version = ReviewVersion.objects.get(review=review)
    version.content = review_snapshot(review)
    version.save()
    chapters = synthesis_chapters_ensure(cycle=review.cycle)
    round_table = next(c for c in chapters if c.round_table_id == Objective.objects.get(number=1).round_table_id)
    round_table.featured_practices.add(practice)
    key = next(c for c in chapters if c.kind == "key_messages")
    first = KeyMessage.objects.create(chapter=key, position=10, text_ar="البيانات ما زالت ناقصة.", text_en="",
                                      original_language="ar")
    first.objectives.set(Objective.objects.filter(number__in=[3, 7]))
    KeyMessage.objects.create(chapter=key, position=20, text_en="Regular pathways widened.",
                              text_ar="اتسعت مسارات الهجرة النظامية.")
    return review


def word_outline(document) -> list[tuple[str, str]]:
    """Heading 1 and Heading 2 of the document, in order, as the PDF's h1 and h2."""
    levels = {"Heading 1": "h1", "Heading 2": "h2"}
    return [(levels[p.style.name], _ISOLATES.sub("", p.text).strip()) for p in document.paragraphs
            if p.style.name in levels]


@pytest.mark.parametrize("language", ["ar", "en"])
def test_word_outline_is_the_pdfs(synthesis, organiser, language):
    document = open_docx(regional_report_docx(cycle=synthesis.cycle, user=organiser, language=language))
    html = render_report_html(cycle=synthesis.cycle, user=organiser, languages=(language,))
    pdf = [(level, _ISOLATES.sub("", html_lib.unescape(text))) for level, text in outline(html)]

    # The PDF's cover title and its contents are not chapters: the Word cover title is in the Title style.
    assert pdf[0][0] == "h1" and pdf[1][0] == "h1"
    assert word_outline(document) == pdf[2:]
    assert len(pdf) > 40  # every chapter and every objective's section
    title = next(p for p in document.paragraphs if p.style.name == "Title")
    assert title.text == html_lib.unescape(re.sub(r"<[^>]+>", "", pdf[0][1]))
    if language == "ar":
        assert all(p._p.pPr.xpath("w:bidi") for p in document.paragraphs if p.style.name.startswith("Heading"))


@pytest.mark.parametrize("language", ["ar", "en"])
def test_key_messages_highlights_and_practice_box(synthesis, organiser, language):
    document = open_docx(regional_report_docx(cycle=synthesis.cycle, user=organiser, language=language))
    paragraphs = [p.text for p in document.paragraphs]
    with translation.override(language):
        country = str(synthesis.country.name)
        only_in_english = translation.pgettext("report", "Only in English")
        only_in_arabic = translation.pgettext("report", "Only in Arabic")
        highlights = translation.pgettext("report", "Country highlights")

    # numbered in order, the one only in Arabic marked in the English edition, with its objectives
    first = next(i for i, text in enumerate(paragraphs) if text.endswith("البيانات ما زالت ناقصة."))
    second = next(i for i, text in enumerate(paragraphs) if text.endswith(
        "Regular pathways widened." if language == "en" else "اتسعت مسارات الهجرة النظامية."))
    assert first < second
    assert paragraphs[first].startswith("1. " if language == "en" else "١. ")
    assert paragraphs[second].startswith("2. " if language == "en" else "٢. ")
    if language == "en":
        assert paragraphs[first - 1] == only_in_arabic and paragraphs[first + 1] == "Objectives 3, 7"

    # the highlight under "Country highlights", attributed to the country, marked in the Arabic edition
    start = paragraphs.index(highlights)
    assert paragraphs[start + 1] == country
    assert HIGHLIGHT in paragraphs[start + 2:start + 4]
    if language == "ar":
        assert paragraphs[start + 2] == only_in_english  # and the English sentence keeps its digits (2022)

    # the featured practice: a shaded one-cell table, its title a Heading 3, in the section and the annex
    boxes = [table.cell(0, 0) for table in document.tables if len(table.rows) == 1 and len(table.columns) == 1]
    assert len(boxes) == 2
    for box in boxes:
        assert box.paragraphs[0].style.name == "Heading 3" and box.paragraphs[0].text == "One-stop centres"
        assert country in box.paragraphs[1].text
        assert box._tc.tcPr.xpath("w:shd")



def test_not_final_on_the_cover_and_every_page(submitted_review, organiser):
    content = regional_report_docx(cycle=submitted_review.cycle, user=organiser, language="en",
                                   include_submitted=True)
    document = open_docx(content)
    header = [p.text for p in document.sections[0].header.paragraphs]
    assert header[0].startswith("GCM regional review report · ")
    assert header[1] == "Not final: includes reviews not yet accepted"
    assert "Not final: this build includes reviews not yet accepted. Each review is printed as last submitted." in [
        p.text for p in document.paragraphs]
    accepted_only = open_docx(regional_report_docx(cycle=submitted_review.cycle, user=organiser, language="en"))
    assert [p.text for p in accepted_only.sections[0].header.paragraphs][1:] == []
