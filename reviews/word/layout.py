"""What the template, the reader and the export share: the shape of the document.

Each part is a Heading 1 "N. title"; each prompt a heading that begins with its code; in part 3 each
objective a Heading 2 "Objective N: title" followed by its stage and priority lines and its prompts
(Heading 3). A table section is a heading with the table's title, then a Word table whose header row
names the columns. Guidance is written in the GUIDANCE style, which the reader ignores.
"""

import re
import unicodedata
from dataclasses import dataclass

from django.utils import translation
from django.utils.translation import gettext_lazy as _
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from gcm_portal.validators import strip_bidi_controls
from reviews.models import Consultation, GoodPractice, GovernmentEntity, Indicator, PlannedAction, Policy

GUIDANCE_STYLE = "GCM guidance"
ARABIC_FONT = "Arial"  # has Arabic letters on every Windows, macOS and LibreOffice install
LRM = "\u200e"

STAGE_LABEL = _("Implementation stage")
PRIORITY_LABEL = _("National priority")
YES, NO = _("Yes"), _("No")


@dataclass(frozen=True)
class TableLayout:
    kind: str
    model: type
    columns: tuple[str, ...]  # model field names, in the order of the Word table


TABLE_LAYOUTS = {
    layout.kind: layout
    for layout in [
        TableLayout("entities", GovernmentEntity, ("name", "level", "role")),
        TableLayout("consultations", Consultation, ("held_on", "format", "participants", "summary")),
        TableLayout("policies", Policy, ("title", "kind", "year", "status", "link")),
        TableLayout("practices", GoodPractice, ("title", "kind", "description", "period", "link")),
        TableLayout("indicators", Indicator, ("suggested", "name", "unit", "baseline_value", "baseline_year",
                                              "latest_value", "latest_year", "source")),
        TableLayout("means", PlannedAction, ("action", "lead_entity", "timeframe", "support_needed")),
        TableLayout("actions", PlannedAction, ("action", "lead_entity", "timeframe", "support_needed")),
    ]
}
EMPTY_ROWS = 3  # rows to fill under each header in the blank template


def column_heading(model: type, name: str) -> str:
    return str(model._meta.get_field(name).verbose_name).capitalize()


# --- reading what people type -------------------------------------------------------------------------

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬", "01234567890123456789.,")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\ufeff\u00ad]")


def normalise(text: str) -> str:
    """Text as the reader compares it: ASCII digits (Arabic-Indic ones read as digits), no direction
    marks or invisible characters, single spaces, compatibility forms folded, case folded."""
    text = strip_bidi_controls(_INVISIBLE.sub("", text or "")).translate(_DIGITS)
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"\s+", " ", text).strip().casefold()


def clean_text(text: str) -> str:
    """A typed text as it is stored: Arabic-Indic digits and Word's direction marks kept as typed (they
    are the writer's), but no zero-width junk at the ends and no trailing spaces on lines."""
    lines = [line.rstrip() for line in (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return "\n".join(lines).strip()


def text_language(text: str) -> str:
    """"ar" when the text has at least as many Arabic letters as Latin ones, else "en"."""
    arabic = latin = 0
    for character in text:
        kind = unicodedata.bidirectional(character)
        if kind in ("R", "AL"):
            arabic += 1
        elif kind == "L":
            latin += 1
    return "ar" if arabic >= latin and arabic else "en"


def listed(items) -> str:
    """Items joined with the comma of the active language (Arabic: «،»)."""
    return ("، " if translation.get_language() == "ar" else ", ").join(str(item) for item in items)


def labels_in_both(label) -> set[str]:
    """A lazily translated label, normalised, in Arabic and in English."""
    found = set()
    for language in ("ar", "en"):
        with translation.override(language):
            found.add(normalise(str(label)))
    return found


# --- the properties python-docx lacks (inserted in the order the schema asks, or Word calls the file damaged) ---

_AFTER_BIDI = ("w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
               "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
               "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
_AFTER_LANG = ("w:eastAsianLayout", "w:specVanish", "w:oMath")


def set_paragraph_rtl(p_pr) -> None:
    """w:bidi on a paragraph's (or a style's) properties: right to left, whatever the reader's defaults."""
    if p_pr.find(qn("w:bidi")) is None:
        p_pr.insert_element_before(OxmlElement("w:bidi"), *_AFTER_BIDI)


def set_paragraph_ltr(p_pr) -> None:
    """w:bidi off on a paragraph's properties: left to right inside a right-to-left document (whose styles
    are right to left), as an English passage of the Arabic edition."""
    bidi = p_pr.find(qn("w:bidi"))
    if bidi is None:
        bidi = OxmlElement("w:bidi")
        p_pr.insert_element_before(bidi, *_AFTER_BIDI)
    bidi.set(qn("w:val"), "0")


def set_run_rtl(run) -> None:
    run._r.get_or_add_rPr().get_or_add_rtl()


def set_style_fonts(style, *, arabic: bool) -> None:
    """The style's fonts, the complex-script one included, and its languages (Arabic for proofing)."""
    r_pr = style.element.get_or_add_rPr()
    fonts = r_pr.get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attribute), ARABIC_FONT)
    lang = r_pr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        r_pr.insert_element_before(lang, *_AFTER_LANG)
    lang.set(qn("w:val"), "ar-SA" if arabic else "en-GB")
    lang.set(qn("w:bidi"), "ar-SA")
    if arabic:
        set_paragraph_rtl(style.element.get_or_add_pPr())
