"""The regional synthesis report as a Word document, per language, for the conference secretariat's editors:
the same data (reviews.report.data.regional_report) and the same chapters, sections and headings, in the same
order, as the PDF edition (templates/reviews/report/regional_edition.html and its includes). The PDF's h1 are
Word's Heading 1, its h2 Heading 2, what is below Heading 3, so the editors get a navigation pane and a table
of contents. Bar charts become small tables of their numbers; a featured good practice is a shaded box.
Text only in the other language is marked as the PDF marks it; the Arabic edition is right to left, with
the PDF's digits (REPORT_ARABIC_DIGITS) in its own text, an English passage keeping its own."""

import contextlib
import re

from django.utils import formats, translation
from django.utils.translation import npgettext, pgettext
from docx.shared import Cm

from reviews.models import ReviewCycle
from reviews.report.data import regional_report
from reviews.report.data.regional import Chapter, PracticeCase, RegionalReport
from reviews.report.numerals import text_with_edition_digits
from reviews.word.layout import GUIDANCE_STYLE, text_language
from reviews.word.template import WordWriter

LRI, PDI = "\u2066", "\u2069"  # a question's code kept left to right inside an Arabic line ("3.a", not "a.3")
OTHER = {"ar": "en", "en": "ar"}


def _p(text: str) -> str:
    return pgettext("report", text)


class ReportWriter(WordWriter):
    """WordWriter in the edition's numeral system: the Arabic edition's own text gets its digits, a
    passage written in English (inside `foreign()`) keeps Western ones, as in the PDF."""

    def __init__(self, language: str):
        super().__init__(language)
        self.is_foreign = False

    def digits(self, text: str) -> str:
        return text if self.is_foreign else text_with_edition_digits(text, language=self.language)

    @contextlib.contextmanager
    def foreign(self, lang: str):
        """Text in `lang` (a ShownText's): in English inside the Arabic edition, it keeps its digits."""
        previous, self.is_foreign = self.is_foreign, lang != self.language
        try:
            yield
        finally:
            self.is_foreign = previous

    def paragraph(self, text: str = "", *, style: str | None = None):
        return super().paragraph(self.digits(text), style=style)

    def heading(self, text: str, level: int):
        return super().heading(self.digits(text), level)

    def grid(self, headers, rows, **options) -> None:
        super().grid([self.digits(h) for h in headers], [[self.digits(v) for v in row] for row in rows], **options)

    def bold_paragraph(self, text: str, **options):
        paragraph = self.paragraph(text, **options)
        for run in paragraph.runs:
            run.bold = True
        return paragraph


def regional_report_docx(*, cycle: ReviewCycle, user, language: str, include_submitted: bool = False) -> bytes:
    with translation.override(language):
        report = regional_report(cycle=cycle, user=user, language=language, include_submitted=include_submitted)
        writer = ReportWriter(language)
        _cover(writer, report)
        _key_messages(writer, report)
        _chapter_text(writer, report.summary)
        for chapter in report.extra_chapters:
            _chapter_text(writer, chapter)
        _process(writer, report)
        _policy(writer, report)
        for chapter in report.round_tables:
            _round_table(writer, report, chapter)
        if report.progress:
            _progress(writer, report.progress)
        _means(writer, report)
        _next_steps(writer, report)
        _chapter_text(writer, report.conclusions)
        _profiles(writer, report)
        _catalogue(writer, report)
        return writer.content()


def _cover(writer: ReportWriter, report: RegionalReport) -> None:
    title = _p("Regional report of the voluntary national reviews of the Global Compact for Safe, Orderly and "
               "Regular Migration")
    writer.document.core_properties.title = title
    # The PDF's running title and not-final mark, on every page: the page header.
    header = writer.document.sections[0].header
    empty = header.paragraphs[0]._p  # the one a new header comes with
    empty.getparent().remove(empty)
    writer.body = header
    writer.paragraph(f"{_p('GCM regional review report')} · {report.cycle.name}", style=GUIDANCE_STYLE)
    if report.not_final:
        writer.bold_paragraph(_p("Not final: includes reviews not yet accepted"))
    writer.body = writer.document
    writer.paragraph(title, style="Title")
    other = OTHER[writer.language]
    with translation.override(other), writer.foreign(other):
        writer.paragraph(_p("Regional report of the voluntary national reviews of the Global Compact for Safe, "
                            "Orderly and Regular Migration"))
    writer.bold_paragraph(str(report.cycle.name))
    writer.paragraph(_p("English edition"))
    for organisation in report.organisations:
        name = str(organisation.name)
        writer.paragraph(name if organisation.acronym in name else f"{name} ({organisation.acronym})")
    dates = f"{_p('Produced on')}: {formats.date_format(report.generated_on, 'DATE_FORMAT')}"
    if report.data_date:
        dates += f" · {_p('Data as of')}: {formats.date_format(report.data_date, 'DATE_FORMAT')}"
    writer.paragraph(dates)
    writer.paragraph(_p("This report covers every submitted review, including those not yet accepted.")
                     if report.include_submitted else _p("This report covers accepted reviews only."))
    if report.not_final:
        writer.bold_paragraph(_p("Not final: this build includes reviews not yet accepted. Each review is printed "
                                 "as last submitted."))
    writer.document.add_page_break()


