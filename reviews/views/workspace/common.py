"""What the workspace views share: the review the user may see, the navigation every page shows,
and the part and objective pages, which the row forms re-show with their errors."""

from django.core.exceptions import PermissionDenied
from django.db.models import F
from django.forms import ModelChoiceField, ModelMultipleChoiceField
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.models import Role
from reviews import forms, rules
from reviews.models import GuidingPrompt, Review
from reviews.selectors import reviews_visible_to
from reviews.selectors import workspace as ws
from reviews.selectors.comments import OBJECTIVES_PART, PageComments
from reviews.selectors.prefetched import with_users
from reviews.selectors.previous import carried_over_years
from reviews.selectors.reference import REFERENCE_QUERYSETS, reference_rows
from reviews.services.answers import answer_anchor
from reviews.services.rows import row_anchor
from reviews.tables import TABLES, TABLES_BY_PART
from reviews.views.http import reversed_for_each, uuid_or_none


def review_for(request, uid) -> Review:
    """The review `uid`, if the reader sees it (404 otherwise); on a kept page, as its key read it."""
    shown = getattr(request, "review_shown", None)
    if shown is not None and shown.uid == uid:
        return shown
    return get_object_or_404(reviews_visible_to(request.user), uid=uid)


def review_shown(request, uid, **_other) -> list[tuple]:
    """What a workspace page shows, for its key (views/page_cache.py): the review, if the reader sees it, with its
    generation. Read whole, in the query the key needs anyway, and kept on the request for the view."""
    with_generation = reviews_visible_to(request.user).annotate(generation_changes=F("generation__changes"))
    review = get_object_or_404(with_generation, uid=uid)
    request.review_shown = review
    return [(review.pk, review.generation_changes)]


def check_may_edit(request, review: Review, *, part_number: int, objective_id: int | None = None) -> None:
    """Refuse a change before reading the form: someone who may only read the review gets 403,
    never the page again with validation errors, whatever they posted."""
    if not rules.can_edit_section(request.user, review, part_number=part_number, objective_id=objective_id):
        raise PermissionDenied(_("You cannot edit this section."))


def workspace_context(request, review: Review, *, parts=None, **comments_place) -> dict:
    """What every workspace page needs: navigation with progress, and who may edit what; the comments of
    the page's place (`part_number=`, `objective_number=`), or of the whole review."""
    user = request.user
    parts = parts if parts is not None else ws.template_parts(review)
    assignments = (
        rules.contributor_assignments(user, review) if user.role == Role.CONTRIBUTOR else (set(), set())
    )
    reported = list(ws.reported_objectives(review))
    progress = ws.review_progress(review, parts=parts, objectives=reported)
    # The navigation's links, reversed once per route
    part_urls = reversed_for_each("reviews:part", [review.uid], [item.number for item in progress.parts])
    objective_urls = reversed_for_each("reviews:objective", [review.uid], [row.objective.number for row in reported])
    for item in progress.parts:
        item.url = part_urls[item.number]
    for row in reported:
        row.url = objective_urls[row.objective.number]
    return {
        "review": review,
        "parts": parts,
        "progress": progress,
        "reported": reported,
        "history_url": reverse("reviews:history", args=[review.uid]),  # each answer and row links to it
        "assignments": assignments,
        "is_focal_point": rules.is_focal_point_of(user, review),
        "can_submit": rules.can_submit(user, review),
        "comment_threads": PageComments(user, review, **comments_place),
        "can_comment": rules.can_comment(user, review),
        # The place whose comment form the page shows (the "Add a comment" link without JavaScript).
        "commenting": request.GET.get("comment", ""),
        "can_resolve": rules.can_follow_region(user),
    }


def read_only_reason(request, review: Review, *, part_number: int, objective_id: int | None = None) -> dict | None:
    """Why a member of the country team reads a section they cannot change, and who can change it:
    None when they can edit it or the review is closed to the country (the page says so already)."""
    user = request.user
    if not review.is_editable_by_country or not rules.is_country_team_of(user, review) or rules.can_edit_section(
            user, review, part_number=part_number, objective_id=objective_id):
        return None
    return {"editors": ws.section_editors(review, part_number=part_number, objective_id=objective_id)}


def _answer_blocks(request, review, prompts, *, objective=None, assignments, part_number):
    answers = ws.answers_by_prompt(review, objective=objective)
    carried = carried_over_years(answers.values())
    actions = reversed_for_each("reviews:answer_save", [review.uid], [prompt.uid for prompt in prompts])
    blocks = []
    for prompt in prompts:
        answer = answers.get(prompt.pk)
        can_edit = rules.can_edit_section(request.user, review, part_number=part_number,
                                          objective_id=objective.pk if objective else None, assignments=assignments)
        form = forms.AnswerForm(instance=answer, prefix=f"p{prompt.pk}")
        blocks.append({"prompt": prompt, "answer": answer, "form": form, "can_edit": can_edit,
                       "action": actions[prompt.uid],
                       "anchor": answer_anchor(prompt, objective),
                       "carried_over": carried.get(answer.carried_over_from_id) if answer else None})
    return blocks


