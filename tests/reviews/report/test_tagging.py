"""The accessible PDF: each single-language edition is tagged (PDF/UA-1). The structure tree is read back with
pypdf: real heading levels in order, the document's and passages' languages, each chart's alternative text,
table header cells, and the title/author/subject metadata. Also the edition's one numeral system."""

import io
import re

import pytest
from pypdf import PdfReader
from pypdf.generic import IndirectObject

from reviews.report.build import document_html, html_to_pdf, render_report_html
from reviews.report.numerals import html_with_edition_digits
from tests.reviews.report.conftest import arabic_indic, pdf_text
from tests.reviews.report.sample_edition import ENGLISH_PASSAGE, TEXTS, sample_edition

ARABIC_INDIC = re.compile("[\u0660-\u0669]")
WESTERN = re.compile("[0-9]")


def _resolved(value):
    return value.get_object() if isinstance(value, IndirectObject) else value


def structure(pdf: bytes) -> tuple[dict, list[dict]]:
    """The catalogue and the structure elements in reading order: [{"S": "H1", "Lang": ..., "Alt": ..., "text"}]."""
    reader = PdfReader(io.BytesIO(pdf))
    catalog = reader.trailer["/Root"]
    elements = []

    def walk(node, lang):
        node = _resolved(node)
        if not hasattr(node, "get") or node.get("/Type") not in (None, "/StructElem"):
            return
        lang = str(node.get("/Lang", lang))
        elements.append({"S": str(node["/S"])[1:], "Lang": lang, "Alt": node.get("/Alt"),
                         "own_lang": node.get("/Lang"), "A": _resolved(node.get("/A"))})
        kids = _resolved(node.get("/K"))
        for kid in kids if isinstance(kids, list) else [kids]:
            walk(kid, lang)

    root = _resolved(catalog["/StructTreeRoot"])
    for kid in _resolved(root["/K"]):
        walk(kid, str(catalog.get("/Lang", "")))
    return {"catalog": catalog, "metadata": reader.metadata}, elements


def headings(elements) -> list[str]:
    return [element["S"] for element in elements if re.fullmatch("H[1-6]", element["S"])]


def assert_real_heading_levels(levels: list[str]) -> None:
    """Starts at H1 and never skips a level going down."""
    assert levels and levels[0] == "H1"
    for before, after in zip(levels, levels[1:]):
        assert int(after[1]) <= int(before[1]) + 1, (before, after)


@pytest.fixture(scope="module")
def sample_pdfs(django_db_blocker):
    with django_db_blocker.unblock():  # the metadata's authors are the organisations (none in this test database)
        return {lang: html_to_pdf(document_html(title=TEXTS[lang]["title"], editions=[sample_edition(lang)],
                                                languages=(lang,)))
                for lang in ("ar", "en")}


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_edition_is_tagged_with_its_language_headings_tables_and_chart_alternatives(sample_pdfs, lang):
    info, elements = structure(sample_pdfs[lang])
    catalog = info["catalog"]
    assert catalog["/Lang"] == lang
    assert catalog["/MarkInfo"]["/Marked"] in (True, "true")
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"] in (True, "true")
    # cover title, contents, a chapter with a section and a practice box's title, the next chapter
    assert headings(elements) == ["H1", "H1", "H1", "H2", "H3", "H1"]
    assert_real_heading_levels(headings(elements))
    figures = [element for element in elements if element["S"] == "Figure"]
    assert [figure["Alt"] for figure in figures] == [TEXTS[lang]["alt"]]
    assert {"Table", "TH", "TD", "Caption"} <= {element["S"] for element in elements}
    cells = [element for element in elements if element["S"] == "TD" and element["A"] and "/Headers" in element["A"]]
    assert cells, "data cells point to their column headers"
    assert info["metadata"].title == html_with_edition_digits(TEXTS[lang]["title"], language=lang)
    assert info["metadata"]["/Subject"]


def test_a_passage_in_the_other_language_is_tagged_with_its_language(sample_pdfs):
    _info, elements = structure(sample_pdfs["ar"])
    assert [element["S"] for element in elements if element["own_lang"] == "en"] == ["Div"]
    assert {element["Lang"] for element in elements if element["S"] == "H1"} == {"ar"}


