"""The guiding template of a cycle as a Word document, in Arabic (right to left) or English.

The document is written by WordWriter, which the review export (export.py) uses too, so a template and
an exported review have one shape, the one reader.py reads back.
"""

import contextlib
import io
import re

from django.utils import translation
from django.utils.translation import gettext as _
from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_DIRECTION
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from reviews.models import GuidingPrompt, Objective, ReviewCycle
from reviews.selectors.workspace import cycle_template_parts
from reviews.tables import TABLES, TABLES_BY_PART
from reviews.word.layout import (
    EMPTY_ROWS,
    GUIDANCE_STYLE,
    LRM,
    NO,
    PRIORITY_LABEL,
    STAGE_LABEL,
    TABLE_LAYOUTS,
    YES,
    column_heading,
    listed,
    set_paragraph_ltr,
    set_paragraph_rtl,
    set_run_rtl,
    set_style_fonts,
    text_language,
)

DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class WordWriter:
    """A Word document in one language: Arabic paragraphs and tables right to left, Word's own heading
    styles, guidance in its own style. Texts in the other language keep their own direction."""

    def __init__(self, language: str):
        self.language = language
        self.arabic = language == "ar"
        self.document = Document()
        styles = self.document.styles
        for name in ("Normal", "Heading 1", "Heading 2", "Heading 3", "Title", "Table Grid"):
            set_style_fonts(styles[name], arabic=self.arabic)
        styles["Normal"].font.size = Pt(11)
        guidance = styles.add_style(GUIDANCE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
        guidance.base_style = styles["Normal"]
        guidance.font.italic = True
        guidance.font.size = Pt(9)
        guidance.font.color.rgb = RGBColor(0x59, 0x59, 0x59)
        # Style ids looked up once: python-docx finds a style by name by reading every style, every time.
        self.style_ids = {name: styles[name].style_id
                          for name in ("Title", "Heading 1", "Heading 2", "Heading 3", GUIDANCE_STYLE)}
        self.table_style = styles["Table Grid"]
        self.body = self.document  # where paragraphs go: the document, or a box's cell (box())

    def _direction(self, paragraph, text: str, *, rtl: bool = False) -> None:
        """Right to left for Arabic text (or when `rtl`); English text in an Arabic document explicitly left
        to right, its styles being right to left."""
        arabic = text_language(text) == "ar" if text.strip() else self.arabic
        if arabic or rtl:
            set_paragraph_rtl(paragraph._p.get_or_add_pPr())
        elif self.arabic:
            set_paragraph_ltr(paragraph._p.get_or_add_pPr())
        if arabic:
            for run in paragraph.runs:
                set_run_rtl(run)

    def paragraph(self, text: str = "", *, style: str | None = None):
        paragraph = self.body.add_paragraph()
        if style:
            paragraph._p.style = self.style_ids[style]
        for number, line in enumerate(text.split("\n")):
            run = paragraph.add_run()
            if number:
                run.add_break()  # a line break inside the paragraph, before the line
            run.add_text(line)
        self._direction(paragraph, text)
        return paragraph

    def text(self, text: str) -> None:
        """A stored answer: a paragraph per block separated by a blank line, line breaks kept."""
        blocks = [block for block in re.split(r"\n[ \t]*\n", text.strip()) if block.strip()]
        for block in blocks or [""]:
            self.paragraph(block.strip("\n"))

    def heading(self, text: str, level: int):
        paragraph = self.body.add_paragraph()
        paragraph._p.style = self.style_ids[f"Heading {level}"]
        paragraph.add_run(text)
        self._direction(paragraph, text, rtl=self.arabic)
        return paragraph

    def guidance(self, text: str) -> None:
        if text.strip():
            self.paragraph(text, style=GUIDANCE_STYLE)

    def table(self, kind: str, rows: list[list[str]]) -> None:
        """A table of the review: its header row names the columns; a blank template gets empty rows to fill."""
        layout = TABLE_LAYOUTS[kind]
        self.grid([column_heading(layout.model, name) for name in layout.columns],
                  rows or [[""] * len(layout.columns)] * EMPTY_ROWS)

    def grid(self, headers: list[str], rows: list[list[str]], *, widths: list | None = None,
             size: Pt | None = None) -> None:
        """A table with a bold header row; `widths` (python-docx lengths) per column, `size` of its text."""
        table = self.document.add_table(rows=1, cols=len(headers))
        table.style = self.table_style
        if self.arabic:
            table.table_direction = WD_TABLE_DIRECTION.RTL
        if widths:  # the grid (LibreOffice reads it) and each cell (Word reads those)
            table.autofit = False
            for column, width in zip(table.columns, widths):
                column.width = width
        for values, bold in [(headers, True), *((row, False) for row in rows)]:
            cells = table.rows[0].cells if bold else table.add_row().cells
            for index, (cell, value) in enumerate(zip(cells, values)):
                run = cell.paragraphs[0].add_run(value)
                run.bold = bold or None
                if size:
                    run.font.size = size
                if widths:
                    cell.width = widths[index]
                self._direction(cell.paragraphs[0], value)
        self.paragraph("")

    @contextlib.contextmanager
    def box(self, fill: str = "EEF3F8"):
        """What is written inside the `with` goes in a shaded, bordered box (a one-cell table): a case
        study set apart from the text, as the PDF's boxes."""
        table = self.document.add_table(rows=1, cols=1)
        table.style = self.table_style
        if self.arabic:
            table.table_direction = WD_TABLE_DIRECTION.RTL
        cell = table.rows[0].cells[0]
        shading = OxmlElement("w:shd")
        shading.set(qn("w:val"), "clear")
        shading.set(qn("w:color"), "auto")
        shading.set(qn("w:fill"), fill)
        cell._tc.get_or_add_tcPr().append(shading)
        first = cell.paragraphs[0]
        self.body = cell
        try:
            yield cell
        finally:
            self.body = self.document
            if len(cell.paragraphs) > 1:  # the cell's own empty first paragraph, not needed
                first._p.getparent().remove(first._p)
        self.paragraph("")

    def landscape(self, on: bool) -> None:
        """The following pages in landscape (a wide table) or back in portrait."""
        from docx.enum.section import WD_ORIENT, WD_SECTION

        previous = self.document.sections[-1]
        section = self.document.add_section(WD_SECTION.NEW_PAGE)
        wanted = WD_ORIENT.LANDSCAPE if on else WD_ORIENT.PORTRAIT
        if section.orientation != wanted:
            section.orientation = wanted
            section.page_width, section.page_height = previous.page_height, previous.page_width

    def content(self) -> bytes:
        buffer = io.BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()


def prompt_heading(prompt: GuidingPrompt, language: str) -> str:
    """The code as the portal shows it, then the prompt; in Arabic the code is kept left to right
    by a mark before it ("3.a" must not read "a.3")."""
    code = f"{LRM}{prompt.code}{LRM}" if language == "ar" else prompt.code
    return f"{code} {prompt.text}"


def objective_heading(objective: Objective) -> str:
    return _("Objective %(number)s: %(title)s") % {"number": objective.number, "title": objective.title}


def choices_guidance(kind: str) -> str:
    """What a table's columns accept, for the columns that take one of a list."""
    layout = TABLE_LAYOUTS[kind]
    lines = []
    for name in layout.columns:
        field = layout.model._meta.get_field(name)
        if field.choices:
            options = listed(label for _value, label in field.choices)
        elif field.many_to_one and name == "kind":
            options = listed(field.related_model.objects.all())
        elif name == "held_on":
            options = _("a date, as 2026-03-31")
        elif name == "suggested":
            options = _("the code of a suggested indicator, or leave it empty and give a name")
        else:
            continue
        lines.append(f"{column_heading(layout.model, name)}: {options}")
    return "\n".join(lines)


def stage_guidance() -> str:
    from reviews.models import ReviewObjective

    return "%s: %s. %s: %s / %s." % (
        STAGE_LABEL, listed(label for _value, label in ReviewObjective.Stage.choices),
        PRIORITY_LABEL, YES, NO)


def template_docx(*, cycle: ReviewCycle, language: str) -> bytes:
    """The blank guiding template of `cycle`: every part, prompt, objective and table, to fill in Word."""
    with translation.override(language):
        writer = WordWriter(language)
        writer.document.core_properties.title = str(cycle.name)
        writer.paragraph(str(cycle.name), style="Title")
        writer.guidance(_(
            "Write each answer under its question, in place of the empty line. Keep the headings and their "
            "codes (1.1, 3.a...): the portal finds your answers by them. Grey italic text is guidance and is "
            "not imported. In part 3, fill in only the objectives you report on."))
        objectives = list(Objective.objects.order_by("number"))
        for part in cycle_template_parts(cycle.pk):
            writer.heading(f"{part.number}. {part.title}", 1)
            writer.guidance(part.introduction)
            prompts = list(part.prompts.all())
            for prompt in (p for p in prompts if p.scope == GuidingPrompt.Scope.PART):
                writer.heading(prompt_heading(prompt, language), 2)
                writer.guidance(prompt.help_text)
                writer.paragraph("")
            for table in TABLES_BY_PART[part.number]:
                writer.heading(str(table.title), 2)
                writer.guidance(choices_guidance(table.kind))
                writer.table(table.kind, [])
            if part.number == 3:
                objective_prompts = [p for p in prompts if p.scope == GuidingPrompt.Scope.OBJECTIVE]
                for objective in objectives:
                    objective_section(writer, objective, objective_prompts, stage="", priority="", answers={},
                                      rows={})
        return writer.content()


def objective_section(writer: WordWriter, objective: Objective, prompts: list[GuidingPrompt], *, stage: str,
                      priority: str, answers: dict, rows: dict) -> None:
    """One objective of part 3: heading, stage and priority lines, its prompts and its two tables.
    `answers` maps a prompt to the ShownText to write; `rows` a table kind to its rows (empty: blank)."""
    writer.heading(objective_heading(objective), 2)
    writer.paragraph(f"{STAGE_LABEL}: {stage}")
    writer.paragraph(f"{PRIORITY_LABEL}: {priority}")
    if not stage and not priority:
        writer.guidance(stage_guidance())
    for prompt in prompts:
        writer.heading(prompt_heading(prompt, writer.language), 3)
        shown = answers.get(prompt.pk)
        if shown is None:
            writer.guidance(prompt.help_text)
            writer.paragraph("")
        else:
            write_shown(writer, shown)
    for kind in ("practices", "indicators"):
        writer.heading(str(TABLES[kind].title), 3)
        if not rows.get(kind):
            writer.guidance(choices_guidance(kind))
        writer.table(kind, rows.get(kind, []))


def write_shown(writer: WordWriter, shown) -> None:
    """An answer as the preview shows it: in the document's language, or in the other one, marked."""
    if shown["only_in"] == "ar":
        writer.guidance(_("Only in Arabic"))
    elif shown["only_in"] == "en":
        writer.guidance(_("Only in English"))
    writer.text(shown["text"])


def template_docx_cached(*, cycle: ReviewCycle, language: str) -> bytes:
    """The blank template, built once an hour per wording: the key is a digest of everything it prints
    (parts, prompts, objectives, practice types), so an organiser's edit gives a new file at once."""
    import hashlib

    from django.core.cache import cache

    from reviews.models import PracticeType

    with translation.override(language):
        wording = [(part.number, part.title, part.introduction,
                    [(p.code, p.text, p.help_text, p.scope, p.position) for p in part.prompts.all()])
                   for part in cycle_template_parts(cycle.pk)]
        wording += [(o.number, o.title) for o in Objective.objects.order_by("number")]
        wording += [str(kind) for kind in PracticeType.objects.all()]
        wording += [str(cycle.name)]
    digest = hashlib.sha256(repr(wording).encode()).hexdigest()[:32]
    key = f"word-template:{cycle.pk}:{language}:{digest}"
    content = cache.get(key)
    if content is None:
        content = template_docx(cycle=cycle, language=language)
        cache.set(key, content, 3600)
    return content
