"""The audit trail and the comparison of versions as their readers read them: each change's place (the
question's code and title, linked to its page), the field's label, and choice values and yes/no in the
reader's language.

The trail stores what the services wrote: field names (`text_ar`), raw choice values (`under_way`),
`True`/`False`, and anchors (`answer:3.c:o23`). Those stay as stored, so an old row keeps meaning what it
meant; this module only dresses them for a page, in the active language."""

import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from reviews.models import Answer, ChangeLog, GuidingPrompt, Objective, Review, ReviewObjective
from reviews.selectors.versions import FieldChange
from reviews.tables import TABLES

OBJECTIVES_PART = 3
PLAN_PART = 2


@dataclass(frozen=True)
class Place:
    code: str  # "3.c", "3.c · 23", "23": codes and numbers, always shown left to right
    title: str
    link: str


@dataclass(frozen=True)
class ChangeLine:
    change: ChangeLog | FieldChange
    place: Place
    field: str
    before: str
    after: str


def change_lines(changes: Iterable[ChangeLog], *, review: Review) -> list[ChangeLine]:
    """One readable line per change. Two queries whatever the number of changes: the cycle's prompts
    and the objectives (rows of per-objective tables add one query per kind of table on the page)."""
    changes = list(changes)
    prompts = {prompt.code: prompt for prompt in GuidingPrompt.objects.filter(part__cycle_id=review.cycle_id)
               .select_related("part")}
    objectives = {objective.number: objective for objective in Objective.objects.all()}
    row_objectives = _row_objective_numbers(changes)
    lines = []
    for change in changes:
        model = _model_of(change.anchor)
        lines.append(ChangeLine(
            change=change,
            place=_place(change.anchor, review=review, prompts=prompts, objectives=objectives,
                         row_objectives=row_objectives),
            field=_field_label(model, change.field),
            before=_value_label(model, change.field, change.before),
            after=_value_label(model, change.field, change.after),
        ))
    return lines


# A version's snapshot names some fields by what they hold, not by the model's field name.
_SNAPSHOT_FIELDS = {"plan": {"status": "plan_status", "detail": "plan_detail"}, "consultation": {"date": "held_on"},
                    "indicator": {"code": "suggested"}, "plannedaction": {"part": "part_number"}}


def version_lines(changes: Iterable[FieldChange], *, review: Review) -> list[ChangeLine]:
    """The changes between two versions read like the audit trail's: the place named and linked, the field's
    label, choice values, yes/no and coded items (principles, partners, kinds) in the reader's language.
    A few queries whatever the number of changes: the prompts, the objectives, one per kind of coded item."""
    changes = list(changes)
    prompts = {prompt.code: prompt for prompt in GuidingPrompt.objects.filter(part__cycle_id=review.cycle_id)
               .select_related("part")}
    objectives = {objective.number: objective for objective in Objective.objects.all()}
    row_objectives = {change.anchor.rpartition(":")[2]: change.objective for change in changes if change.objective}
    codes = _CodeLabels()
    lines = []
    for change in changes:
        model = _model_of(change.anchor)
        kind = "plan" if change.anchor == "plan" else model._meta.model_name if model is not None else ""
        name = _SNAPSHOT_FIELDS.get(kind, {}).get(change.field, change.field)
        lines.append(ChangeLine(
            change=change,
            place=_place(change.anchor, review=review, prompts=prompts, objectives=objectives,
                         row_objectives=row_objectives),
            field=_field_label(model, name),
            before=codes.label(_field(model, name), _value_label(model, name, change.before)),
            after=codes.label(_field(model, name), _value_label(model, name, change.after)),
        ))
    return lines


class _CodeLabels:
    """A related item stored by its code (a principle, a partner, a practice's kind) as the reader reads
    it: one query per related model, the first time it is needed."""

    def __init__(self):
        self._labels: dict[type[models.Model], dict[str, str]] = {}

    def label(self, field: models.Field | None, value: str) -> str:
        related = getattr(field, "related_model", None)
        if not value or related is None or not any(f.name == "code" for f in related._meta.get_fields()):
            return value
        if related not in self._labels:
            self._labels[related] = {str(item.code): str(item) for item in related.objects.all()}
        labels = self._labels[related]
        return "; ".join(labels.get(code, code) for code in value.split(", "))


