"""One numeral system per edition: the Arabic edition's digits, Arabic-Indic (٠١٢٣) or Western (0123), chosen
by the REPORT_ARABIC_DIGITS setting; the English edition always uses Western digits.

Page numbers, contents and caption numbers come from CSS counters (their style is `counter_style`); every
other digit is text of the rendered HTML, converted here, once, on the whole document (build.py): only in
text nodes of the Arabic edition whose language (every `lang` around them) is Arabic, never in markup,
attributes, the style sheet, character references or addresses (a URL or an e-mail keeps its digits). An
English passage quoted in the Arabic edition carries lang="en" and keeps its own digits; an Arabic passage
quoted in the English edition keeps Western digits like the rest of that edition.
"""

import re

from django.conf import settings

ARABIC_INDIC = "arabic-indic"
WESTERN = "western"

_TO_ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
# Markup (the style sheet and scripts whole, comments, tags) or text between them.
_MARKUP = re.compile(r"(<style\b.*?</style\s*>|<script\b.*?</script\s*>|<!--.*?-->|<[^>]*>)", re.S | re.I)
_TAG = re.compile(r"<\s*(/?)\s*([a-zA-Z][\w:-]*)([^>]*?)(/?)\s*>", re.S)
_LANG = re.compile(r"""(?:^|\s)lang\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
# What keeps its digits inside text: character references, addresses; then the digits to convert (with a
# following percent sign, which becomes the Arabic percent sign).
_TEXT = re.compile(r"(&#?\w+;|\b(?:https?|ftp|file|mailto):\S*|\bwww\.\S*|[\w.+-]+@[\w-]+\.[\w.-]+)|([0-9]+%?)")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def arabic_digits() -> str:
    """The Arabic edition's numeral system: the setting, "arabic-indic" or "western"."""
    return settings.REPORT_ARABIC_DIGITS


def counter_style(language: str) -> str:
    """The CSS counter style of an edition's page, contents and caption numbers."""
    return "arabic-indic" if language == "ar" and arabic_digits() == ARABIC_INDIC else "decimal"


def _is_arabic(lang: str) -> bool:
    return lang.split("-")[0].lower() == "ar"


def _converted(text: str) -> str:
    def replace(match: re.Match) -> str:
        if match.group(1):
            return match.group(1)
        digits = match.group(2)
        if digits.endswith("%"):
            return digits[:-1].translate(_TO_ARABIC_INDIC) + "\u066a"
        return digits.translate(_TO_ARABIC_INDIC)

    return _TEXT.sub(replace, text)


def html_with_edition_digits(html: str, *, language: str) -> str:
    """The document's HTML with the digits of its Arabic text nodes in the Arabic edition's numeral system;
    `language` is the document's (the <html lang>) for text outside any element with its own `lang`."""
    if arabic_digits() != ARABIC_INDIC:
        return html
    stack: list[tuple[str, bool]] = [("", _is_arabic(language))]  # (element, within Arabic only)
    out = []
    for index, part in enumerate(_MARKUP.split(html)):
        if index % 2:  # markup
            out.append(part)
            tag = _TAG.fullmatch(part.strip())
            if not tag:
                continue
            closing, name, attributes, self_closing = tag.group(1), tag.group(2).lower(), tag.group(3), tag.group(4)
            if closing:
                for depth in range(len(stack) - 1, 0, -1):  # closes up to the matching element
                    if stack[depth][0] == name:
                        del stack[depth:]
                        break
            elif not self_closing and name not in _VOID:
                lang = _LANG.search(attributes)
                own = next(value for value in lang.groups() if value is not None) if lang else None
                # Arabic text of the Arabic edition only: an Arabic passage quoted in the English edition
                # (an ancestor in another language) keeps Western digits, as all of that edition does.
                stack.append((name, stack[-1][1] and (own is None or _is_arabic(own))))
        elif part and stack[-1][1] and any(c.isdigit() for c in part):
            out.append(_converted(part))
        else:
            out.append(part)
    return "".join(out)


def text_with_edition_digits(text: str, *, language: str) -> str:
    """A plain text of the edition (no markup) in its numeral system: the Word edition's counterpart of
    html_with_edition_digits, for text in the edition's own language (an English passage quoted in the
    Arabic edition keeps its digits: do not pass it here)."""
    if language != "ar" or arabic_digits() != ARABIC_INDIC or not any(c.isdigit() for c in text):
        return text
    return _converted(text)
