"""From data to HTML to PDF. Each edition is gathered and rendered inside its own language and laid out
as its own document (its page numbers start at 1).

Every PDF is tagged (PDF/UA-1): document language, headings, table header cells, each chart's alternative
text, title/author/subject metadata (see `tagging`). The bilingual file is one tagged document: its editions
are laid out in turn and written together, one structure tree with each edition a section in its own
language (`_one_tagged_document`). Joining separately written editions (`_join`, their layout side by side
on two cores) is faster on an idle machine but drops the structure tree: bench/report_pdfs.py measures both.
"""

import io
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from functools import cache

from django.conf import settings
from django.template import Context, Engine, engines
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import pgettext
from pypdf import PdfReader, PdfWriter
from weasyprint import HTML

from reviews.models import Organisation, Review, ReviewCycle
from reviews.report.data import compendium, country_review, regional_report
from reviews.report.fetcher import SafeFetcher
from reviews.report.fonts import FONT_STACK, font_face_css, font_files
from reviews.report.numerals import counter_style, html_with_edition_digits
from reviews.report.tagging import install_structure_attributes
from reviews.report.textlayer import install_actual_text, install_glyph_map, warm_glyph_maps

LANGUAGES = ("ar", "en")

install_glyph_map()  # the PDF's text layer gives back the words typed (see textlayer)
install_actual_text()
install_structure_attributes()  # /Lang of other-language passages, /Alt of charts drawn in HTML (see tagging)

# PDF/UA-1: tagged (structure tree, /Lang, /Alt, table headers), PDF 1.7, the document title shown.
PDF_OPTIONS = {"pdf_variant": "pdf/ua-1"}


@cache
def _engine() -> Engine:
    """The project's template engine plus the report's filters (`text_dir`) as builtins."""
    project = engines["django"].engine
    return Engine(dirs=project.dirs, app_dirs=project.app_dirs, libraries=project.libraries,
                  builtins=["reviews.report.template_filters"], debug=project.debug,
                  string_if_invalid=project.string_if_invalid, file_charset=project.file_charset)


def render_to_string(template_name: str, context: dict) -> str:
    return _engine().get_template(template_name).render(Context(context, autoescape=True))


def _caption_label(message: str) -> tuple[str, str]:
    """A caption label's text before and after its number, from the catalogue ("Figure %(number)s.", then a space)."""
    before, _, after = message.partition("%(number)s")
    return before, after + " "


def _editions_style(languages) -> list[dict]:
    """Per edition, what its CSS needs in its own language: caption labels, counter style, page sides."""
    styles = []
    for language in languages:
        with translation.override(language):
            styles.append({
                "lang": language, "counter": counter_style(language),
                "start": "right" if language == "ar" else "left", "end": "left" if language == "ar" else "right",
                # Translators: the label of a figure's caption in the PDF report; keep %(number)s.
                "figure": _caption_label(pgettext("report caption", "Figure %(number)s.")),
                # Translators: the label of a table's caption in the PDF report; keep %(number)s.
                "table": _caption_label(pgettext("report caption", "Table %(number)s.")),
            })
    return styles


def _metadata(*, title: str, language: str) -> dict:
    """The PDF's title (the edition's), author (the organisations) and subject, in the edition's language."""
    with translation.override(language):
        return {
            "title": title,
            "authors": [organisation.name for organisation in Organisation.objects.order_by("code")],
            "subject": pgettext("report", "Regional review of the implementation of the Global Compact for Safe, "
                                          "Orderly and Regular Migration: synthesis of the voluntary national reviews"),
        }


def document_html(*, title: str, editions: list[str], languages) -> str:
    """The HTML document of the editions given (each already rendered in its language), with the report's
    style sheet and metadata, digits in each edition's numeral system."""
    html = render_to_string("reviews/report/document.html", {
        "title": title, "lang": languages[0], "dir": "rtl" if languages[0] == "ar" else "ltr",
        "metadata": _metadata(title=title, language=languages[0]),
        "font_css": mark_safe(font_face_css()), "font_stack": mark_safe(FONT_STACK),
        "editions_style": _editions_style(languages),
        # Each edition is our own template's output, autoescaped there: user text is never marked safe.
        "editions": [mark_safe(edition) for edition in editions],
    })
    # The one place digits are converted: the text of the Arabic edition, in its numeral system.
    return html_with_edition_digits(html, language=languages[0])


def _report_title(*, cycle: ReviewCycle, language: str) -> str:
    with translation.override(language):
        title = pgettext("report", "Regional report of the voluntary national reviews")
        return f"{title} – {cycle.name}"


def _check(languages) -> tuple[str, ...]:
    languages = tuple(languages)
    if not languages or any(language not in LANGUAGES for language in languages):
        raise ValueError(f"languages must be taken from {LANGUAGES}, got {languages!r}")
    return languages


