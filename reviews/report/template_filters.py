"""Filters for the report templates only (loaded as builtins of the report's own template engine).

WeasyPrint 70 does not resolve `dir="auto"`: such a block inherits the edition's direction, so an
English entity name in the Arabic edition would be laid out right to left. The direction of every
block of user text is therefore decided here, from its first strong character, as `dir="auto"` would.
"""

import unicodedata

from django import template

register = template.Library()


@register.filter
def text_dir(text) -> str:
    """"rtl" or "ltr" from the first letter with a direction; "auto" for text without one (digits only)."""
    for character in str(text or ""):
        kind = unicodedata.bidirectional(character)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return "auto"


@register.filter
def css_string(text) -> str:
    """Text for the inside of a double-quoted CSS string (a caption label in `content`): backslashes,
    quotes and line ends escaped, so a translation can never close the string or the rule."""
    escaped = []
    for character in str(text or ""):
        if character in '\\"<>' or ord(character) < 0x20 or character == "\x7f":
            escaped.append(f"\\{ord(character):x} ")
        else:
            escaped.append(character)
    return "".join(escaped)