def _key_messages(writer: ReportWriter, report: RegionalReport) -> None:
    writer.heading(report.key_messages_chapter.title, 1)
    if not report.key_messages:
        writer.guidance(_p("No key message has been written yet."))
    for message in report.key_messages:
        number = writer.digits(f"{message.number}. ")
        _shown(writer, message.text, prefix=number)
        if message.objectives:
            writer.guidance(npgettext("report", "Objective %(numbers)s", "Objectives %(numbers)s",
                                      len(message.objectives)) % {"numbers": message.objectives_text})


def _chapter_text(writer: ReportWriter, chapter: Chapter) -> None:
    """A chapter made of the synthesis text only (executive summary, conclusions), as _chapter_text.html."""
    writer.heading(chapter.title, 1)
    _synthesis(writer, chapter.text)
    _chapter_end(writer, chapter)


def _process(writer: ReportWriter, report: RegionalReport) -> None:
    chapter = report.process
    writer.heading(chapter.title, 1)
    _synthesis(writer, chapter.text)
    writer.heading(_p("Who submitted when"), 2)
    _caption(writer, _p("Submission status of the national reviews"))
    rows = []
    for row in report.statuses:
        included = _p("No")
        if row.is_included:
            included = _p("Yes")
            if row.printed and row.printed.is_sent_back:
                included += " · " + _p("as last submitted (version %(number)s)") % {"number": row.printed.number}
        rows.append([str(row.country_name),
                     (row.status or _p("Not submitted")) + (f" · {_p('Late')}" if row.is_late else ""),
                     formats.date_format(row.submitted_at, "SHORT_DATE_FORMAT") if row.submitted_at else "",
                     included])
    writer.grid([_p("Country"), _p("Status"), _p("Submitted"), _p("In this report")], rows)
    writer.heading(_p("How the reviews were prepared"), 2)
    _caption(writer, _p("Government entities, consultations and stakeholder categories per review"))
    writer.grid([_p("Country"), _p("Government entities involved"), _p("Consultations held"), _p("Participants"),
                 _p("Stakeholder categories consulted")],
                [[str(row.review.country.name), str(row.entities), str(row.consultations), str(row.participants),
                  str(row.categories)] for row in report.preparation] or [[_p("Nothing yet."), "", "", "", ""]])
    _figure(writer, _p("Countries whose consultations included each stakeholder category"), report.stakeholders,
            label=_p("Name"), value=_p("Countries"))
    _chapter_end(writer, chapter)


def _policy(writer: ReportWriter, report: RegionalReport) -> None:
    chapter = report.policy
    writer.heading(chapter.title, 1)
    _synthesis(writer, chapter.text)
    writer.heading(_p("Policies adopted and implementation plans"), 2)
    _caption(writer, _p("Policies adopted per country and year, and the national implementation plan"))
    writer.grid([_p("Country"), _p("Policies adopted"), _p("Years adopted"), _p("National implementation plan")],
                [[str(row.review.country.name), str(row.adopted), row.years, row.plan] for row in report.policies]
                or [[_p("Nothing yet."), "", "", ""]])
    _figure(writer, _p("Policies adopted per year"), report.policies_by_year, label=_p("Year"),
            value=_p("Policies"))
    _figure(writer, _p("Status of the national implementation plan"), report.plan_status, label=_p("Status"),
            value=_p("Countries"))
    writer.heading(_p("Coordination mechanisms"), 2)
    _compilations(writer, report.compilations.get("policy", []), level=3)
    _chapter_end(writer, chapter)


