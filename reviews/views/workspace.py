"""The country workspace: the five parts, the objectives, the team, documents and submission.

Every view reaches its review through reviews_visible_to(user): another country gets 404.
"""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.forms import ModelChoiceField
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from reviews import forms, rules
from reviews.models import GuidingPrompt, Objective, Review
from reviews.selectors import cycles_visible_to, reviews_visible_to, round_tables_with_objectives
from reviews.selectors import workspace as ws
from reviews.selectors.comments import comment_threads_by_anchor
from reviews.services import answers as answer_services
from reviews.services.answers import answer_anchor
from reviews.services.rows import row_anchor
from reviews.services.comments import can_comment
from reviews.services import assignments as assignment_services
from reviews.services import attachments as attachment_services
from reviews.services import objectives as objective_services
from reviews.services import rows as row_services
from reviews.services import submission as submission_services
from reviews.services.errors import DomainError, EditConflict, NotAllowed
from reviews.tables import TABLES, TABLES_BY_PART
from reviews.views.table_forms import table_form


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
    return int(value) if value.isdigit() else 0


def _review_for(request, uid) -> Review:
    return get_object_or_404(reviews_visible_to(request.user), uid=uid)


def _check_may_edit(request, review: Review, *, part_number: int, objective_id: int | None = None) -> None:
    """Refuse a change before reading the form: someone who may only read the review gets 403,
    never the page again with validation errors, whatever they posted."""
    if not rules.can_edit_section(request.user, review, part_number=part_number, objective_id=objective_id):
        raise PermissionDenied(_("You cannot edit this section."))


def _workspace_context(request, review: Review, *, parts=None) -> dict:
    """What every workspace page needs: navigation with progress, and who may edit what."""
    user = request.user
    parts = parts if parts is not None else ws.template_parts(review)
    assignments = (
        rules.contributor_assignments(user, review) if user.role == "contributor" else (set(), set())
    )
    return {
        "review": review,
        "parts": parts,
        "progress": ws.review_progress(review, parts=parts),
        "reported": list(ws.reported_objectives(review)),
        "assignments": assignments,
        "is_focal_point": rules.is_focal_point_of(user, review),
        "can_submit": rules.can_submit(user, review),
        "comment_threads": comment_threads_by_anchor(user, review),
        "can_comment": can_comment(user, review),
        "can_resolve": rules.can_follow_region(user),
    }


def _answer_blocks(request, review, prompts, *, objective=None, assignments, part_number):
    answers = ws.answers_by_prompt(review, objective=objective)
    blocks = []
    for prompt in prompts:
        answer = answers.get(prompt.pk)
        can_edit = rules.can_edit_section(request.user, review, part_number=part_number,
                                          objective_id=objective.pk if objective else None, assignments=assignments)
        form = forms.AnswerForm(initial={
            "text_ar": answer.text_ar if answer else "",
            "text_en": answer.text_en if answer else "",
            "original_language": answer.original_language if answer else "",
            "version": answer.version if answer else 0,
        }, prefix=f"p{prompt.pk}")
        blocks.append({"prompt": prompt, "answer": answer, "form": form, "can_edit": can_edit,
                       "anchor": answer_anchor(prompt, objective)})
    return blocks


def _table_blocks(request, review, tables, *, review_objective=None, assignments, bound=None):
    """Each table with a form per row and an empty form to add one; `bound` replaces one form by
    its submitted, invalid version so the errors show next to the fields."""
    objective_id = review_objective.objective_id if review_objective else None
    blocks = []
    for table in tables:
        can_edit = rules.can_edit_section(request.user, review, part_number=table.part_number,
                                          objective_id=objective_id, assignments=assignments)
        rows = []
        for row in ws.table_rows(table, review, review_objective):
            form = table_form(table, review, instance=row)
            if bound is not None and bound.prefix == form.prefix:
                form = bound
            rows.append({"row": row, "form": form, "anchor": row_anchor(row)})
        new_form = table_form(table, review, instance=table.new_row(review, review_objective))
        if bound is not None and bound.prefix == new_form.prefix:
            new_form = bound
        if can_edit:
            _share_choices([item["form"] for item in rows] + [new_form])
        blocks.append({"table": table, "rows": rows, "new_form": new_form, "can_edit": can_edit})
    return blocks


