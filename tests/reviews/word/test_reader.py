"""Reading filled templates written by other hands: LibreOffice, and Word with tracked changes and comments."""

from pathlib import Path

import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from reviews.models import Answer
from tests.reviews.word.filling import blank_template, find_heading, open_docx, save_docx, type_under

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def test_a_template_filled_in_libreoffice_is_imported(review, focal_point, import_file):
    """fixtures/libreoffice-filled-ar.docx was written by LibreOffice from an .odt (make_libreoffice_fixture.py)."""
    plan = import_file(review, focal_point, (FIXTURES / "libreoffice-filled-ar.docx").read_bytes())

    assert plan.unrecognised == []
    assert {(a.prompt.code, a.objective.number if a.objective else None): (a.text_ar, a.text_en)
            for a in Answer.objects.filter(review=review)} == {
        ("1.1", None): ("أعدّت اللجنة الوطنية الاستعراض بين ١ آذار و٣٠ حزيران ٢٠٢٧.", ""),
        ("2.4", None): ("", "The migration strategy is part of the national development plan 2025–2030."),
        ("3.a", 2): ("برنامج وطني لتوثيق الهجرة في ٢٠٢٦.", ""),
    }
    assert list(review.entities.values_list("name", "level", "role")) == [("وزارة الداخلية", "national", "الجهة القائدة")]


def _tracked(tag: str, run_text: str, *, deleted: bool = False):
    change = OxmlElement(tag)
    change.set(qn("w:id"), "1" if tag == "w:ins" else "2")
    change.set(qn("w:author"), "Ministry of Labour")
    change.set(qn("w:date"), "2027-03-01T10:00:00Z")
    run = OxmlElement("w:r")
    text = OxmlElement("w:delText" if deleted else "w:t")
    text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    text.text = run_text
    run.append(text)
    change.append(run)
    return change


def test_tracked_changes_are_read_as_accepted_and_comments_ignored(open_cycle, review, focal_point, import_file):
    """Insertions kept (python-docx's paragraph.text would drop them), deletions dropped, comments not read."""
    document = open_docx(blank_template(open_cycle, "en"))
    heading = find_heading(document, "1.1")
    type_under(document, heading, "The review was prepared ")
    paragraph = next(p for p in document.paragraphs if p._p is heading._p.getnext())
    paragraph._p.append(_tracked("w:ins", "jointly by twelve ministries "))
    paragraph._p.append(_tracked("w:del", "by one ministry ", deleted=True))
    paragraph.add_run("in 2027.")
    document.add_comment(paragraph.runs[0], text="Say which ministries.", author="Reviewer")
    assert paragraph.text == "The review was prepared in 2027."  # what python-docx alone would import

    plan = import_file(review, focal_point, save_docx(document))

    assert Answer.objects.get(review=review).text_en == (
        "The review was prepared jointly by twelve ministries in 2027.")
    assert plan.unrecognised == []