def _round_table(writer: ReportWriter, report: RegionalReport, chapter) -> None:
    writer.heading(chapter.title, 1)
    _synthesis(writer, chapter.text)
    _citations(writer, chapter.citations, level=2)
    for section in chapter.objectives:
        writer.heading(f"{section.objective.number}. {section.objective.short_label}", 2)
        _synthesis(writer, section.text)
        writer.guidance(_p("Countries reporting: %(reporting)s of %(countries)s · National priority: %(priority)s")
                        % {"reporting": section.reporting, "countries": len(report.reviews),
                           "priority": section.priority})
        if section.reporting:
            _figure(writer, _p("Implementation stage reported for objective %(number)s (countries)")
                    % {"number": section.objective.number}, section.stages, label=_p("Implementation stage"),
                    value=_p("Countries"))
        if section.highlights:
            writer.heading(_p("Country highlights"), 3)
            for highlight in section.highlights:
                _quote(writer, str(highlight.review.country.name), highlight.text)
        for practice in section.practices:
            _practice_box(writer, practice)
        _citations(writer, section.citations, level=3)


def _progress(writer: ReportWriter, chapter) -> None:
    """As templates/reviews/report/_progress.html: the moves per objective since the previous cycle."""
    writer.heading(chapter.title, 1)
    if not chapter.countries:
        writer.paragraph(_p("None of the countries in this report has an accepted review in %(cycle)s to compare "
                            "with.") % {"cycle": chapter.previous_cycle.name})
        return
    year = chapter.previous_year
    writer.heading(_p("Changes per objective since %(year)s (countries)") % {"year": year}, 2)
    writer.grid([_p("Objective"), _p("Reported in both"), _p("Moved up"), _p("Moved down"), _p("Newly reported"),
                 _p("New priority")],
                [[f"{row.objective.number}. {row.objective.short_label}", str(row.compared), str(row.up),
                  str(row.down), str(row.newly_reported), str(row.new_priorities)] for row in chapter.rows])
    if chapter.moved_up:
        _figure(writer, _p("Countries that moved up at least one stage since %(year)s, per objective") % {"year": year},
                chapter.moved_up, label=_p("Objective"), value=_p("Countries"))


def _means(writer: ReportWriter, report: RegionalReport) -> None:
    chapter = report.means
    writer.heading(chapter.title, 1)
    _synthesis(writer, chapter.text)
    _compilations(writer, report.compilations.get("means", []), level=2)
    _chapter_end(writer, chapter)


def _next_steps(writer: ReportWriter, report: RegionalReport) -> None:
    chapter = report.next_steps
    writer.heading(chapter.title, 1)
    _synthesis(writer, chapter.text)
    writer.heading(_p("Planned actions"), 2)
    _caption(writer, _p("Priority actions planned per country"))
    writer.grid([_p("Country"), _p("Planned actions"), _p("Actions needing support")],
                [[str(row.review.country.name), str(row.actions), str(row.support)] for row in report.actions]
                or [[_p("Nothing yet."), "", ""]])
    _compilations(writer, report.compilations.get("next_steps", []), level=2)
    _chapter_end(writer, chapter)


def _profiles(writer: ReportWriter, report: RegionalReport) -> None:
    writer.heading(_p("Annex 1. Country profiles"), 1)
    for profile in report.profiles:
        writer.heading(str(profile.review.country.name), 2)
        if profile.printed:
            line = _p("Version %(number)s, submitted on %(date)s.") % {
                "number": profile.printed.number,
                "date": formats.date_format(profile.printed.submitted_at, "DATE_FORMAT")}
            if profile.printed.is_sent_back:
                line += " " + _p("The review was sent back for revision: this is the version last submitted, not "
                                 "the edits in progress.")
            writer.guidance(line)
        _caption(writer, _p("Key facts"))
        writer.grid([_p("Fact"), _p("Number or status")], [[label, value] for label, value in profile.facts])
        writer.heading(_p("Objectives reported"), 3)
        writer.grid([_p("Objective"), _p("National priority"), _p("Implementation stage")], [
            [f"{row['number']}. {row['title']}", _p("Yes") if row["is_priority"] else "", row["stage_label"]]
            for row in profile.objectives] or [[_p("Nothing yet."), "", ""]])
        writer.heading(_p("How the review was prepared"), 3)
        _shown(writer, profile.lead_institution)
        writer.heading(_p("Key messages"), 3)
        _shown(writer, profile.key_messages)