def _share_choices(row_forms) -> None:
    """The forms of one table offer the same lists (kinds, objectives, categories): read each list
    once for the table, not once per row. Validation still reads the field's queryset."""
    for name, field in row_forms[0].fields.items():
        if isinstance(field, ModelChoiceField):
            choices = list(iter(field.choices))  # iter(): list() would ask its len(), a COUNT query
            for form in row_forms:
                form.fields[name].choices = choices


@login_required
@require_POST
def review_open(request, slug):
    cycle = get_object_or_404(cycles_visible_to(request.user), slug=slug)
    try:
        review = submission_services.review_open(cycle=cycle, user=request.user)
    except NotAllowed as error:
        raise PermissionDenied(error.message) from error
    return redirect("reviews:overview", review.uid)


@login_required
def overview(request, uid):
    review = _review_for(request, uid)
    context = _workspace_context(request, review)
    context["attachments"] = review.attachments.select_related("uploaded_by")
    context["versions"] = review.versions.select_related("submitted_by")
    context["last_event"] = review.events.select_related("actor").last()
    context["open_shared_comments"] = review.comments.filter(
        visibility="shared", is_resolved=False, parent__isnull=True).count()
    return render(request, "reviews/workspace/overview.html", context)


@login_required
def part(request, uid, number, bound=None):
    review = _review_for(request, uid)
    context = _workspace_context(request, review)
    current = next((p for p in context["parts"] if p.number == number), None)
    if current is None:
        raise Http404
    prompts = [p for p in current.prompts.all() if p.scope == GuidingPrompt.Scope.PART]
    context.update({
        "part": current,
        "blocks": _answer_blocks(request, review, prompts, assignments=context["assignments"], part_number=number),
        "tables": _table_blocks(request, review, TABLES_BY_PART[number], assignments=context["assignments"],
                                bound=bound),
        "round_tables": round_tables_with_objectives() if number == 3 else None,
    })
    if number == 2:
        context["plan_form"] = forms.PlanForm(initial={
            "plan_status": review.plan_status, "plan_detail": review.plan_detail, "version": review.plan_version})
        context["can_edit_plan"] = rules.can_edit_section(request.user, review, part_number=2,
                                                          assignments=context["assignments"])
    return render(request, "reviews/workspace/part.html", context)


@login_required
def objectives(request, uid):
    review = _review_for(request, uid)
    if request.method == "POST":
        form = forms.ObjectivesChoiceForm(request.POST)
        if form.is_valid():
            try:
                objective_services.objectives_choose(
                    review=review, user=request.user,
                    reported={o.pk for o in form.cleaned_data["reported"]},
                    priorities={o.pk for o in form.cleaned_data["priorities"]},
                )
            except NotAllowed as error:
                raise PermissionDenied(error.message) from error
            messages.success(request, _("The objectives you report on were saved."))
            return redirect("reviews:objectives", review.uid)
        messages.error(request, _("The objectives were not saved: choose them from the list."))
    context = _workspace_context(request, review)
    chosen = {row.objective_id: row for row in context["reported"]}
    context["round_tables"] = round_tables_with_objectives()
    context["chosen"] = chosen
    context["can_choose"] = rules.can_manage_assignments(request.user, review)
    return render(request, "reviews/workspace/objectives.html", context)