def _table_blocks(request, review, tables, *, review_objective=None, assignments, bound=None):
    """Each table's rows, shown as text. A row is a form only when it is being edited: `?edit=<row uid>`
    ("Edit row": the script asks for that page and takes the row's form from it, without it the browser opens
    it) or `bound`, a submitted invalid form shown with its errors next to the fields. The form to add a row
    comes the same way, with `?add=<table kind>` ("Add a row"). A page of many rows sends no form per row,
    and none for a row nobody is adding."""
    objective_id = review_objective.objective_id if review_objective else None
    editing = uuid_or_none(request.GET.get("edit"))
    blocks = []
    for table in tables:
        can_edit = rules.can_edit_section(request.user, review, part_number=table.part_number,
                                          objective_id=objective_id, assignments=assignments)
        rows = []
        for row in ws.table_rows(table, review, review_objective):
            is_bound = bound is not None and bound.prefix == forms.table_form_prefix(table, row)
            item = {"row": row, "anchor": row_anchor(row), "editing": can_edit and (is_bound or row.uid == editing)}
            if item["editing"]:
                item["form"] = bound if is_bound else forms.table_form(table, review, instance=row)
            rows.append(item)
        new_row = table.new_row(review, review_objective)
        new_form = None
        if can_edit and bound is not None and bound.prefix == forms.table_form_prefix(table, new_row):
            new_form = bound
        elif can_edit and request.GET.get("add") == table.kind:
            new_form = forms.table_form(table, review, instance=new_row)
        row_forms = [item["form"] for item in rows if item["editing"]] + ([new_form] if new_form else [])
        if row_forms:
            _share_choices(row_forms)
        blocks.append({"table": table, "rows": rows, "new_form": new_form, "can_edit": can_edit,
                       "labels": forms.table_labels(table)})
    return blocks


def _with_last_changes(context: dict, *more) -> None:
    """Who last changed each answer and row a page shows ("Last changed by"), from one query of the users."""
    answers = [block["answer"] for block in context["blocks"] if block["answer"]]
    rows = [item["row"] for table in context["tables"] for item in table["rows"]]
    with_users([*answers, *rows, *more], "updated_by")


def _share_choices(row_forms) -> None:
    """The forms of one table offer the same lists (kinds, objectives, categories): read each list once
    for the table, not once per row, and a reference list (selectors/reference.py) once per process.
    Validation still reads the field's queryset."""
    for name, field in row_forms[0].fields.items():
        if not isinstance(field, ModelChoiceField):
            continue
        model = field.queryset.model
        if model in REFERENCE_QUERYSETS and not field.queryset.query.where:
            empty = [] if field.empty_label is None or isinstance(field, ModelMultipleChoiceField) else [
                ("", field.empty_label)]
            choices = empty + [(row.pk, field.label_from_instance(row)) for row in reference_rows(model)]
        else:
            choices = list(iter(field.choices))  # iter(): list() would ask its len(), a COUNT query
        for form in row_forms:
            form.fields[name].choices = choices


def part_page(request, uid, number, bound=None):
    """A part of the review; `bound` is a row form that failed validation, shown with its errors."""
    review = review_for(request, uid)
    context = workspace_context(request, review, part_number=number, objective_number=None)
    current = next((p for p in context["parts"] if p.number == number), None)
    if current is None:
        raise Http404
    prompts = [p for p in current.prompts.all() if p.scope == GuidingPrompt.Scope.PART]
    context.update({
        "part": current,
        "blocks": _answer_blocks(request, review, prompts, assignments=context["assignments"], part_number=number),
        "tables": _table_blocks(request, review, TABLES_BY_PART[number], assignments=context["assignments"],
                                bound=bound),
        "read_only": read_only_reason(request, review, part_number=number),
    })
    _with_last_changes(context)
    if number == 2:
        context["plan_form"] = forms.PlanForm(initial={
            "plan_status": review.plan_status, "plan_detail": review.plan_detail, "version": review.plan_version})
        context["can_edit_plan"] = rules.can_edit_section(request.user, review, part_number=2,
                                                          assignments=context["assignments"])
    return render(request, "reviews/workspace/part.html", context)


def objective_page(request, uid, number, bound=None):
    """One reported objective; `bound` is its details form or a row form that failed validation."""
    review = review_for(request, uid)
    goal = ws.objective_numbered(number)
    if goal is None:
        raise Http404
    context = workspace_context(request, review, part_number=OBJECTIVES_PART, objective_number=number)
    review_objective = next((row for row in context["reported"] if row.objective_id == goal.pk), None)
    if review_objective is None:
        raise Http404(_("This objective is not reported on in this review."))
    review_objective = ws.objective_details(review_objective)
    part3 = next(p for p in context["parts"] if p.number == 3)
    prompts = [p for p in part3.prompts.all() if p.scope == GuidingPrompt.Scope.OBJECTIVE]
    details_form = bound if isinstance(bound, forms.ObjectiveDetailsForm) else forms.ObjectiveDetailsForm(
        instance=review_objective, prefix="details")
    _share_choices([details_form])
    context.update({
        "objective": goal,
        "objective_anchor": row_anchor(review_objective),
        "review_objective": review_objective,
        "blocks": _answer_blocks(request, review, prompts, objective=goal, assignments=context["assignments"],
                                 part_number=3),
        "details_form": details_form,
        "details_labels": forms.text_labels(forms.ObjectiveDetailsForm),
        "can_edit": rules.can_edit_section(request.user, review, part_number=3, objective_id=goal.pk,
                                           assignments=context["assignments"]),
        "read_only": read_only_reason(request, review, part_number=3, objective_id=goal.pk),
        "tables": _table_blocks(request, review, [TABLES["practices"], TABLES["indicators"]],
                                review_objective=review_objective, assignments=context["assignments"],
                                bound=None if isinstance(bound, forms.ObjectiveDetailsForm) else bound),
    })
    _with_last_changes(context, review_objective)
    return render(request, "reviews/workspace/objective.html", context)
