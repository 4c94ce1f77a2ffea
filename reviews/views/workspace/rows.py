"""Saving the rows of the tables, the details of a reported objective and the implementation plan.

A form that fails validation shows its page again with the errors next to the fields."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from reviews import forms
from reviews.selectors import workspace as ws
from reviews.services import rows as row_services
from reviews.services.errors import EditConflict, NotAllowed
from reviews.tables import TABLES
from reviews.forms import table_form
from reviews.views.http import (
    autosave_conflict, autosave_invalid, autosave_saved, form_values, posted_version, query_int, wants_json,
)
from reviews.views.workspace.common import check_may_edit, objective_page, part_page, review_for


def _table_parent(review, table, number):
    """For per-objective tables, the reported objective the row belongs to."""
    if not table.per_objective:
        return None
    if number is None:
        raise Http404
    return get_object_or_404(ws.reported_objective_rows(review), objective__number=number)


def _back(review, table, number, anchor=""):
    if table.per_objective:
        return redirect(f"{_url('reviews:objective', review.uid, number)}{anchor}")
    return redirect(f"{_url('reviews:part', review.uid, table.part_number)}{anchor}")


def _row_id(kind, row_uid) -> str:
    """The id of a row's card on its page (templates/reviews/workspace/_table.html): a save or a
    refusal brings the user back to the row they were working on, not to the top of the page."""
    return f"row-{row_uid}" if row_uid else f"new-{kind}"


def _url(name, *args):
    return reverse(name, args=args)


def _table(kind):
    if kind not in TABLES:
        raise Http404
    return TABLES[kind]


@login_required
@require_POST
def row_save(request, uid, kind, row_uid=None):
    review = review_for(request, uid)
    table = _table(kind)
    number = query_int(request.POST, "objective", min_value=1)
    parent = _table_parent(review, table, number)
    if row_uid:
        instance = get_object_or_404(table.rows(review, parent), uid=row_uid)
    else:
        instance = table.new_row(review, parent)
    check_may_edit(request, review, part_number=table.part_number, objective_id=parent.objective_id if parent else None)
    form = table_form(table, review, instance=instance, data=request.POST)
    if form.is_valid():
        try:
            saved = row_services.row_save(
                review=review, row=instance, data=form.row_data(), user=request.user,
                base_version=form.cleaned_data["version"] or 0, part_number=table.part_number,
                objective_id=parent.objective_id if parent else None,
            )
        except EditConflict as conflict:
            messages.error(request, conflict.message)
            return _back(review, table, number, f"#{_row_id(kind, row_uid)}")
        except NotAllowed as error:
            raise PermissionDenied(error.message) from error
        messages.success(request, _("Row saved."))
        return _back(review, table, number, f"#{_row_id(kind, saved.uid)}")
    messages.error(request, _("The row was not saved: please correct the fields marked below."))
    if table.per_objective:
        return objective_page(request, uid, number, bound=form)
    return part_page(request, uid, table.part_number, bound=form)


@login_required
@require_POST
def row_delete(request, uid, kind, row_uid):
    review = review_for(request, uid)
    table = _table(kind)
    number = query_int(request.POST, "objective", min_value=1)
    parent = _table_parent(review, table, number)
    row = get_object_or_404(table.rows(review, parent), uid=row_uid)
    try:
        row_services.row_delete(review=review, row=row, user=request.user,
                                base_version=posted_version(request.POST), part_number=table.part_number,
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
    """Stage, principles, SDG targets and partners: saved by the autosave script (JSON, 409 with the
    stored choices on a conflict), or by a plain form post without it."""
    review = review_for(request, uid)
    row = get_object_or_404(ws.reported_objective_rows(review), objective__number=number)
    check_may_edit(request, review, part_number=3, objective_id=row.objective_id)
    form = forms.ObjectiveDetailsForm(request.POST, instance=row, prefix="details")
    if not form.is_valid():
        if wants_json(request):
            return autosave_invalid(form)
        messages.error(request, _("Not saved: please correct the fields marked below."))
        return objective_page(request, uid, number, bound=form)
    try:
        saved = row_services.row_save(review=review, row=row, data=form.row_data(), user=request.user,
                                      base_version=form.cleaned_data["version"] or 0, part_number=3,
                                      objective_id=row.objective_id)
    except EditConflict as conflict:
        if wants_json(request):
            stored = forms.ObjectiveDetailsForm(instance=conflict.current, prefix="details")
            return autosave_conflict(conflict, stored_values=form_values(stored))
        messages.error(request, conflict.message)
    except NotAllowed as error:
        raise PermissionDenied(error.message) from error
    else:
        if wants_json(request):
            return autosave_saved(saved)
        messages.success(request, _("Saved."))
    return redirect(f"{_url('reviews:objective', review.uid, number)}#stage")


@login_required
@require_POST
def plan_save(request, uid):
    """The plan saves itself like the objective details (JSON for the autosave script), or by a
    plain form post without it."""
    review = review_for(request, uid)
    check_may_edit(request, review, part_number=2)
    form = forms.PlanForm(request.POST)
    if not form.is_valid():
        if wants_json(request):
            return autosave_invalid(form)
        messages.error(request, _("Not saved: choose the status of the plan."))
        return redirect(f"{_url('reviews:part', review.uid, 2)}#plan")
    try:
        row_services.plan_status_save(
            review=review, user=request.user, plan_status=form.cleaned_data["plan_status"],
            plan_detail=form.cleaned_data["plan_detail"], base_version=form.cleaned_data["version"])
    except EditConflict as conflict:
        if wants_json(request):
            stored = conflict.current
            return autosave_conflict(conflict, version_field="plan_version", stored_values={
                "plan_status": stored.plan_status, "plan_detail": stored.plan_detail})
        messages.error(request, conflict.message)
    except NotAllowed as error:
        raise PermissionDenied(error.message) from error
    else:
        if wants_json(request):
            return autosave_saved(review, version_field="plan_version")
        messages.success(request, _("Saved."))
    return redirect(f"{_url('reviews:part', review.uid, 2)}#plan")
