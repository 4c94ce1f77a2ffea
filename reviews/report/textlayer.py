"""A faithful text layer for Arabic: each glyph of the PDF maps back to the characters it really draws.

WeasyPrint 70 writes one ToUnicode entry per glyph and takes it from the glyph's first appearance.
When HarfBuzz shapes several glyphs into one cluster (Arabic mark reordering puts shadda and a vowel
in one cluster; Amiri then draws the vowel with a special glyph), WeasyPrint gives the whole cluster's
text to one glyph and an empty text to the others. Whichever glyph that is, its map is then wrong
everywhere else in the document: the shadda of "المقدَّمة" on the cover made every later shadda vanish.
No Arabic font avoids this (Noto Sans Arabic loses more), so the map is corrected instead.

`GlyphMap` replaces each WeasyPrint font's `to_unicode` dict. WeasyPrint only writes to it when a
glyph is "not in" it, so it answers "not in" while the page is drawn and sees every glyph in order;
a glyph with text followed by glyphs with empty text (in a right-to-left run) is one cluster.
Within a cluster, a glyph that is the font's own glyph for one of the cluster's characters gets that
character; once the whole document is drawn, the rest of the text is shared among the other glyphs
(a glyph also seen alone keeps that text). A glyph keeps its most certain mapping: its own character,
then a cluster it drew alone, then a share of a cluster.

A correct map is not enough for marks: readers such as pdftotext rebuild words from glyph positions,
and Amiri places a vowel stacked on a shadda, or a final tanween, outside the box of its letter, so the
mark lands in another word. A text box holding Arabic marks is therefore wrapped in a marked-content
span with /ActualText (PDF 32000-1, 14.9.4): readers take the box's text from there, in the order the
line shows it, and the glyphs only draw.
"""

import io
import unicodedata
from functools import cache
from pathlib import Path

from fontTools.ttLib import TTFont
from weasyprint.draw import text as weasyprint_text
from weasyprint.pdf import fonts as weasyprint_fonts

# How certain a glyph's text is: lower wins, and the first one seen among equals is kept.
_OWN_CHARACTER, _ALONE, _SHARED, _NOTHING = range(4)


@cache
def _characters_by_glyph(content: bytes, index: int) -> dict[int, str]:
    """The font's nominal glyphs: glyph id -> the one character the cmap draws with it."""
    font = TTFont(io.BytesIO(content), fontNumber=index, lazy=True)
    by_glyph: dict[int, list[str]] = {}
    for codepoint, name in font.getBestCmap().items():
        by_glyph.setdefault(font.getGlyphID(name), []).append(chr(codepoint))
    # A glyph shared by several characters (e.g. a space and a no-break space) says nothing certain.
    return {glyph: characters[0] for glyph, characters in by_glyph.items() if len(characters) == 1}


def warm_glyph_maps(paths) -> None:
    """Reads the fonts' character maps once, before the edition workers are forked, rather than in each."""
    for path in paths:
        _characters_by_glyph(Path(path).read_bytes(), 0)


@cache  # called for every glyph drawn, with a few hundred distinct cluster texts
def _is_right_to_left(text: str) -> bool:
    return any(unicodedata.bidirectional(character) in ("R", "AL", "NSM") for character in text)


class GlyphMap(dict):
    """A font's glyph -> text map that corrects WeasyPrint's first-come mapping (see the module)."""

    def __init__(self, own_characters: dict[int, str]):
        super().__init__()
        self._own = own_characters
        self._certainty: dict[int, int] = {}
        self._cluster: list[tuple[int, str]] = []  # glyphs of the right-to-left cluster being drawn
        self._waiting: list[int] = []  # glyphs with empty text before a left-to-right cluster's text
        self._shared: list[tuple[list[int], str]] = []  # clusters of several glyphs, in reading order

    def __contains__(self, glyph) -> bool:
        return False  # so that WeasyPrint reports every glyph it draws, in order

    # Reading the map (when the PDF's fonts are written) first settles the last cluster drawn.
    def __iter__(self):
        self._flush()
        return super().__iter__()

    def __len__(self) -> int:
        self._flush()
        return super().__len__()

    def keys(self):
        self._flush()
        return super().keys()

    def items(self):
        self._flush()
        return super().items()

    def __setitem__(self, glyph: int, text: str) -> None:
        # Called for every glyph drawn: the common case (one glyph, one cluster) stays short.
        if not text:
            if self._cluster:
                self._cluster.append((glyph, ""))
            else:
                self._waiting.append(glyph)
            return
        self._close()
        right_to_left = _is_right_to_left(text)
        if self._waiting:
            waiting, self._waiting = self._waiting, []
            if not right_to_left:  # left to right: the empty glyphs came before their cluster's text
                self._resolve([*((g, "") for g in waiting), (glyph, text)])
                return
            self._resolve([(g, "") for g in waiting])
        if right_to_left:
            self._cluster = [(glyph, text)]
        else:
            self._alone(glyph, text)

    def _flush(self) -> None:
        self._close()
        if self._waiting:
            self._resolve([(glyph, "") for glyph in self._waiting])
            self._waiting = []
        shared, self._shared = self._shared, []
        for glyphs, text in shared:
            self._share(glyphs, text)

    def _close(self) -> None:
        cluster = self._cluster
        if cluster:
            self._cluster = []
            if len(cluster) == 1:
                self._alone(*cluster[0])
            else:
                self._resolve(cluster)

    def _alone(self, glyph: int, text: str) -> None:
        certainty = self._certainty.get(glyph, _NOTHING + 1)
        if certainty > _OWN_CHARACTER:
            self._keep(glyph, text, _OWN_CHARACTER if self._own.get(glyph) == text else _ALONE)

    def _resolve(self, cluster: list[tuple[int, str]]) -> None:
        glyphs = [glyph for glyph, _text in cluster]
        text = "".join(text for _glyph, text in cluster)
        if len(glyphs) == 1:
            if text:
                self._alone(glyphs[0], text)
            else:
                self._keep(glyphs[0], text, _NOTHING)
            return
        for glyph in glyphs:
            own = self._own.get(glyph)
            if own is not None and own in text:
                self._keep(glyph, own, _OWN_CHARACTER)
        # Shared later, once every glyph seen alone anywhere in the document is known.
        self._shared.append((glyphs[::-1] if _is_right_to_left(text) else glyphs, text))

    def _share(self, glyphs: list[int], text: str) -> None:
        """Splits a cluster's text (glyphs in reading order): a glyph known from elsewhere takes its
        own text; the others take one character each when they are as many, else the first takes all."""
        rest = text
        unknown = []
        for glyph in glyphs:
            known = self.get(glyph) if self._certainty.get(glyph, _NOTHING) <= _ALONE else None
            if known and known in rest:
                rest = rest.replace(known, "", 1)
            else:
                unknown.append(glyph)
        if len(unknown) == len(rest):
            shares = list(rest)
        else:
            shares = [rest] + [""] * (len(unknown) - 1)
        for glyph, share in zip(unknown, shares):
            self._keep(glyph, share, _SHARED if share else _NOTHING)

    def _keep(self, glyph: int, text: str, certainty: int) -> None:
        if certainty < self._certainty.get(glyph, _NOTHING + 1):
            self._certainty[glyph] = certainty
            dict.__setitem__(self, glyph, text)


