import re
import shutil
import subprocess

import pytest

from reviews.models import Answer
from reviews.services.submission import review_submit
from reviews.services.workflow import review_accept, review_take
from tests import factories

# Real sentences with what Arabic fonts and PDF text layers get wrong: lam-alef in every form (لا لأ لإ لآ),
# shadda alone and stacked with a vowel or tanween (the cluster WeasyPrint mapped wrongly), full tashkeel.
ARABIC_ANSWER = ("إنَّ المقدَّمة تُبيِّن أنّ العمّال المهاجرين لا يُعامَلون إلا بالتساوي ولأنّ الأطفال والنساء "
                 "لإدماجهم الآمن في المجتمع حقٌّ مُقرَّر قدّمت الحكومةُ مُدّةً كافيةً لشدّة الحاجة إلى الإحصاءات "
                 "الاتفاق العالمي من أجل الهجرة الآمنة والمنظمة والنظامية في الكويت والمملكة مُدّة شدّة")
SHADDA_WORDS = tuple(word for word in ARABIC_ANSWER.split() if "\u0651" in word)
ENGLISH_ANSWER = "Safe orderly regular migration offices affirm fifty workers"
# Arabic with English words and digits: pdftotext's own bidi moves spaces and punctuation at the
# boundaries between directions, so this one is compared word by word without them (see text_tokens).
MIXED_ANSWER = "أبلغت 22 دولة عن الهدف 5 ضمن GCM Review لعام 2028 بنسبة 75% من الأطفال المُهجَّرين"
HOSTILE_ANSWER = ('<img src="file:///etc/passwd"> <link rel=stylesheet href="http://example.com/x.css"> '
                  "@import url(http://x) http://127.0.0.1:9/")

_BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_TOKEN = re.compile("[\u0620-\u064a\u064b-\u065f\u0670\u0671-\u06d3]+|[A-Za-z]+|[0-9\u0660-\u0669]+")


def pdf_text(pdf: bytes, tmp_path) -> str:
    """The PDF's text layer as `pdftotext` extracts it (bidi marks dropped)."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    path = tmp_path / "out.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return _BIDI_MARKS.sub("", text)


def pdf_words(pdf: bytes, tmp_path) -> list[str]:
    """The words of the PDF's text layer as `pdftotext` extracts them."""
    return pdf_text(pdf, tmp_path).split()


def arabic_indic(text: str) -> str:
    """The text with Arabic-Indic digits, as the Arabic edition prints it by default (REPORT_ARABIC_DIGITS)."""
    return text.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")).replace("%", "\u066a")


def text_tokens(text: str) -> list[str]:
    """Arabic words with their marks, Latin words and numbers, in order, without spaces or punctuation."""
    return _TOKEN.findall(text)


def occurrences(sequence: list[str], part: list[str]) -> int:
    """How many times `part` appears in `sequence` as consecutive items."""
    return sum(1 for start in range(len(sequence) - len(part) + 1) if sequence[start:start + len(part)] == part)


def _answer(review, code: str, **texts) -> None:
    Answer.objects.filter(review=review, prompt__code=code, objective=None).update(**texts)


@pytest.fixture
def accepted_review(review, focal_point, reviewer, complete_review):
    """Egypt's review, accepted: 1.1 written in Arabic only, 5.3 in English only, 1.2 hostile markup,
    1.3 mixed Arabic, English and digits (with an English translation)."""
    complete_review(review, focal_point)
    _answer(review, "1.1", text_ar=ARABIC_ANSWER, text_en="", original_language="ar")
    _answer(review, "5.3", text_ar="", text_en=ENGLISH_ANSWER, original_language="en")
    _answer(review, "1.2", text_ar="", text_en=HOSTILE_ANSWER, original_language="en")
    _answer(review, "1.3", text_ar=MIXED_ANSWER, text_en=ENGLISH_ANSWER.upper(), original_language="ar")
    review_submit(review=review, user=focal_point)
    review_take(review=review, reviewer=reviewer)
    review_accept(review=review, reviewer=reviewer)
    review.refresh_from_db()
    return review


@pytest.fixture
def morocco_draft(open_cycle, other_focal_point, complete_review):
    """Morocco's review, filled in but never submitted: its draft text must stay out of every report."""
    draft = factories.ReviewFactory(cycle=open_cycle, country=other_focal_point.country)
    complete_review(draft, other_focal_point)
    _answer(draft, "1.1", text_ar="", text_en="Moroccan private draft sentence", original_language="en")
    return draft