def render_report_html(*, cycle: ReviewCycle, user, languages=LANGUAGES, include_submitted: bool = False) -> str:
    languages = _check(languages)
    editions = []
    for language in languages:
        with translation.override(language):
            report = regional_report(cycle=cycle, user=user, language=language, include_submitted=include_submitted)
            editions.append(render_to_string("reviews/report/regional_edition.html", {
                "report": report, "lang": language, "dir": "rtl" if language == "ar" else "ltr",
            }))
    title = " / ".join(_report_title(cycle=cycle, language=language) for language in languages)
    return document_html(title=title, editions=editions, languages=languages)


def render_country_html(*, review: Review, user, languages=LANGUAGES) -> str:
    """Raises NotFound when the user may not see the review."""
    languages = _check(languages)
    editions = []
    for language in languages:
        with translation.override(language):
            data = country_review(review=review, user=user, language=language)
            editions.append(render_to_string("reviews/report/country_edition.html", {
                "data": data, "lang": language, "dir": "rtl" if language == "ar" else "ltr",
            }))
    titles = []
    for language in languages:
        with translation.override(language):
            title = pgettext("report", "Voluntary national review")
            titles.append(f"{title} — {review.country.name} – {review.cycle.name}")
    return document_html(title=" / ".join(titles), editions=editions, languages=languages)


def _base_url() -> str:
    # Relative URLs resolve under STATIC_ROOT, the only place besides the fonts the fetcher serves.
    return settings.STATIC_ROOT.resolve().as_uri() + "/"


def html_to_pdf(html: str, *, url_fetcher: SafeFetcher | None = None) -> bytes:
    return HTML(string=html, base_url=_base_url(), url_fetcher=url_fetcher or SafeFetcher()).write_pdf(**PDF_OPTIONS)


ProgressCallback = Callable[[str, int], None]
"""Called as on_progress(phase, pages_done); phase is one of PHASES."""

PHASES = ("gathering", "layout", "writing")


@dataclass(frozen=True)
class BuiltPdf:
    content: bytes
    pages: int


def _edition_pdf(html: str) -> tuple[bytes, int]:
    """One edition laid out and written: run in a child process, it needs no database, only its HTML."""
    document = HTML(string=html, base_url=_base_url(), url_fetcher=SafeFetcher()).render()
    return document.write_pdf(**PDF_OPTIONS), len(document.pages)


def _workers(editions: int) -> int:
    """Processes for the editions: at most one per edition and per core; REPORT_PDF_WORKERS (a setting,
    default 2) caps them, 1 lays the editions out one after the other in this process."""
    return max(1, min(editions, len(os.sched_getaffinity(0)), settings.REPORT_PDF_WORKERS))


def _edition_pdfs(html_editions: list[str], *, on_progress: ProgressCallback | None) -> list[tuple[bytes, int]]:
    """Each edition's PDF. WeasyPrint uses one core; the editions are independent documents, so with two
    cores they are laid out and written side by side in forked processes (the parent keeps the database
    connection; a child only turns HTML into PDF bytes)."""
    results: dict[int, tuple[bytes, int]] = {}

    def done(index: int, result: tuple[bytes, int]) -> None:
        results[index] = result
        if on_progress:
            on_progress("layout", sum(pages for _content, pages in results.values()))

    workers = _workers(len(html_editions))
    warm_glyph_maps(font_files())
    if on_progress:
        on_progress("layout", 0)
    if workers == 1:
        for index, html in enumerate(html_editions):
            done(index, _edition_pdf(html))
    else:
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
            futures = {pool.submit(_edition_pdf, html): index for index, html in enumerate(html_editions)}
            for future in as_completed(futures):  # the pages count grows as soon as either edition is done
                done(futures[future], future.result())
    return [results[index] for index in range(len(html_editions))]


def _join(pdfs: list[tuple[bytes, int]], *, on_progress: ProgressCallback | None) -> BuiltPdf:
    """One PDF of the editions in turn, each keeping its outline, links and page numbers."""
    pages = sum(count for _content, count in pdfs)
    if on_progress:
        on_progress("writing", pages)
    if len(pdfs) == 1:
        return BuiltPdf(content=pdfs[0][0], pages=pages)
    writer = PdfWriter()
    for content, _count in pdfs:
        writer.append(PdfReader(io.BytesIO(content)), import_outline=True)
    # The editions' metadata (title, author, subject: each in its language), one after the other.
    metadata: dict[str, list[str]] = {}
    for content, _count in pdfs:
        for key, value in (PdfReader(io.BytesIO(content)).metadata or {}).items():
            if isinstance(value, str) and value not in metadata.setdefault(key, []):
                metadata[key].append(value)
    writer.add_metadata({key: " / ".join(values) for key, values in metadata.items()})
    writer.compress_identical_objects(remove_duplicates=True, remove_unreferenced=True)
    out = io.BytesIO()
    writer.write(out)
    return BuiltPdf(content=out.getvalue(), pages=pages)


