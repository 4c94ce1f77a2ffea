"""The regional report as a Word document: the PDF's sections and headings, from the same data."""

import pytest
from django.utils import translation
from django.utils.translation import pgettext

from reviews.services.workflow import review_accept, review_take
from reviews.word.report import regional_report_docx
from tests.reviews.word.filling import open_docx

pytestmark = pytest.mark.django_db

SECTIONS = ["Submission status", "Objectives by country", "Regional figures"]


@pytest.mark.parametrize("language", ["ar", "en"])
def test_regional_report_has_the_pdfs_sections(submitted_review, reviewer, language):
    review_take(review=submitted_review, reviewer=reviewer)
    review_accept(review=submitted_review, reviewer=reviewer)

    document = open_docx(regional_report_docx(cycle=submitted_review.cycle, user=reviewer, language=language))

    with translation.override(language):
        expected = [pgettext("report", title) for title in SECTIONS]
        annex = pgettext("report", "Annex: country profiles")
        country = str(submitted_review.country.name)
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading ")]
    level_1 = [text for style, text in headings if style == "Heading 1"]
    assert level_1[:3] == expected
    assert level_1[-1] == annex
    assert ("Heading 2", country) in headings[headings.index(("Heading 1", annex)):]
