"""A filled template's import plan: what the file holds and what importing it would do, item by item.

The preview shows the plan; import_writes.py then writes it, each item through the same service as typing
(answers.py, rows.py, objectives.py: versions, audit trail, conflict check). An empty answer is filled, a
different one is replaced only when the user ticks it; a row already in the review is not added twice.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from reviews import forms, rules
from reviews.models import Answer, GuidingPrompt, Objective, Review, ReviewObjective
from reviews.selectors.workspace import cycle_template_parts
from reviews.services.answers import answer_anchor
from reviews.services.errors import DomainError, NotAllowed
from reviews.tables import TABLES
from reviews.word.layout import NO, TABLE_LAYOUTS, YES, column_heading, labels_in_both, listed, normalise, text_language
from reviews.word.reader import PromptInfo, ReadTemplate, read_template
from reviews.word.typed import data_signature, row_signature, typed_form_data

FILL, REPLACE, SAME, BLOCKED, ADD, REPORT = "fill", "replace", "same", "blocked", "add", "report"


@dataclass
class RowPlan:
    cells: list[tuple[str, str]]  # (column heading, text as found)
    data: dict = field(default_factory=dict)  # the form's cleaned data, for row_save
    errors: list[str] = field(default_factory=list)
    duplicate: bool = False


@dataclass
class Item:
    """One thing found in the file and what will happen to it."""

    key: str  # stable: the answer's anchor, "stage:o5", "priority:o5", "report:o5", "rows:entities[:o5]"
    kind: str  # "answer", "stage", "priority", "report" or "rows"
    label: str
    part_number: int
    objective: int | None = None
    found: str = ""
    found_language: str = ""
    current: str = ""
    action: str = SAME
    reason: str = ""
    rows: list[RowPlan] = field(default_factory=list)
    value: object = None  # what will be written: a stage code, a priority flag
    outcome: str = ""  # after the import: what happened
    refused: bool = False

    @property
    def rows_to_add(self) -> int:
        return sum(1 for row in self.rows if not row.errors and not row.duplicate)


@dataclass
class ImportPlan:
    items: list[Item]
    unrecognised: list[str]

    @property
    def changes(self) -> int:
        return sum(1 for item in self.items if item.action in (FILL, REPLACE, REPORT) or item.rows_to_add)


def import_check_allowed(*, review: Review, user) -> None:
    """Importing is editing: only into a review open to the country, by its team (the focal point, or a
    contributor for what is assigned to them)."""
    if not rules.is_country_team_of(user, review):
        raise NotAllowed(_("Only the country team imports a Word file into its review."))
    if review.status not in (Review.Status.DRAFT, Review.Status.REVISION_REQUESTED):
        raise DomainError(_("This review has been submitted (“%(status)s”): a Word file cannot be imported into "
                            "it. Nothing was imported.") % {"status": review.get_status_display()})
    if not review.cycle.is_open:
        raise DomainError(_("This review cycle is closed: a Word file cannot be imported. Nothing was imported."))
    if not rules.can_import_word(user, review):
        raise NotAllowed(_("You have no part or objective of this review assigned to you: nothing can be imported."))


def prompt_infos(cycle_id: int) -> tuple[list[PromptInfo], dict[int, set[str]], dict[str, GuidingPrompt]]:
    infos, titles, by_code = [], {}, {}
    for part in cycle_template_parts(cycle_id):
        titles[part.number] = {normalise(part.title_ar), normalise(part.title_en)}
        for prompt in part.prompts.all():
            by_code[prompt.code] = prompt
            infos.append(PromptInfo(code=prompt.code, part=part.number,
                                    per_objective=prompt.scope == GuidingPrompt.Scope.OBJECTIVE,
                                    texts=frozenset({normalise(prompt.text_ar), normalise(prompt.text_en)})))
    return infos, titles, by_code


def import_plan(*, review: Review, user, content: bytes, seen: dict | None = None) -> ImportPlan:
    """What the file holds and what importing it would do, for `user`; `content` passed checks.docx_check."""
    import_check_allowed(review=review, user=user)
    infos, titles, prompts = prompt_infos(review.cycle_id)
    read = read_template(content, prompts=infos, part_titles=titles)
    context = _Context(review, user)
    items = [*_report_items(context, read), *_detail_items(context, read), *_answer_items(context, read, prompts),
             *_row_items(context, read)]
    return ImportPlan(items=items, unrecognised=read.unrecognised)


class _Context:
    def __init__(self, review: Review, user):
        self.review, self.user = review, user
        self.is_focal_point = rules.is_focal_point_of(user, review)
        self.assignments = rules.contributor_assignments(user, review)
        self.objectives = {objective.number: objective for objective in Objective.objects.all()}
        self.rows = {row.objective.number: row
                     for row in ReviewObjective.objects.filter(review=review).select_related("objective")}

    def reported(self, number: int) -> bool:
        row = self.rows.get(number)
        return row is not None and row.is_reported

    def can_edit(self, part_number: int, objective: int | None = None) -> bool:
        objective_id = self.objectives[objective].pk if objective else None
        return rules.can_edit_section(self.user, self.review, part_number=part_number, objective_id=objective_id,
                                      assignments=self.assignments)

    def objective_block(self, number: int) -> str:
        """Why an objective's content cannot be imported by this user, or ""."""
        if not self.reported(number) and not self.is_focal_point:
            return _("Objective %(number)s is not among the objectives this review reports: the focal point "
                     "adds it first.") % {"number": number}
        if not self.can_edit(3, number):
            return _("You cannot edit this objective.")
        return ""


