"""What WeasyPrint 70's PDF tags leave out, added to its structure elements (PDF/UA-1, `pdf_variant="pdf/ua-1"`).

WeasyPrint tags headings, paragraphs, lists, tables (header cells linked to their cells) and <img>/<svg>
figures, and writes the document's language (/Lang of the catalogue, from <html lang>). Two things the
report needs are missing:

- /Lang on a structure element whose HTML element has its own `lang` (an English passage in the Arabic
  edition, the other edition in the bilingual file): screen readers then switch voice;
- a chart drawn in HTML and CSS (a bar chart is a table of rows and bars) marked `role="img"` with an
  `aria-label` becomes a /Figure whose /Alt is that label, as an <img alt> would.

`_build_box_tree` is WeasyPrint's recursive builder of the structure tree (it calls itself through the
module's global name), so wrapping the module's function reaches every element.
"""

import pydyf
from weasyprint.formatting_structure import boxes
from weasyprint.pdf import tags as weasyprint_tags


def _attributes(box, element) -> None:
    html = box.element
    # Not the root, body or page boxes (their children come through them), nor a pseudo-element (its host's).
    if (html is None or box.element_tag in (None, "html", "body") or "::" in box.element_tag
            or isinstance(box, boxes.PageBox)):
        return
    lang = html.get("lang")
    if lang and "Lang" not in element:
        element["Lang"] = pydyf.String(lang)
    label = html.get("aria-label")
    if html.get("role") == "img" and label and element["S"] != "/Figure":
        element["S"] = "/Figure"
        element["Alt"] = pydyf.String(label)


def install_structure_attributes() -> None:
    """Adds /Lang and chart /Alt to WeasyPrint's structure elements; idempotent."""
    if getattr(weasyprint_tags, "_report_structure_attributes", False):
        return
    original = weasyprint_tags._build_box_tree

    def build_box_tree(box, parent, *args, **kwargs):
        for element in original(box, parent, *args, **kwargs):
            # The element made for this box (not one of its children yielded through an html/body/page box).
            if element.get("P") == parent.reference:
                _attributes(box, element)
            yield element

    weasyprint_tags._build_box_tree = build_box_tree
    weasyprint_tags._report_structure_attributes = True
