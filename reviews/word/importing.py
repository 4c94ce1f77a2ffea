"""A filled template imported into a review: the plan the preview shows, then the writes, each through
the same service as typing (answers.py, rows.py, objectives.py: versions, audit trail, conflict check).

Nothing is overwritten silently: an empty answer is filled, a different one is replaced only when the
user ticked it, and any answer or objective saved by someone after the preview is refused and shown.
Rows are added, never replaced; a row already in the review is not added twice.
"""

from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from reviews import forms, rules
from reviews.models import Answer, GuidingPrompt, Objective, Review, ReviewObjective, WordImport
from reviews.selectors.workspace import cycle_template_parts
from reviews.services.answers import answer_anchor, answer_save
from reviews.services.errors import DomainError, EditConflict, NotAllowed
from reviews.services.objectives import objectives_choose
from reviews.services.rows import row_save
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


# --- the writes ---------------------------------------------------------------------------------------


def import_seen(*, review: Review, plan: ImportPlan) -> dict:
    """What the preview showed: each answer's and objective's version, and the action it announced."""
    answers = {answer_anchor(answer.prompt, answer.objective): answer.version
               for answer in Answer.objects.filter(review=review).select_related("prompt", "objective")}
    objectives = {f"o{row.objective.number}": row.version
                  for row in ReviewObjective.objects.filter(review=review).select_related("objective")}
    seen = {}
    for item in plan.items:
        if item.kind == "answer":
            seen[item.key] = [answers.get(item.key, 0), item.action]
        elif item.kind in ("stage", "priority", "report"):
            seen[item.key] = [objectives.get(f"o{item.objective}", 0), item.action]
    return seen


def import_apply(*, review: Review, user, content: bytes, seen: dict, replace: set[str]) -> ImportPlan:
    """Write what the preview announced: objectives reported first, then stages and priorities, answers and
    rows. An item changed by someone since the preview is refused (its outcome says so); the others are
    written. `replace` holds the keys of the non-empty answers the user ticked to replace."""
    plan = import_plan(review=review, user=user, content=content)
    for item in plan.items:
        version, announced = seen.get(item.key, [0, item.action])
        wanted = item.action in (FILL, REPORT, ADD) or (item.action == REPLACE and item.key in replace)
        if announced == FILL and item.action == REPLACE:
            wanted = True  # empty at the preview, written since: the version check refuses it below
        if announced == REPLACE and item.key not in replace:
            wanted = False
        if item.action == BLOCKED or not wanted:
            item.outcome = item.reason or _("Left as it is.")
            continue
        try:
            _write(item, review=review, user=user, version=version)
        except EditConflict as conflict:
            item.refused, item.outcome = True, conflict.message
        except DomainError as error:
            item.refused, item.outcome = True, error.message
        except ReviewObjective.DoesNotExist:  # its objective could not be added to those reported
            item.refused, item.outcome = True, _("The objective is not among those reported: nothing was saved.")
    return plan


def _write(item: Item, *, review: Review, user, version: int) -> None:
    objective = Objective.objects.get(number=item.objective) if item.objective else None
    if item.kind == "report":
        rows = ReviewObjective.objects.filter(review=review, is_reported=True)
        objectives_choose(review=review, user=user,
                          reported={row.objective_id for row in rows} | {objective.pk},
                          priorities={row.objective_id for row in rows if row.is_priority})
        item.outcome = _("Added to the objectives reported.")
    elif item.kind == "priority":
        row = ReviewObjective.objects.get(review=review, objective=objective)
        if version and row.version != version:
            raise EditConflict(_("Somebody changed this objective after the preview: it was not changed."),
                               current=row)
        rows = ReviewObjective.objects.filter(review=review, is_reported=True)
        priorities = {r.objective_id for r in rows if r.is_priority}
        priorities = priorities | {objective.pk} if item.value else priorities - {objective.pk}
        objectives_choose(review=review, user=user, reported={r.objective_id for r in rows}, priorities=priorities)
        item.outcome = _("Saved.")
    elif item.kind == "stage":
        row = ReviewObjective.objects.get(review=review, objective=objective)
        row_save(review=review, row=row, data={"stage": item.value}, user=user,
                 base_version=row.version if version == 0 else version, part_number=3, objective_id=objective.pk)
        item.outcome = _("Saved.")
    elif item.kind == "answer":
        prompt = GuidingPrompt.objects.select_related("part").get(part__cycle=review.cycle_id,
                                                                  code=item.key.split(":")[1])
        answer = Answer.objects.filter(review=review, prompt=prompt, objective=objective).first()
        texts = {"text_ar": answer.text_ar if answer else "", "text_en": answer.text_en if answer else ""}
        texts[f"text_{item.found_language}"] = item.found
        answer_save(review=review, prompt=prompt, objective=objective, user=user, **texts,
                    original_language=answer.original_language if answer and answer.is_written else None,
                    base_version=version)
        item.outcome = _("Saved.")
    elif item.kind == "rows":
        table = TABLES[item.key.split(":")[1]]
        review_objective = ReviewObjective.objects.get(review=review, objective=objective) if objective else None
        added = 0
        for row in item.rows:
            if row.errors or row.duplicate:
                continue
            row_save(review=review, row=table.new_row(review, review_objective), data=row.data, user=user,
                     base_version=0, part_number=table.part_number,
                     objective_id=objective.pk if objective else None)
            added += 1
        item.outcome = _("%(count)s rows added.") % {"count": added}


# --- the stored upload, between the preview and the confirmation ----------------------------------------


def word_import_start(*, review: Review, user, content: bytes, file_name: str) -> WordImport:
    """Keep a checked upload (in the default storage) for its preview; refused, with the reason, when
    the user may not import into this review."""
    import_check_allowed(review=review, user=user)
    return WordImport.objects.create(review=review, uploaded_by=user, original_name=file_name,
                                     file=ContentFile(content, name=file_name))


def word_import_content(word_import: WordImport) -> bytes:
    try:
        with word_import.file.open("rb") as stream:
            return stream.read()
    except (OSError, ValueError):  # no file (imported already), or the storage lost it
        raise DomainError(_("The uploaded file is no longer kept: upload it again.")) from None


def word_import_preview(*, word_import: WordImport, user) -> ImportPlan:
    """The plan as the user sees it now; what it showed is recorded, for the conflict check on confirming."""
    if word_import.applied_at is not None:
        raise DomainError(_("This file was imported already: upload it again to import it again."))
    plan = import_plan(review=word_import.review, user=user, content=word_import_content(word_import))
    word_import.seen = import_seen(review=word_import.review, plan=plan)
    word_import.save(update_fields=["seen"])
    return plan


def word_import_confirm(*, word_import: WordImport, user, replace: set[str]) -> ImportPlan:
    """Import what the preview showed, then forget the file (the review now holds what it had to give)."""
    if word_import.applied_at is not None:
        raise DomainError(_("This file was imported already: upload it again to import it again."))
    plan = import_apply(review=word_import.review, user=user, content=word_import_content(word_import),
                        seen=word_import.seen, replace=replace)
    word_import.applied_at = timezone.now()
    word_import.save(update_fields=["applied_at"])
    stored = word_import.file.name
    # The file goes once the import is committed: a transaction rolled back keeps it, and its preview.
    transaction.on_commit(lambda: word_import.file.storage.delete(stored))
    return plan