def _place(anchor: str, *, review: Review, prompts: dict, objectives: dict, row_objectives: dict) -> Place:
    kind, _separator, rest = anchor.partition(":")
    if kind == "answer":
        code, _separator, suffix = rest.partition(":o")
        prompt = prompts.get(code)
        if prompt is None:
            return Place(code=rest, title="", link="")
        if suffix.isdigit() and int(suffix) in objectives:
            link = reverse("reviews:objective", args=[review.uid, int(suffix)])
            return Place(code=f"{code} · {suffix}", title=prompt.text, link=f"{link}#prompt-{code}")
        link = reverse("reviews:part", args=[review.uid, prompt.part.number])
        return Place(code=code, title=prompt.text, link=f"{link}#prompt-{code}")
    if kind == "objective" and rest.isdigit() and int(rest) in objectives:
        return Place(code=rest, title=objectives[int(rest)].title,
                     link=reverse("reviews:objective", args=[review.uid, int(rest)]))
    if kind == "plan":
        return Place(code="", title=str(capfirst(Review._meta.get_field("plan_status").verbose_name)),
                     link=reverse("reviews:part", args=[review.uid, PLAN_PART]))
    if kind == "row":
        model_name, _separator, row_uid = rest.partition(":")
        table = next((table for table in TABLES.values() if table.model._meta.model_name == model_name), None)
        if table is None:
            return Place(code="", title=anchor, link="")
        title = str(capfirst(table.model._meta.verbose_name))
        if table.per_objective:
            number = row_objectives.get(row_uid)
            if number is None:  # a deleted row: its objective is no longer known
                return Place(code="", title=title, link="")
            link = reverse("reviews:objective", args=[review.uid, number])
            return Place(code=str(number), title=title, link=f"{link}#table-{table.kind}")
        link = reverse("reviews:part", args=[review.uid, table.part_number])
        return Place(code="", title=title, link=f"{link}#table-{table.kind}")
    return Place(code="", title=anchor, link="")


def _model_of(anchor: str) -> type[models.Model] | None:
    kind, _separator, rest = anchor.partition(":")
    if kind == "answer":
        return Answer
    if kind == "objective":
        return ReviewObjective
    if kind == "plan":
        return Review
    if kind == "row":
        model_name = rest.partition(":")[0]
        return next((table.model for table in TABLES.values() if table.model._meta.model_name == model_name),
                    None)
    return None


def _row_objective_numbers(changes: list[ChangeLog]) -> dict[str, int]:
    """The objective of each still existing row of a per-objective table, by the row's uid."""
    uids_by_model: dict[type[models.Model], set] = {}
    for change in changes:
        kind, _separator, rest = change.anchor.partition(":")
        model_name, _separator, row_uid = rest.partition(":")
        for table in TABLES.values():
            if kind == "row" and table.per_objective and table.model._meta.model_name == model_name:
                try:
                    uids_by_model.setdefault(table.model, set()).add(uuid.UUID(row_uid))
                except ValueError:
                    pass
    numbers = {}
    for model, uids in uids_by_model.items():
        rows = model.objects.filter(uid__in=uids).values_list("uid", "review_objective__objective__number")
        numbers.update({str(uid): number for uid, number in rows})
    return numbers


def _field(model, name: str) -> models.Field | None:
    if model is None:
        return None
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def _field_label(model, name: str) -> str:
    field = _field(model, name)
    return str(capfirst(field.verbose_name)) if field is not None and hasattr(field, "verbose_name") else name


def _value_label(model, name: str, value: str) -> str:
    """A choice's label and yes/no in the reader's language; any other value as it was written."""
    field = _field(model, name)
    if field is None or value == "":
        return value
    if isinstance(field, models.BooleanField):
        return {"True": _("Yes"), "False": _("No")}.get(value, value)
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    return value
