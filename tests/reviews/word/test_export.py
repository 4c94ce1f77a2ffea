"""A review as a Word document: each answer in the document's language, or in the other one, marked."""

import pytest

from reviews.models import Answer
from reviews.word.export import review_docx
from tests.reviews.word.filling import open_docx

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("language", "expected"), [
    ("en", [("GCM guidance", "Only in Arabic"), ("Normal", "نص بالعربية فقط")]),
    ("ar", [("Normal", "نص بالعربية فقط")]),
])
def test_a_text_only_in_the_other_language_is_marked(review, prompts, language, expected):
    Answer.objects.create(review=review, prompt=prompts["1.1"], text_ar="نص بالعربية فقط", text_en="",
                          original_language="ar")

    paragraphs = open_docx(review_docx(review=review, language=language)).paragraphs
    start = next(i for i, p in enumerate(paragraphs) if p.text.lstrip("\u200e").startswith("1.1"))
    after = [(p.style.name, p.text) for p in paragraphs[start + 1:start + 1 + len(expected)]]

    assert after == expected


def test_line_breaks_and_paragraphs_survive(review, prompts):
    Answer.objects.create(review=review, prompt=prompts["1.2"], text_ar="", text_en="One\ntwo\n\nThree",
                          original_language="en")

    paragraphs = open_docx(review_docx(review=review, language="en")).paragraphs
    start = next(i for i, p in enumerate(paragraphs) if p.text.startswith("1.2"))

    assert [p.text for p in paragraphs[start + 1:start + 3]] == ["One\ntwo", "Three"]