def _objective_label(number: int) -> str:
    return _("Objective %(number)s") % {"number": number}


def _report_items(context: _Context, read: ReadTemplate) -> list[Item]:
    items = []
    for number in sorted(read.objectives):
        if context.reported(number):
            continue
        item = Item(key=f"report:o{number}", kind="report", part_number=3, objective=number,
                    label=f"{_objective_label(number)}: {context.objectives[number].title}", action=REPORT)
        if not context.is_focal_point:
            item.action, item.reason = BLOCKED, context.objective_block(number)
        items.append(item)
    return items


def _detail_items(context: _Context, read: ReadTemplate) -> list[Item]:
    stages = {}
    for value, label in ReviewObjective.Stage.choices:
        for text in labels_in_both(label) | {value, value.replace("_", " ")}:
            stages[text] = value
    yes = labels_in_both(YES) | {"yes", "نعم", "x", "✓", "✔", "true"}
    no = labels_in_both(NO) | {"no", "لا", "false", "-"}
    items = []
    for number in sorted(set(read.stages) | set(read.priorities)):
        row = context.rows.get(number)
        block = context.objective_block(number)
        if number in read.stages:
            typed = read.stages[number]
            item = Item(key=f"stage:o{number}", kind="stage", part_number=3, objective=number, found=typed,
                        label=f"{_objective_label(number)}: {ReviewObjective._meta.get_field('stage').verbose_name}",
                        current=row.get_stage_display() if row and row.stage else "")
            value = stages.get(normalise(typed))
            item.value = value
            if value is not None:  # as the portal names it, whatever the case or language typed
                item.found = str(ReviewObjective.Stage(value).label)
            if value is None:
                item.action, item.reason = BLOCKED, _("Not one of the stages: %(stages)s.") % {
                    "stages": listed(label for _value, label in ReviewObjective.Stage.choices)}
            elif block:
                item.action, item.reason = BLOCKED, block
            else:
                item.action = _compare(row.stage if row else "", value)
            items.append(item)
        if number in read.priorities:
            typed = normalise(read.priorities[number])
            value = True if typed in yes else False if typed in no else None
            current = bool(row and row.is_reported and row.is_priority)
            item = Item(key=f"priority:o{number}", kind="priority", part_number=3, objective=number,
                        found=read.priorities[number], value=value,
                        label=f"{_objective_label(number)}: {ReviewObjective._meta.get_field('is_priority').verbose_name}",
                        current=str(YES if current else NO) if row else "")
            if value is None:
                item.action, item.reason = BLOCKED, _("Write %(yes)s or %(no)s.") % {"yes": YES, "no": NO}
            elif not context.is_focal_point:
                item.action, item.reason = BLOCKED, _("Only the focal point chooses the national priorities.")
            elif value == current:
                item.action = SAME
            else:
                item.action = FILL if not current else REPLACE
            items.append(item)
    return items


