"""Small helpers for reading a request and answering it, shared by the views.

A view module imports from here, never from another view module.
"""

import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.urls import reverse
from django.utils import formats, timezone

from reviews.forms.fields import INTEGER_MAX, SMALL_MAX
from reviews.models.content import BilingualText, TrackedRow
from reviews.services.errors import EditConflict


def uuid_or_none(value) -> uuid.UUID | None:
    """A posted id that is not a UUID finds nothing (404), rather than failing the lookup (500)."""
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


# What reversed_for_each() reverses in place of the last argument: a number or a UUID the route never has.
STAND_INS = {int: 0, uuid.UUID: uuid.UUID(int=0)}


def reversed_for_each(name: str, args: list, values) -> dict:
    """`reverse(name, args=[*args, value])` for each of `values` (numbers, or UUIDs), reversed once: the route's
    last argument is put where a stand-in stood. A workspace page links every part and reported objective and
    the dashboard every country's review: a reverse() for each was about 2 ms of every such page."""
    values = list(values)
    if not values:
        return {}
    stand_in = STAND_INS[type(values[0])]
    head, found, tail = reverse(name, args=[*args, stand_in]).rpartition(f"/{stand_in}/")
    if not found:
        raise ValueError(f"{name} does not show its last argument in the URL")
    return {value: f"{head}/{value}/{tail}" for value in values}


def shown_filters(query, names) -> dict[str, str]:
    """The filters a list's form shows as chosen, every one of `names` present ("" when not chosen): a template
    that compares an option with a name the query string lacks makes Django's template engine look it up
    three ways and call dir() on the QueryDict, once per option of every list."""
    return {name: query.get(name, "") for name in names}


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


# --- autosave (static/js/autosave.js): one contract for answers, the synthesis, objective details and
# translations. 200 with the new version, 409 with what is stored now, 400 with the form's errors. ---


def wants_json(request) -> bool:
    """The autosave script asks for JSON; the same endpoint still answers a plain form post
    (no script) with a redirect and a message."""
    return request.headers.get("X-Requested-With") == "fetch"


def autosave_saved(row, *, version_field: str = "version") -> JsonResponse:
    """200: the row was saved; the editor keeps the new version for its next save. A row that does
    not record its changes (the review's plan) was saved just now."""
    tracked = isinstance(row, TrackedRow)
    return JsonResponse({
        "ok": True, "version": getattr(row, version_field),
        "original_language": getattr(row, "original_language", ""),
        "updated_by": str(row.updated_by or "") if tracked else "",
        "updated_at": short_datetime(row.updated_at if tracked else timezone.now()),
    })


def autosave_conflict(conflict: EditConflict, *, stored_values: dict | None = None,
                      version_field: str = "version") -> JsonResponse:
    """409: somebody saved in between; what is stored now goes back so the editor can merge, not
    overwrite: the two texts of a bilingual row, and `stored_values` (field name: value or list of
    values, as the form posts them) for a form of fields."""
    stored = conflict.current
    payload = {
        "ok": False, "conflict": True, "message": conflict.message, "version": getattr(stored, version_field),
        "updated_by": str(stored.updated_by or "") if isinstance(stored, TrackedRow) else "",
        "updated_at": short_datetime(stored.updated_at) if isinstance(stored, TrackedRow) else "",
    }
    if isinstance(stored, BilingualText):
        payload.update(text_ar=stored.text_ar, text_en=stored.text_en)
    if stored_values is not None:
        payload["stored"] = stored_values
    return JsonResponse(payload, status=409)


def form_values(form) -> dict:
    """A form's values as it would post them (unbound: from its instance), keyed by posted name:
    what an autosave conflict sends back so the script can show or restore the stored state."""
    values = {}
    for field in form:
        value = field.value()
        if isinstance(value, (list, tuple)):
            values[field.html_name] = [str(getattr(item, "pk", item)) for item in value]
        elif isinstance(value, bool):
            values[field.html_name] = value
        else:
            values[field.html_name] = "" if value is None else str(getattr(value, "pk", value))
    return values


def autosave_invalid(form) -> JsonResponse:
    """400: the form refused the input (a text too long, unreadable characters), field by field."""
    return JsonResponse({"ok": False, "errors": {name: [str(error) for error in errors]
                                                 for name, errors in form.errors.items()}}, status=400)
