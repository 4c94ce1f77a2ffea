"""A table row typed into a Word file, as the data of the row's form: the choices matched by their label in
either language, the dates and numbers as a form reads them, and the signature that tells an added row from
one the review already holds."""

import datetime
import re
from decimal import Decimal

from django.db.models import Model

from reviews.models import PracticeType, SuggestedIndicator
from reviews.word.layout import TABLE_LAYOUTS, labels_in_both, normalise


def typed_form_data(kind: str, found: dict[str, str], *, prefix: str) -> dict:
    layout = TABLE_LAYOUTS[kind]
    data = {f"{prefix}-version": "0"}
    for name in layout.columns:
        typed = found.get(name, "").strip()
        model_field = layout.model._meta.get_field(name)
        value = typed
        if model_field.choices:
            value = _choice(typed, model_field.choices)
        elif name == "kind":
            value = _lookup(typed, {str(t.pk): {t.code, t.name_ar, t.name_en} for t in PracticeType.objects.all()})
        elif name == "suggested":
            value = _lookup(typed, {str(s.pk): {s.code} for s in SuggestedIndicator.objects.all()})
        elif name == "held_on":
            value = _date(typed)
        elif model_field.get_internal_type() in ("DecimalField", "PositiveSmallIntegerField", "PositiveIntegerField"):
            value = normalise(typed).replace(" ", "").replace(",", "")
        elif name == "link":
            value = normalise(typed) and re.sub(r"[\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]", "", typed)
        data[f"{prefix}-{name}"] = value
    return data


def _choice(typed: str, choices) -> str:
    wanted = normalise(typed)
    for value, label in choices:
        if wanted in labels_in_both(label) | {normalise(str(value))}:
            return value
    return typed  # the form refuses it, and says which choices there are


def _lookup(typed: str, options: dict[str, set[str]]) -> str:
    wanted = normalise(typed)
    if not wanted:
        return ""
    for pk, names in options.items():
        if wanted in {normalise(name or "") for name in names}:
            return pk
    return "-1"  # no such choice: the form says so


def _date(typed: str) -> str:
    text = normalise(typed)
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y/%m/%d"):
        try:
            return datetime.datetime.strptime(text, pattern).date().isoformat()
        except ValueError:
            continue
    return typed


def _plain(value) -> str:
    if isinstance(value, Model):
        return str(value.pk)
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return normalise("" if value is None else str(value))


def row_signature(row, columns) -> tuple:
    return tuple(_plain(getattr(row, name)) for name in columns)


def data_signature(data: dict, columns) -> tuple:
    return tuple(_plain(data.get(name)) for name in columns)