def _compare(current: str, new: str) -> str:
    if not current.strip():
        return FILL
    return SAME if current.strip() == new.strip() else REPLACE


def _answer_items(context: _Context, read: ReadTemplate, prompts: dict[str, GuidingPrompt]) -> list[Item]:
    stored = {(answer.prompt_id, answer.objective.number if answer.objective_id else None): answer
              for answer in Answer.objects.filter(review=context.review).select_related("objective")}
    items = []
    order = {code: index for index, code in enumerate(prompts)}
    for (code, objective), text in sorted(read.answers.items(), key=lambda entry: (entry[0][1] or 0,
                                                                                   order[entry[0][0]])):
        prompt = prompts[code]
        language = text_language(text)
        answer = stored.get((prompt.pk, objective))
        current = (answer.text_ar if language == "ar" else answer.text_en) if answer else ""
        # The code kept left to right ("3.a" must not read "a.3" on an Arabic page).
        label = f"\u2066{code}\u2069 {prompt.text}"
        if objective is not None:
            label = _("%(label)s: %(text)s") % {"label": _objective_label(objective), "text": label}
        item = Item(key=answer_anchor(prompt, context.objectives[objective] if objective else None), kind="answer",
                    label=label, part_number=prompt.part.number, objective=objective, found=text,
                    found_language=language, current=current)
        form = forms.AnswerForm(data={f"text_{language}": text, "version": 0})
        if objective is not None and context.objective_block(objective):
            item.action, item.reason = BLOCKED, context.objective_block(objective)
        elif objective is None and not context.can_edit(prompt.part.number):
            item.action, item.reason = BLOCKED, _("You cannot edit this answer.")
        elif not form.is_valid():
            item.action, item.reason = BLOCKED, " ".join(str(error) for errors in form.errors.values()
                                                         for error in errors)
        else:
            item.action = _compare(current, text)
        items.append(item)
    return items


def _row_items(context: _Context, read: ReadTemplate) -> list[Item]:
    items = []
    for (kind, objective), found_rows in read.rows.items():
        table = TABLES[kind]
        layout = TABLE_LAYOUTS[kind]
        label = str(table.title) if objective is None else f"{_objective_label(objective)}: {table.title}"
        item = Item(key=f"rows:{kind}" + (f":o{objective}" if objective else ""), kind="rows", label=label,
                    part_number=table.part_number, objective=objective, action=ADD)
        review_objective = context.rows.get(objective) if objective else None
        if objective is not None:
            item.reason = context.objective_block(objective)
        elif not context.can_edit(table.part_number):
            item.reason = _("You cannot edit this section.")
        if item.reason:
            item.action = BLOCKED
        existing = {row_signature(row, layout.columns)
                    for row in (table.rows(context.review, review_objective) if not table.per_objective
                                or review_objective else [])}
        for found in found_rows:
            plan = RowPlan(cells=[(column_heading(layout.model, name), found.get(name, "")) for name in layout.columns])
            instance = table.new_row(context.review, review_objective or ReviewObjective(review=context.review))
            form = forms.table_form(table, context.review, instance=instance,
                                    data=typed_form_data(kind, found, prefix=f"{kind}-new"))
            if form.is_valid():
                plan.data = form.row_data()
                plan.duplicate = data_signature(plan.data, layout.columns) in existing
            else:
                plan.errors = [f"{form.fields[name].label if name in form.fields else ''}: {error}".lstrip(": ")
                               for name, errors in form.errors.items() for error in errors]
            item.rows.append(plan)
        if item.action == ADD and not item.rows_to_add:
            item.action = SAME
        items.append(item)
    return items

