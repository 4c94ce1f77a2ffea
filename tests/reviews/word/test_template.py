"""The blank template's shape: Word's heading styles, codes as the portal shows them, Arabic right to left."""

import pytest
from docx.oxml.ns import qn

from reviews.word.layout import normalise
from tests.reviews.word.filling import blank_template, open_docx

pytestmark = pytest.mark.django_db


def _outline(document) -> list[tuple[str, str]]:
    return [(p.style.name, normalise(p.text)) for p in document.paragraphs if p.style.name.startswith("Heading")]


def test_english_template_has_the_issues_heading_structure(open_cycle):
    outline = _outline(open_docx(blank_template(open_cycle, "en")))

    parts = [text for style, text in outline if style == "Heading 1"]
    assert parts == ["1. methodology", "2. policy and enabling environment", "3. progress on gcm objectives",
                     "4. means of implementation", "5. next steps"]
    assert outline[1] == ("Heading 2", "1.1 how was the review prepared: the lead institution, the coordination "
                                       "mechanism and the timeline?")
    objective_5 = outline.index(("Heading 2", "objective 5: enhance availability and flexibility of pathways for "
                                              "regular migration"))
    assert [(style, text.split(" ")[0]) for style, text in outline[objective_5 + 1:objective_5 + 9]] == [
        ("Heading 3", "3.a"), ("Heading 3", "3.b"), ("Heading 3", "3.c"), ("Heading 3", "3.d"),
        ("Heading 3", "3.e"), ("Heading 3", "3.f"), ("Heading 3", "good"), ("Heading 3", "indicators")]
    assert sum(1 for style, text in outline if style == "Heading 2" and text.startswith("objective ")) == 23


def test_arabic_template_is_right_to_left_with_an_arabic_font(open_cycle):
    document = open_docx(blank_template(open_cycle, "ar"))
    body = document.element.body

    paragraphs = body.findall(qn("w:p"))
    texts = [p for p in paragraphs if "".join(t.text or "" for t in p.iter(qn("w:t"))).strip()]
    assert all(p.find(f"{qn('w:pPr')}/{qn('w:bidi')}") is not None for p in texts)
    assert all(t._tbl.tblPr.find(qn("w:bidiVisual")) is not None for t in document.tables)
    normal = document.styles["Normal"].element
    assert normal.find(f"{qn('w:pPr')}/{qn('w:bidi')}") is not None
    fonts = normal.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
    assert (fonts.get(qn("w:cs")), normal.find(f"{qn('w:rPr')}/{qn('w:lang')}").get(qn("w:bidi"))) == ("Arial", "ar-SA")
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert headings[0] == "\u200e1.1\u200e كيف أُعدّ الاستعراض: الجهة القائدة وآلية التنسيق والجدول الزمني؟"


def test_each_table_has_a_header_row_naming_its_columns_and_empty_rows(open_cycle):
    document = open_docx(blank_template(open_cycle, "en"))

    first = document.tables[0]
    assert [cell.text for cell in first.rows[0].cells] == ["Entity", "Level", "Role in the review"]
    assert [[cell.text for cell in row.cells] for row in first.rows[1:]] == [["", "", ""]] * 3
    assert len(document.tables) == 5 + 2 * 23  # entities, consultations, policies, means, actions; 2 per objective
