"""Small helpers for reading a request and answering it, shared by the views.

A view module imports from here, never from another view module.
"""

import uuid

from django.utils import formats, timezone


def uuid_or_none(value) -> uuid.UUID | None:
    """A posted id that is not a UUID finds nothing (404), rather than failing the lookup (500)."""
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


def posted_int(data, name: str) -> int:
    """A number sent by a form; a missing or tampered value reads as 0, which no row matches,
    so the request ends in a clear "not found" or "changed meanwhile" instead of a server error."""
    value = data.get(name) or "0"
    try:
        return int(value) if value.isdigit() else 0
    except ValueError:  # "²" is a digit to isdigit(), not to int()
        return 0


def short_datetime(moment) -> str:
    """A moment as a JSON answer shows it: local time, short format, "" when there is none."""
    return formats.date_format(timezone.localtime(moment), "SHORT_DATETIME_FORMAT") if moment else ""