def report_editions(*, cycle: ReviewCycle, user, languages=LANGUAGES, include_submitted: bool = False) -> list[str]:
    """The HTML of each language's edition of the regional report, in order."""
    return [render_report_html(cycle=cycle, user=user, languages=(language,), include_submitted=include_submitted)
            for language in _check(languages)]


def country_editions(*, review: Review, user, languages=LANGUAGES) -> list[str]:
    """The HTML of each language's edition of one country's review; raises NotFound when the user may not see it."""
    return [render_country_html(review=review, user=user, languages=(language,)) for language in _check(languages)]


def _one_tagged_document(html_editions: list[str], *, on_progress: ProgressCallback | None) -> BuiltPdf:
    """The editions laid out in turn in this process and written as one tagged PDF (one structure tree, each
    edition a section with its own /Lang, each keeping its page numbers and outline; metadata of the first
    edition, titles of both). It gives up laying the editions out side by side on two cores: on the full
    demo it stays far within the 30 s goal (bench/report_pdfs.py)."""
    warm_glyph_maps(font_files())
    documents, pages = [], 0
    if on_progress:
        on_progress("layout", 0)
    for html in html_editions:
        documents.append(HTML(string=html, base_url=_base_url(), url_fetcher=SafeFetcher()).render())
        pages += len(documents[-1].pages)
        if on_progress:
            on_progress("layout", pages)
    if on_progress:
        on_progress("writing", pages)
    whole = documents[0].copy([page for document in documents for page in document.pages])
    whole.metadata.title = " / ".join(document.metadata.title for document in documents if document.metadata.title)
    return BuiltPdf(content=whole.write_pdf(**PDF_OPTIONS), pages=pages)


def pdf_from_editions(editions: list[str], *, on_progress: ProgressCallback | None = None,
                      one_document: bool = True) -> BuiltPdf:
    """One tagged PDF of the editions in turn. `one_document=False` joins separately written editions instead
    (laid out side by side, REPORT_PDF_WORKERS): faster on two idle cores, but the bilingual file is then
    untagged, a print copy only; kept for bench/report_pdfs.py's comparison."""
    if one_document and len(editions) > 1:
        return _one_tagged_document(editions, on_progress=on_progress)
    return _join(_edition_pdfs(editions, on_progress=on_progress), on_progress=on_progress)


def report_pdf(*, cycle: ReviewCycle, user, languages=LANGUAGES, include_submitted: bool = False,
               on_progress: ProgressCallback | None = None, one_document: bool = True) -> BuiltPdf:
    """The regional report as one PDF holding each language's edition in turn."""
    if on_progress:
        on_progress("gathering", 0)
    editions = report_editions(cycle=cycle, user=user, languages=languages, include_submitted=include_submitted)
    return pdf_from_editions(editions, on_progress=on_progress, one_document=one_document)


def country_pdf(*, review: Review, user, languages=LANGUAGES,
                on_progress: ProgressCallback | None = None) -> BuiltPdf:
    """One country's review; raises NotFound when the user may not see it."""
    if on_progress:
        on_progress("gathering", 0)
    return pdf_from_editions(country_editions(review=review, user=user, languages=languages), on_progress=on_progress)


# --- the compendium: every included country's full answers per objective, the organisers' working copy ----------


def compendium_editions(*, cycle: ReviewCycle, user, languages=LANGUAGES, include_submitted: bool = False) -> list[str]:
    """The HTML of each language's edition of the compendium, in order."""
    editions = []
    for language in _check(languages):
        with translation.override(language):
            data = compendium(cycle=cycle, user=user, language=language, include_submitted=include_submitted)
            edition = render_to_string("reviews/report/compendium_edition.html", {
                "compendium": data, "lang": language, "dir": "rtl" if language == "ar" else "ltr"})
            title = f'{pgettext("report", "Compendium of national answers")} – {cycle.name}'
        editions.append(document_html(title=title, editions=[edition], languages=(language,)))
    return editions


def compendium_pdf(*, cycle: ReviewCycle, user, languages=LANGUAGES, include_submitted: bool = False,
                   on_progress: ProgressCallback | None = None) -> BuiltPdf:
    if on_progress:
        on_progress("gathering", 0)
    editions = compendium_editions(cycle=cycle, user=user, languages=languages, include_submitted=include_submitted)
    return pdf_from_editions(editions, on_progress=on_progress)