def test_edition_text_layer_has_one_numeral_system(sample_pdfs, tmp_path):
    arabic = pdf_text(sample_pdfs["ar"], tmp_path)
    # Arabic-Indic digits everywhere (page numbers, contents, captions, text, tables) but in the English passage.
    western_lines = [line for line in arabic.splitlines() if WESTERN.search(line)]
    assert western_lines and all(line.strip() in ENGLISH_PASSAGE for line in western_lines), western_lines
    assert ARABIC_INDIC.search(arabic)
    assert "٢٠٢٨" in arabic and "٧٥" in arabic and "٪" in arabic and "%" not in arabic
    english = pdf_text(sample_pdfs["en"], tmp_path)
    assert not ARABIC_INDIC.search(english)


def test_western_digits_setting_gives_the_arabic_edition_western_digits_everywhere(settings, db, tmp_path):
    settings.REPORT_ARABIC_DIGITS = "western"
    html = document_html(title="t", editions=[sample_edition("ar", rows=3)], languages=("ar",))
    assert "counter(page, decimal)" in html and "arabic-indic" not in html
    assert not ARABIC_INDIC.search(pdf_text(html_to_pdf(html), tmp_path))


def test_digits_are_converted_in_arabic_text_nodes_only():
    head = '<html lang="ar"><head><style>.a { width: 50% } h1::before { content: "1" }</style></head><body>'
    body = ('<p data-n="12" id="x-3">عام {2028} بنسبة {75%} &#x2066;{1}.{2}&#x2069; '
            'https://example.org/2023 a@b2.org</p>'
            '<br><div lang="en" dir="ltr">circular 17 <b>of 2023</b></div><p>{2}</p><!-- 9 --></body></html>')
    html = head + body.replace("{", "").replace("}", "")
    expected = head + re.sub("{([^}]*)}", lambda m: arabic_indic(m.group(1)), body)
    assert html_with_edition_digits(html, language="ar") == expected
    english_edition = ('<html lang="en"><body><p>2028</p><div lang="ar" dir="rtl">عام 2028</div></body></html>')
    assert html_with_edition_digits(english_edition, language="en") == english_edition


def test_regional_report_edition_is_tagged_with_real_headings_and_chart_alternatives(accepted_review, organiser,
                                                                                     tmp_path):
    """The report as it is built: the Arabic edition (right to left, the harder one)."""
    pdf = html_to_pdf(render_report_html(cycle=accepted_review.cycle, user=organiser, languages=("ar",)))
    # One numeral system: Western digits only on lines of an English passage (with Latin letters).
    text = pdf_text(pdf, tmp_path)
    assert ARABIC_INDIC.search(text)
    assert [line for line in text.splitlines() if WESTERN.search(line) and not re.search("[A-Za-z]", line)] == []
    info, elements = structure(pdf)
    assert info["catalog"]["/Lang"] == "ar"
    assert_real_heading_levels(headings(elements))
    assert headings(elements).count("H1") >= 3
    assert all(element["Alt"] for element in elements if element["S"] == "Figure")
    assert info["metadata"]["/Author"].count(",") >= 2  # the three organisations
    assert "التقرير الإقليمي" in info["metadata"].title


def test_bilingual_file_is_one_tagged_document_with_each_edition_in_its_language(accepted_review, organiser):
    from reviews.report.build import country_pdf

    built = country_pdf(review=accepted_review, user=organiser)
    info, elements = structure(built.content)
    assert info["catalog"]["/Lang"] == "ar"
    # WeasyPrint makes one element per page an element spans: the edition's sections, Arabic pages then English.
    languages = [element["own_lang"] for element in elements if element["S"] == "Sect" and element["own_lang"]]
    assert [lang for index, lang in enumerate(languages) if index == 0 or languages[index - 1] != lang] == ["ar", "en"]
    english_headings = [element for element in elements if element["Lang"] == "en" and element["S"] == "H1"]
    assert english_headings and all(element["Lang"] == "en" for element in english_headings)
    assert_real_heading_levels(headings(elements))
    assert " / " in info["metadata"].title  # both editions' titles


def test_caption_labels_and_counters_come_from_each_editions_language(db):
    html = document_html(title="t", editions=[sample_edition("ar", rows=1), sample_edition("en", rows=1)],
                     languages=("ar", "en"))
    assert ('.edition-ar figure.figure > figcaption::before { content: "الشكل " counter(figure, arabic-indic) ". "; }'
            in html)
    assert '.edition-en table > caption::before { content: "Table " counter(table, decimal) ". "; }' in html


def test_a_caption_label_cannot_leave_its_css_string():
    from reviews.report.template_filters import css_string

    assert css_string('a"b\\c</style>\n') == "a\\22 b\\5c c\\3c /style\\3e \\a "
