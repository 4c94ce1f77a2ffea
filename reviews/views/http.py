"""Small helpers for reading a request and answering it, shared by the views.

A view module imports from here, never from another view module.
"""

import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.utils import formats, timezone

from reviews.forms.fields import INTEGER_MAX, SMALL_MAX
from reviews.models.content import BilingualText
from reviews.services.errors import EditConflict


def uuid_or_none(value) -> uuid.UUID | None:
    """A posted id that is not a UUID finds nothing (404), rather than failing the lookup (500)."""
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


def query_int(data, name: str, *, min_value: int = 0, max_value: int = SMALL_MAX) -> int | None:
    """A number from a query string or a form, read as a form's IntegerField reads it, or None when it is
    missing, unreadable ("²", "1e3") or out of the range of the column it is looked up in. The caller
    decides what None means: a filter ignored, a row not found, a version that has changed meanwhile."""
    field = forms.IntegerField(min_value=min_value, max_value=max_value, required=False)
    try:
        return field.clean(data.get(name))
    except ValidationError:
        return None


def posted_version(data) -> int:
    """The version of a row the form was loaded with; a missing or tampered one reads as 0, which no saved
    row has, so the save ends in a clear "changed meanwhile" instead of a server error."""
    return query_int(data, "version", max_value=INTEGER_MAX) or 0


def short_datetime(moment) -> str:
    """A moment as a JSON answer shows it: local time, short format, "" when there is none."""
    return formats.date_format(timezone.localtime(moment), "SHORT_DATETIME_FORMAT") if moment else ""


# --- the autosave of a bilingual text (static/js/autosave.js): one contract for answers and the synthesis ---


def autosave_saved(row: BilingualText) -> JsonResponse:
    """200: the text was saved; the editor keeps the new version for its next save."""
    return JsonResponse({
        "ok": True, "version": row.version, "original_language": row.original_language,
        "updated_by": str(row.updated_by or ""), "updated_at": short_datetime(row.updated_at),
    })


def autosave_conflict(conflict: EditConflict) -> JsonResponse:
    """409: somebody saved in between; the texts stored now go back so the editor can merge, not overwrite."""
    stored = conflict.current
    return JsonResponse({
        "ok": False, "conflict": True, "message": conflict.message, "version": stored.version,
        "text_ar": stored.text_ar, "text_en": stored.text_en,
        "updated_by": str(stored.updated_by or ""), "updated_at": short_datetime(stored.updated_at),
    }, status=409)


def autosave_invalid(form) -> JsonResponse:
    """400: the form refused the input (a text too long, unreadable characters), field by field."""
    return JsonResponse({"ok": False, "errors": {name: [str(error) for error in errors]
                                                 for name, errors in form.errors.items()}}, status=400)
