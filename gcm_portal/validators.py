"""Text that the portal refuses or tidies, wherever it comes from: forms, requests, uploads.

Country teams paste answers from word processors and PDFs; what they paste can hold characters that a
database refuses (PostgreSQL stores no NUL), that are not Unicode at all (a lone surrogate, which no UTF-8
encoder writes), or that were not valid UTF-8 on the way in (Django decodes those bytes as U+FFFD, so the
text would be silently damaged). Those are refused with a message, never stored and never a server error.

Bidirectional control characters are legitimate inside Arabic text, but in a file name or a web address
they can make "cod.exe" read as "exe.doc" or hide a link's real host: there they are removed or refused.
"""

import re
from urllib.parse import urlsplit

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Embeddings and overrides (U+202A-U+202E), isolates (U+2066-U+2069), the LTR/RTL marks (U+200E, U+200F)
# and the Arabic letter mark (U+061C).
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
_BIDI_RE = re.compile("[" + "".join(sorted(BIDI_CONTROLS)) + "]")
_SURROGATE_RE = re.compile("[\ud800-\udfff]")

UNREADABLE_TEXT = _("This text contains characters that cannot be stored (a null character or text that is "
                    "not valid Unicode). Remove them, or paste the text again as plain text.")
BIDI_IN_LINK = _("Web addresses cannot contain direction control characters: type the address again.")


def has_unreadable_characters(value: str) -> bool:
    """A NUL, a lone surrogate, or U+FFFD (what Django makes of bytes that were not UTF-8)."""
    return "\x00" in value or "\ufffd" in value or bool(_SURROGATE_RE.search(value))


def validate_readable_text(value) -> None:
    if isinstance(value, str) and has_unreadable_characters(value):
        raise ValidationError(UNREADABLE_TEXT, code="unreadable")


def has_bidi_controls(value: str) -> bool:
    return bool(_BIDI_RE.search(value))


def strip_bidi_controls(value: str) -> str:
    return _BIDI_RE.sub("", value)


def validate_no_bidi_controls(value) -> None:
    """For web addresses: a direction control could show one host and lead to another."""
    if isinstance(value, str) and has_bidi_controls(value):
        raise ValidationError(BIDI_IN_LINK, code="bidi")


def isolate(value: str) -> str:
    """Plain text (an e-mail, a PDF label) showing a name inside a sentence of the other direction:
    first strong isolate ... pop directional isolate, so the name cannot reorder the sentence around it."""
    return f"\u2068{strip_bidi_controls(value)}\u2069"


def link_host(url: str) -> str:
    """The host a link really leads to, as shown beside it: IDNA (punycode) for a non-ASCII host, so
    look-alike letters from another script cannot pass for a known address."""
    host = urlsplit(strip_bidi_controls(url)).hostname or ""
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:
        return host


class SafeInputFormMixin:
    """Every text field of the form refuses unreadable characters; every web address refuses direction
    controls; every choice of a row by its id refuses a number no database column holds. Length limits
    stay on each field (`max_length`, the model's own for a model form)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.CharField):
                field.validators.append(validate_readable_text)
            if isinstance(field, forms.URLField):
                field.validators.append(validate_no_bidi_controls)
            if isinstance(field, forms.ModelChoiceField) and field.to_field_name is None:
                field.clean = _refusing_huge_ids(field)


BIGINT_MAX = 2**63 - 1


def _refusing_huge_ids(field):
    """The field's clean(), after refusing ids beyond a 64-bit integer: Django asks the database with them
    and SQLite or PostgreSQL fail with an overflow (a 500) instead of "not a valid choice"."""
    clean = field.clean

    def clean_refusing_huge_ids(value):
        values = value if isinstance(value, (list, tuple)) else [value]
        for item in values:
            text = str(item).strip()
            if text.isascii() and text.isdigit() and int(text) > BIGINT_MAX:  # "²".isdigit(), but int("²") fails
                if isinstance(field, forms.ModelMultipleChoiceField):
                    raise ValidationError(field.error_messages["invalid_pk_value"], code="invalid_pk_value",
                                          params={"pk": text})
                raise ValidationError(field.error_messages["invalid_choice"], code="invalid_choice",
                                      params={"value": text})
        return clean(value)

    return clean_refusing_huge_ids
