"""The fonts embedded in every PDF, taken from installed pip packages (never the system's, never a CDN).

Amiri (Arabic) and Noto Sans (Latin): with Amiri, and the corrections of `textlayer` (a glyph map per
cluster, ActualText for marked words), `pdftotext` gives back exactly the words typed, lam-alef,
shadda and tashkeel included. Noto Sans Arabic loses more words even with them.
"""

from functools import cache
from pathlib import Path

import fontpkg

# (CSS family, fontpkg family, weight, style): Noto Sans first in the stack, Amiri for Arabic script.
_FACES = (
    ("Report Latin", "Noto Sans", 400, "normal"),
    ("Report Latin", "Noto Sans", 700, "normal"),
    ("Report Arabic", "Amiri", 400, "normal"),
    ("Report Arabic", "Amiri", 700, "normal"),
)
FONT_STACK = '"Report Latin", "Report Arabic"'


@cache
def font_files() -> tuple[Path, ...]:
    """The resolved paths of the bundled font files: the only files the PDF fetcher serves besides static files."""
    return tuple(sorted({_path(family, weight, style) for _css, family, weight, style in _FACES}))


def _path(family: str, weight: int, style: str) -> Path:
    return Path(fontpkg.path(family, weight=weight, style=style)).resolve()


def font_face_css() -> str:
    rules = []
    for css_family, family, weight, style in _FACES:
        url = _path(family, weight, style).as_uri()
        rules.append(f'@font-face {{ font-family: "{css_family}"; src: url("{url}"); '
                     f"font-weight: {weight}; font-style: {style}; }}")
    return "\n".join(rules)
