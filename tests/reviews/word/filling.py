"""Filling a template the way a person does in Word, with python-docx: type under a heading, into a table."""

import io

from docx import Document
from docx.oxml.ns import qn

from reviews.word.layout import normalise


def open_docx(content: bytes):
    return Document(io.BytesIO(content))


def save_docx(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _headings(document):
    """Heading paragraphs, read from the XML: python-docx's `paragraph.style` reads every style each time."""
    from docx.text.paragraph import Paragraph

    body = document.element.body
    found = []
    for p in body.iter(qn("w:p")):
        style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        if style is not None and style.get(qn("w:val")).startswith("Heading"):
            found.append(Paragraph(p, document._body))
    return found


def find_heading(document, start: str, *, after: str | None = None):
    """The first heading whose text (normalised) starts with `start`, after the heading starting with `after`."""
    seen_after = after is None
    for paragraph in _headings(document):
        text = normalise(paragraph.text)
        if not seen_after:
            seen_after = text.startswith(normalise(after))
            continue
        if text.startswith(normalise(start)):
            return paragraph
    raise AssertionError(f"No heading {start!r} after {after!r}")


def type_under(document, heading, text: str) -> None:
    """Type into the empty paragraph the template leaves under `heading`: each line of `text` a paragraph."""
    paragraph = heading._p.getnext()
    while paragraph is not None and paragraph.tag == qn("w:p") and _is_guidance(document, paragraph):
        paragraph = paragraph.getnext()
    from docx.text.paragraph import Paragraph

    target = Paragraph(paragraph, heading._parent)
    lines = text.split("\n\n")
    target.add_run(lines[0])
    for line in reversed(lines[1:]):
        new = target.insert_paragraph_before("")  # then move after
        new.add_run(line)
        target._p.addnext(new._p)


def _is_guidance(document, p) -> bool:
    style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return style is not None and style.get(qn("w:val")) == document.styles["GCM guidance"].style_id


def fill_table(document, heading, rows: list[list[str]]) -> None:
    """Type rows into the empty rows of the table under `heading`, adding rows when needed."""
    element = heading._p.getnext()
    while element.tag != qn("w:tbl"):
        element = element.getnext()
    table = next(t for t in document.tables if t._tbl is element)
    for index, values in enumerate(rows, start=1):
        row = table.rows[index] if index < len(table.rows) else table.add_row()
        for cell, value in zip(row.cells, values):
            cell.paragraphs[0].add_run(value)


_BLANK = {}


def blank_template(cycle, language: str) -> bytes:
    """The cycle's blank template, made once per test run and language (the reference data do not change)."""
    from reviews.word.template import template_docx

    if language not in _BLANK:
        _BLANK[language] = template_docx(cycle=cycle, language=language)
    return _BLANK[language]
