import re
import shutil
import subprocess

import pytest

from reviews.models import Answer
from reviews.services.submission import review_submit
from reviews.services.workflow import review_accept, review_take
from tests import factories

# Words whose ligatures (lam-alef, shadda) some fonts' ToUnicode maps break in the PDF's text layer.
ARABIC_ANSWER = "الاتفاق العالمي من أجل الهجرة الآمنة والمنظمة والنظامية لا إلا الأطفال مُدّة شدّة العمّال"
SHADDA_WORDS = ("مُدّة", "شدّة", "العمّال")
ENGLISH_ANSWER = "Safe orderly regular migration offices affirm fifty workers"
HOSTILE_ANSWER = ('<img src="file:///etc/passwd"> <link rel=stylesheet href="http://example.com/x.css"> '
                  "@import url(http://x) http://127.0.0.1:9/")

_BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def pdf_words(pdf: bytes, tmp_path) -> list[str]:
    """The words of the PDF's text layer as `pdftotext` extracts them (bidi marks dropped)."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    path = tmp_path / "out.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return _BIDI_MARKS.sub("", text).split()


def _answer(review, code: str, **texts) -> None:
    Answer.objects.filter(review=review, prompt__code=code, objective=None).update(**texts)


@pytest.fixture
def accepted_review(review, focal_point, reviewer, complete_review):
    """Egypt's review, accepted: 1.1 written in Arabic only, 5.3 in English only, 1.2 hostile markup."""
    complete_review(review, focal_point)
    _answer(review, "1.1", text_ar=ARABIC_ANSWER, text_en="", original_language="ar")
    _answer(review, "5.3", text_ar="", text_en=ENGLISH_ANSWER, original_language="en")
    _answer(review, "1.2", text_ar="", text_en=HOSTILE_ANSWER, original_language="en")
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