def install_glyph_map() -> None:
    """Gives every WeasyPrint font a GlyphMap; idempotent."""
    if getattr(weasyprint_fonts.Font, "_report_glyph_map", False):
        return
    original_init = weasyprint_fonts.Font.__init__

    def init(font, *args, **kwargs):
        original_init(font, *args, **kwargs)
        font.to_unicode = GlyphMap(_characters_by_glyph(font.file_content, font.index))

    weasyprint_fonts.Font.__init__ = init
    weasyprint_fonts.Font._report_glyph_map = True



def _needs_actual_text(text: str) -> bool:
    return any(unicodedata.category(character) == "Mn" for character in text)


def _pdf_text_string(text: str) -> str:
    """A PDF text string in UTF-16BE hex, the form every reader accepts for ActualText."""
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


_RIGHT_TO_LEFT = {"R", "AL"}
_LEFT_TO_RIGHT = {"L", "EN", "AN"}  # digits read left to right inside Arabic too


def visual_order(text: str, *, right_to_left: bool) -> str:
    """The text as the line shows it from left to right (rule L2 of the bidi algorithm, one level
    of embedding): the runs of the other direction keep their own order inside the line's order."""
    runs: list[tuple[bool, str]] = []  # (run reads right to left, characters)
    pending = ""  # neutrals (spaces, punctuation) waiting to see the direction on their other side
    for character in text:
        kind = unicodedata.bidirectional(character)
        if kind in _RIGHT_TO_LEFT or kind in _LEFT_TO_RIGHT:
            is_rtl = kind in _RIGHT_TO_LEFT
            if runs and runs[-1][0] == is_rtl:
                runs[-1] = (is_rtl, runs[-1][1] + pending + character)
            else:
                if pending:
                    runs.append((right_to_left, pending))
                runs.append((is_rtl, character))
            pending = ""
        elif kind == "NSM" and runs and not pending:
            runs[-1] = (runs[-1][0], runs[-1][1] + character)
        else:
            pending += character
    if pending:
        runs.append((right_to_left, pending))
    shown = [_reversed(characters) if is_rtl else characters for is_rtl, characters in runs]
    return "".join(reversed(shown) if right_to_left else shown)


def _reversed(characters: str) -> str:
    """A right-to-left run as seen. A mark that ends a word (a final tanween) comes first on the left;
    a leading right-to-left mark keeps it inside the run, or readers move it to the other end of the line."""
    shown = characters[::-1]
    return "\u200f" + shown if unicodedata.bidirectional(shown[0]) == "NSM" else shown


def install_actual_text() -> None:
    """Wraps each drawn text box with Arabic marks in an /ActualText span; idempotent."""
    if getattr(weasyprint_text, "_report_actual_text", False):
        return
    original = weasyprint_text.draw_first_line

    def draw_first_line(stream, textbox, *args, **kwargs):
        text = textbox.text
        if not _needs_actual_text(text):
            return original(stream, textbox, *args, **kwargs)
        # Readers lay ActualText out from left to right over the span, so it is given in the order seen.
        shown = visual_order(text, right_to_left=textbox.style["direction"] == "rtl")
        stream.begin_marked_content("Span", f"<< /ActualText {_pdf_text_string(shown)} >>")
        try:
            return original(stream, textbox, *args, **kwargs)
        finally:
            stream.end_marked_content()

    weasyprint_text.draw_first_line = draw_first_line
    weasyprint_text._report_actual_text = True