@login_required
def objective(request, uid, number, bound=None):
    review = _review_for(request, uid)
    goal = get_object_or_404(Objective.objects.select_related("round_table"), number=number)
    context = _workspace_context(request, review)
    review_objective = next((row for row in context["reported"] if row.objective_id == goal.pk), None)
    if review_objective is None:
        raise Http404(_("This objective is not reported on in this review."))
    review_objective = ws.objective_page_data(review, goal)["review_objective"]
    part3 = next(p for p in context["parts"] if p.number == 3)
    prompts = [p for p in part3.prompts.all() if p.scope == GuidingPrompt.Scope.OBJECTIVE]
    details_form = bound if isinstance(bound, forms.ObjectiveDetailsForm) else forms.ObjectiveDetailsForm(
        instance=review_objective, prefix="details")
    context.update({
        "objective": goal,
        "objective_anchor": row_anchor(review_objective),
        "review_objective": review_objective,
        "blocks": _answer_blocks(request, review, prompts, objective=goal, assignments=context["assignments"],
                                 part_number=3),
        "details_form": details_form,
        "can_edit": rules.can_edit_section(request.user, review, part_number=3, objective_id=goal.pk,
                                           assignments=context["assignments"]),
        "tables": _table_blocks(request, review, [TABLES["practices"], TABLES["indicators"]],
                                review_objective=review_objective, assignments=context["assignments"],
                                bound=None if isinstance(bound, forms.ObjectiveDetailsForm) else bound),
    })
    return render(request, "reviews/workspace/objective.html", context)


@login_required
@require_POST
def answer_save(request, uid, prompt_uid):
    """Autosave endpoint: JSON in, JSON out; 409 with the stored texts on a conflict."""
    review = _review_for(request, uid)
    prompt = get_object_or_404(GuidingPrompt.objects.select_related("part"), uid=prompt_uid)
    objective = None
    if request.POST.get("objective"):
        objective = get_object_or_404(Objective, number=posted_int(request.POST, "objective"))
    if not rules.can_edit_section(request.user, review, part_number=prompt.part.number,
                                  objective_id=objective.pk if objective else None):
        return JsonResponse({"ok": False, "message": _("You cannot edit this answer.")}, status=403)
    form = forms.AnswerForm(request.POST, prefix=f"p{prompt.pk}")
    if not form.is_valid():
        return JsonResponse({"ok": False, "errors": {k: [str(e) for e in v] for k, v in form.errors.items()}},
                            status=400)
    data = form.cleaned_data
    try:
        answer = answer_services.answer_save(
            review=review, prompt=prompt, objective=objective, user=request.user, text_ar=data["text_ar"],
            text_en=data["text_en"], original_language=data["original_language"], base_version=data["version"],
        )
    except EditConflict as conflict:
        current = conflict.current
        return JsonResponse({
            "ok": False, "conflict": True, "message": conflict.message, "version": current.version,
            "text_ar": current.text_ar, "text_en": current.text_en,
            "updated_by": str(current.updated_by or ""), "updated_at": _when(current.updated_at),
        }, status=409)
    except NotAllowed as error:
        return JsonResponse({"ok": False, "message": error.message}, status=403)
    return JsonResponse({
        "ok": True, "version": answer.version, "original_language": answer.original_language,
        "updated_by": str(answer.updated_by or ""), "updated_at": _when(answer.updated_at),
    })


def _when(moment) -> str:
    return formats.date_format(timezone.localtime(moment), "SHORT_DATETIME_FORMAT") if moment else ""


def _table_parent(review, table, number):
    """For per-objective tables, the reported objective the row belongs to."""
    if not table.per_objective:
        return None
    return get_object_or_404(review.review_objectives.filter(is_reported=True), objective__number=number)


def _back(review, table, number, anchor=""):
    if table.per_objective:
        return redirect(f"{_url('reviews:objective', review.uid, number)}{anchor}")
    return redirect(f"{_url('reviews:part', review.uid, table.part_number)}{anchor}")


def _url(name, *args):
    return reverse(name, args=args)


