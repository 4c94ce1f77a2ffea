"""Writing a Word import: what the preview announced, through the same services as typing, and the stored upload.

Nothing is overwritten silently: an empty answer is filled, a different one is replaced only when the
user ticked it, and any answer or objective saved by someone after the preview is refused and shown.
Rows are added, never replaced (the plan in importing.py leaves out a row already in the review).
"""

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from reviews.models import Answer, GuidingPrompt, Objective, Review, ReviewObjective, WordImport
from reviews.services.answers import answer_anchor, answer_save
from reviews.services.errors import DomainError, EditConflict
from reviews.services.objectives import objectives_choose
from reviews.services.rows import row_save
from reviews.tables import TABLES
from reviews.word.importing import (
    ADD,
    BLOCKED,
    FILL,
    REPLACE,
    REPORT,
    ImportPlan,
    Item,
    import_check_allowed,
    import_plan,
)


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
