"""The regional synthesis report as a Word document, per language, for the conference secretariat's editors:
the same data (reviews.report.data.regional_report) and the same sections and headings as the PDF edition,
with Word's heading styles so the editors get a navigation pane and a table of contents. Bar charts become
tables of their numbers; the objective-by-country matrix is a table of its marks."""

from django.utils import formats, translation
from django.utils.translation import pgettext
from docx.shared import Cm, Pt

from reviews.models import ReviewCycle
from reviews.report.data import regional_report
from reviews.word.template import WordWriter, write_shown


def _p(text: str) -> str:
    return pgettext("report", text)


def regional_report_docx(*, cycle: ReviewCycle, user, language: str, include_submitted: bool = False) -> bytes:
    with translation.override(language):
        report = regional_report(cycle=cycle, user=user, language=language, include_submitted=include_submitted)
        writer = WordWriter(language)
        title = _p("Regional report of the voluntary national reviews of the Global Compact for Safe, Orderly and "
                   "Regular Migration")
        writer.document.core_properties.title = title
        writer.paragraph(title, style="Title")
        writer.paragraph(str(cycle.name))
        writer.paragraph(_p("English edition"))
        for organisation in report.organisations:
            writer.paragraph(str(organisation.name))
        dates = f"{_p('Produced on')}: {formats.date_format(report.generated_on, 'DATE_FORMAT')}"
        if report.data_date:
            dates += f" · {_p('Data as of')}: {formats.date_format(report.data_date, 'DATE_FORMAT')}"
        writer.paragraph(dates)
        writer.paragraph(_p("This report covers every submitted review, including those not yet accepted.")
                         if report.include_submitted else _p("This report covers accepted reviews only."))

        writer.heading(_p("Submission status"), 1)
        writer.grid([_p("Country"), _p("Status"), _p("Submitted"), _p("In this report")], [
            [row.country_name,
             (row.status or _p("Not submitted")) + (f" · {_p('Late')}" if row.is_late else ""),
             formats.date_format(row.submitted_at, "SHORT_DATE_FORMAT") if row.submitted_at else "",
             _p("Yes") if row.is_included else _p("No")]
            for row in report.statuses])

        writer.landscape(True)  # 23 objectives across: a landscape page, as the PDF's wide matrix
        writer.heading(_p("Objectives by country"), 1)
        writer.paragraph(_p("● national priority  ○ objective reported  digit: implementation stage (0 not started – "
                            "4 achieved)"))
        columns = report.matrix.columns
        writer.grid([_p("Country"), *[str(column.objective.number) for column in columns], _p("Total")], [
            [str(row.country.name), *[_mark(cell) for cell in row.cells], str(row.reported)]
            for row in report.matrix.rows], widths=[Cm(3.2), *[Cm(0.75)] * len(columns), Cm(1.2)], size=Pt(8))
        writer.landscape(False)
        writer.grid([_p("Objective"), _p("Countries reporting"), _p("National priority")], [
            [f"{column.objective.number}. {column.objective.short_label}", str(column.reported), str(column.priority)]
            for column in columns])

        writer.heading(_p("Regional figures"), 1)
        figures = report.figures
        for caption, rows, label, value in [
            (_p("Countries whose consultations included each stakeholder category"), figures.stakeholders,
             _p("Name"), _p("Countries")),
            (_p("Status of the national implementation plan"), figures.plan_status, _p("Status"), _p("Countries")),
            (_p("Policies adopted per year"), figures.policies_by_year, _p("Year"), _p("Policies")),
            (_p("Most reported objectives"), figures.most_reported, _p("Objective"), _p("Countries")),
            (_p("Least reported objectives"), figures.least_reported, _p("Objective"), _p("Countries")),
        ]:
            writer.heading(caption, 2)
            writer.grid([label, value], [[str(row.label), str(row.value)] for row in rows])

        for chapter in report.chapters:
            writer.heading(str(chapter.title), 1)
            _text(writer, chapter.text)
            _citations(writer, chapter.general_citations, chapter.general_practices)
            for section in chapter.objective_syntheses.all():
                writer.heading(f"{section.objective.number}. {section.objective.title}", 2)
                _text(writer, section.text)
                _citations(writer, section.citations_here, section.practices_here)

        writer.heading(_p("Annex: country profiles"), 1)
        for profile in report.profiles:
            writer.heading(str(profile.review.country.name), 2)
            writer.grid(["", ""], [[label, value] for label, value in profile.facts])
            writer.heading(_p("Objectives reported"), 3)
            writer.grid([_p("Objective"), _p("National priority"), _p("Implementation stage")], [
                [f"{row.objective.number}. {row.objective.short_label}", _p("Yes") if row.is_priority else "",
                 row.get_stage_display()] for row in profile.objectives] or [[_p("Nothing yet."), "", ""]])
            writer.heading(_p("How the review was prepared"), 3)
            _text(writer, profile.lead_institution)
            writer.heading(_p("Key messages"), 3)
            _text(writer, profile.key_messages)
        return writer.content()


def _mark(cell) -> str:
    if not cell.is_reported:
        return ""
    level = cell.stage_level
    return ("●" if cell.is_priority else "○") + ("" if level is None else str(level))


def _text(writer: WordWriter, shown) -> None:
    if shown and shown["text"]:
        write_shown(writer, shown)
    else:
        writer.guidance(_p("Not answered"))


def _citations(writer: WordWriter, citations, practices) -> None:
    if citations:
        writer.heading(_p("Answers cited"), 3)
        for citation in citations:
            line = f"{citation.review.country.name} · {_p('Question')} \u2066{citation.prompt_code}\u2069"
            if citation.objective_number:
                line += f" · {_p('Objective')} {citation.objective_number}"
            if citation.note:
                line += f" — {citation.note}"
            writer.paragraph(line)
    if practices:
        writer.heading(_p("Good practices"), 3)
        for practice in practices:
            writer.paragraph(f"{practice.title} ({practice.review_objective.review.country.name} · "
                             f"{practice.kind.name})")
            writer.text(practice.description)