@login_required
@require_POST
def row_save(request, uid, kind, row_uid=None):
    review = _review_for(request, uid)
    table = TABLES.get(kind) or _not_found()
    number = posted_int(request.POST, "objective")
    parent = _table_parent(review, table, number)
    if row_uid:
        instance = get_object_or_404(table.rows(review, parent), uid=row_uid)
    else:
        instance = table.new_row(review, parent)
    _check_may_edit(request, review, part_number=table.part_number, objective_id=parent.objective_id if parent else None)
    form = table_form(table, review, instance=instance, data=request.POST)
    if form.is_valid():
        try:
            row_services.row_save(
                review=review, row=instance, data=form.row_data(), user=request.user,
                base_version=form.cleaned_data["version"] or 0, part_number=table.part_number,
                objective_id=parent.objective_id if parent else None,
            )
        except EditConflict as conflict:
            messages.error(request, conflict.message)
            return _back(review, table, number, f"#table-{kind}")
        except NotAllowed as error:
            raise PermissionDenied(error.message) from error
        messages.success(request, _("Row saved."))
        return _back(review, table, number, f"#table-{kind}")
    messages.error(request, _("The row was not saved: please correct the fields marked below."))
    if table.per_objective:
        return objective(request, uid, number, bound=form)
    return part(request, uid, table.part_number, bound=form)


def _not_found():
    raise Http404


@login_required
@require_POST
def row_delete(request, uid, kind, row_uid):
    review = _review_for(request, uid)
    table = TABLES.get(kind) or _not_found()
    number = posted_int(request.POST, "objective")
    parent = _table_parent(review, table, number)
    row = get_object_or_404(table.rows(review, parent), uid=row_uid)
    try:
        row_services.row_delete(review=review, row=row, user=request.user,
                                base_version=posted_int(request.POST, "version"), part_number=table.part_number,
                                objective_id=parent.objective_id if parent else None)
    except EditConflict as conflict:
        messages.error(request, conflict.message)
    except NotAllowed as error:
        raise PermissionDenied(error.message) from error
    else:
        messages.success(request, _("Row deleted."))
    return _back(review, table, number, f"#table-{kind}")


@login_required
@require_POST
def objective_details(request, uid, number):
    review = _review_for(request, uid)
    row = get_object_or_404(review.review_objectives.filter(is_reported=True), objective__number=number)
    _check_may_edit(request, review, part_number=3, objective_id=row.objective_id)
    form = forms.ObjectiveDetailsForm(request.POST, instance=row, prefix="details")
    if form.is_valid():
        try:
            row_services.row_save(review=review, row=row, data=form.row_data(), user=request.user,
                                  base_version=form.cleaned_data["version"] or 0, part_number=3,
                                  objective_id=row.objective_id)
        except EditConflict as conflict:
            messages.error(request, conflict.message)
        except NotAllowed as error:
            raise PermissionDenied(error.message) from error
        else:
            messages.success(request, _("Saved."))
        return redirect(f"{_url('reviews:objective', review.uid, number)}#stage")
    messages.error(request, _("Not saved: please correct the fields marked below."))
    return objective(request, uid, number, bound=form)


@login_required
@require_POST
def plan_save(request, uid):
    review = _review_for(request, uid)
    _check_may_edit(request, review, part_number=2)
    form = forms.PlanForm(request.POST)
    if form.is_valid():
        try:
            row_services.plan_status_save(
                review=review, user=request.user, plan_status=form.cleaned_data["plan_status"],
                plan_detail=form.cleaned_data["plan_detail"], base_version=form.cleaned_data["version"])
        except EditConflict as conflict:
            messages.error(request, conflict.message)
        except NotAllowed as error:
            raise PermissionDenied(error.message) from error
        else:
            messages.success(request, _("Saved."))
    else:
        messages.error(request, _("Not saved: choose the status of the plan."))
    return redirect(f"{_url('reviews:part', review.uid, 2)}#plan")