def _catalogue(writer: ReportWriter, report: RegionalReport) -> None:
    writer.heading(_p("Annex 2. Catalogue of good practices"), 1)
    for objective, practices in report.catalogue:
        writer.heading(f"{objective.number}. {objective.short_label}", 2)
        for practice in practices:
            _practice_box(writer, practice)
    if not report.catalogue:
        writer.guidance(_p("No good practice has been reported yet."))


# The includes of the PDF, one function each.

def _shown(writer: ReportWriter, text, *, prefix: str = "") -> list:
    """_text.html: a ShownText, marked when only in the other language, or "Not answered". Returns the
    paragraphs written."""
    if not text or not text["text"]:
        return [writer.paragraph(_p("Not answered"), style=GUIDANCE_STYLE)]
    written = []
    if text["only_in"]:
        written.append(writer.paragraph(_p("Only in Arabic") if text["only_in"] == "ar" else _p("Only in English"),
                                        style=GUIDANCE_STYLE))
    with writer.foreign(text["lang"]):
        blocks = [block.strip("\n") for block in re.split(r"\n[ \t]*\n", text["text"].strip()) if block.strip()]
        for number, block in enumerate(blocks):
            written.append(writer.paragraph((prefix if not number else "") + block))
    return written


def _synthesis(writer: ReportWriter, text) -> None:
    """_synthesis.html: what the regional staff wrote, or said not written yet."""
    if text:
        _shown(writer, text)
    else:
        writer.guidance(_p("The synthesis of this section has not been written yet."))


def _chapter_end(writer: ReportWriter, chapter: Chapter) -> None:
    """_chapter_citations.html: the answers a chapter cites and the practices it features."""
    _citations(writer, chapter.citations, level=2)
    if chapter.practices:
        writer.heading(_p("Good practices featured"), 2)
        for practice in chapter.practices:
            _practice_box(writer, practice)


def _citations(writer: ReportWriter, citations, *, level: int) -> None:
    if not citations:
        return
    writer.heading(_p("Answers cited"), level)
    for citation in citations:
        line = f"{citation.review.country.name} · {_p('Question')} {LRI}{citation.prompt_code}{PDI}"
        if citation.objective_number:
            line += f" · {_p('Objective')} {citation.objective_number}"
        if citation.note:
            line += f" — {citation.note}"
        writer.paragraph(line)


def _compilations(writer: ReportWriter, compilations, *, level: int) -> None:
    """_compilations.html: each country's passage under a part's question, attributed to the country."""
    for compilation in compilations:
        writer.heading(f"{LRI}{compilation.code}{PDI} {compilation.prompt}", level)
        for item in compilation.passages:
            _quote(writer, str(item.review.country.name), item.text)
        if not compilation.passages:
            writer.guidance(_p("No country has answered yet."))


def _quote(writer: ReportWriter, country: str, text) -> None:
    """A country's passage set in from both sides under its country's name (the PDF's blockquote)."""
    for paragraph in [writer.bold_paragraph(country), *_shown(writer, text)]:
        paragraph.paragraph_format.left_indent = paragraph.paragraph_format.right_indent = Cm(1)


def _figure(writer: ReportWriter, caption: str, rows, *, label: str, value: str) -> None:
    """_bar_figure.html as a small table of its numbers under its caption."""
    _caption(writer, caption)
    writer.grid([label, value], [[str(row.label), str(row.value)] for row in rows] or [[_p("Nothing yet."), ""]],
                widths=[Cm(7), Cm(2.5)])  # a small table, as the PDF's small chart


def _caption(writer: ReportWriter, caption: str) -> None:
    paragraph = writer.bold_paragraph(caption)
    paragraph.paragraph_format.keep_with_next = True


def _practice_box(writer: ReportWriter, practice: PracticeCase) -> None:
    """_practice_box.html: a good practice as a shaded case study, its title a Heading 3."""
    separator = "، " if writer.language == "ar" else ", "
    title_lang, description_lang = text_language(practice.title), text_language(practice.description)
    with writer.box():
        with writer.foreign(title_lang):
            writer.heading(practice.title, 3)
        facts = f"{_p('Country')}: {practice.review.country.name} · {_p('Type')}: {practice.kind}"
        if practice.period:
            facts += f" · {_p('Period')}: {practice.period}"
        writer.paragraph(facts)
        writer.paragraph(f"{_p('Criteria met')}: {separator.join(practice.criteria) or '—'}")
        with writer.foreign(description_lang):
            writer.text(practice.description)