@login_required
def team(request, uid):
    review = _review_for(request, uid)
    if not rules.is_country_team_of(request.user, review):
        raise PermissionDenied
    contributors = list(request.user.__class__.objects.filter(
        country_id=review.country_id, role="contributor", is_active=True).order_by("username"))
    if request.method == "POST":
        if not rules.can_manage_assignments(request.user, review):
            raise PermissionDenied(_("Only the focal point assigns work to contributors."))
        contributor = get_object_or_404(request.user.__class__, uid=uuid_or_none(request.POST.get("contributor")),
                                        country_id=review.country_id)
        form = forms.AssignmentForm(request.POST)
        if form.is_valid():
            try:
                assignment_services.assignments_set(
                    review=review, contributor=contributor, part_numbers=set(form.cleaned_data["parts"]),
                    objective_ids={o.pk for o in form.cleaned_data["objectives"]}, actor=request.user)
            except NotAllowed as error:
                raise PermissionDenied(error.message) from error
            messages.success(request, _("Assignments of %(name)s saved.") % {"name": contributor})
            return redirect("reviews:team", review.uid)
    context = _workspace_context(request, review)
    assigned = {}
    for assignment in review.assignments.select_related("part", "objective"):
        entry = assigned.setdefault(assignment.contributor_id, {"parts": set(), "objectives": set()})
        if assignment.part_id:
            entry["parts"].add(assignment.part.number)
        else:
            entry["objectives"].add(assignment.objective_id)
    context["members"] = [(c, assigned.get(c.pk, {"parts": set(), "objectives": set()})) for c in contributors]
    context["can_assign"] = rules.can_manage_assignments(request.user, review)
    return render(request, "reviews/workspace/team.html", context)


@login_required
def attachments(request, uid):
    review = _review_for(request, uid)
    form = forms.AttachmentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            attachment_services.attachment_add(review=review, user=request.user, file=form.cleaned_data["file"],
                                               description=form.cleaned_data["description"])
        except NotAllowed as error:
            raise PermissionDenied(error.message) from error
        except DomainError as error:
            form.add_error("file", error.message)
        else:
            messages.success(request, _("The document was added."))
            return redirect("reviews:attachments", review.uid)
    context = _workspace_context(request, review)
    context["form"] = form
    context["attachments"] = review.attachments.select_related("uploaded_by")
    context["can_upload"] = review.is_editable_by_country and rules.is_country_team_of(request.user, review)
    return render(request, "reviews/workspace/attachments.html", context)


@login_required
def attachment_download(request, uid, attachment_uid):
    review = _review_for(request, uid)
    attachment = get_object_or_404(review.attachments, uid=attachment_uid)
    return FileResponse(attachment.file.open("rb"), as_attachment=True, filename=attachment.original_name,
                        content_type=attachment.content_type)


@login_required
def submit(request, uid):
    review = _review_for(request, uid)
    if request.method == "POST":
        if not rules.is_focal_point_of(request.user, review):
            # Who asks comes before the review's state: a reviewer must not be told "already submitted".
            raise PermissionDenied(_("Only the focal point submits the review."))
        try:
            version = submission_services.review_submit(review=review, user=request.user)
        except NotAllowed as error:
            raise PermissionDenied(error.message) from error
        except DomainError as error:
            messages.error(request, error.message)
        else:
            if version.is_late:
                messages.warning(request, _("Your review was submitted after the deadline and is marked late."))
            messages.success(request, _("Your review was submitted. Thank you."))
            return redirect("reviews:overview", review.uid)
    context = _workspace_context(request, review)
    return render(request, "reviews/workspace/submit.html", context)


@login_required
def preview(request, uid):
    review = _review_for(request, uid)
    language = request.GET.get("lang") if request.GET.get("lang") in ("ar", "en") else request.LANGUAGE_CODE
    context = _workspace_context(request, review)
    context.update(ws.review_full(review))
    context["text_language"] = language
    return render(request, "reviews/workspace/preview.html", context)
