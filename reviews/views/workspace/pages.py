"""The pages a country reads and fills in: the overview, the parts, the objectives and the preview."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.models import Role
from reviews import forms, rules
from reviews.models import Review
from reviews.selectors import cycles_visible_to, round_tables_with_objectives
from reviews.selectors import workspace as ws
from reviews.services import objectives as objective_services
from reviews.services import submission as submission_services
from reviews.services.errors import DomainError, NotAllowed
from reviews.views.page_cache import kept
from reviews.views.workspace.common import (
    objective_page, part_page, review_for, review_shown, workspace_context,
)


@login_required
@require_POST
def review_open(request, slug):
    cycle = get_object_or_404(cycles_visible_to(request.user), slug=slug)
    try:
        review = submission_services.review_open(cycle=cycle, user=request.user,
                                                 from_previous=request.POST.get("start") == "previous")
    except NotAllowed as error:
        raise PermissionDenied(error.message) from error
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("home")
    return redirect("reviews:overview", review.uid)


@login_required
@kept(review_shown)
def overview(request, uid):
    review = review_for(request, uid)
    context = workspace_context(request, review)
    context.update(ws.review_overview(review))
    user = request.user
    context.update({
        "revision_requested": review.status == Review.Status.REVISION_REQUESTED,
        "can_take": rules.can_take(user, review), "can_accept": rules.can_accept(user, review),
        "can_request_revision": rules.can_request_revision(user, review), "can_reopen": rules.can_reopen(user, review),
        "reason_form": forms.TransitionForm(),
        "can_import_word": rules.can_import_word(user, review),
    })
    if review.is_editable_by_country and rules.is_country_team_of(user, review):
        mine = context["assignments"] if user.role == Role.CONTRIBUTOR else None
        context["next_gap"] = ws.next_gap(context["progress"], mine)
    return render(request, "reviews/workspace/overview.html", context)


@login_required
@kept(review_shown)
def part(request, uid, number):
    return part_page(request, uid, number)


@login_required
@kept(review_shown)
def objectives(request, uid):
    review = review_for(request, uid)
    if request.method == "POST":
        form = forms.ObjectivesChoiceForm(request.POST)
        if form.is_valid():
            before = ws.review_progress(review).percent
            try:
                objective_services.objectives_choose(
                    review=review, user=request.user,
                    reported={o.pk for o in form.cleaned_data["reported"]},
                    priorities={o.pk for o in form.cleaned_data["priorities"]},
                )
            except NotAllowed as error:
                raise PermissionDenied(error.message) from error
            messages.success(request, _("The objectives you report on were saved."))
            after = ws.review_progress(review).percent
            if after != before:
                messages.info(request, _(
                    "The overall progress went from %(before)s%% to %(after)s%%: each objective you report on "
                    "adds its questions and its implementation stage to the required items.") % {
                    "before": before, "after": after})
            return redirect("reviews:objectives", review.uid)
        messages.error(request, _("The objectives were not saved: choose them from the list."))
    context = workspace_context(request, review)
    chosen = {row.objective_id: row for row in context["reported"]}
    context["round_tables"] = round_tables_with_objectives()
    context["chosen"] = chosen
    context["can_choose"] = rules.can_manage_assignments(request.user, review)
    return render(request, "reviews/workspace/objectives.html", context)


@login_required
@kept(review_shown)
def objective(request, uid, number):
    return objective_page(request, uid, number)


@login_required
@kept(review_shown)
def preview(request, uid):
    review = review_for(request, uid)
    language = request.GET.get("lang") if request.GET.get("lang") in ("ar", "en") else request.LANGUAGE_CODE
    context = workspace_context(request, review)
    context.update(ws.review_full(review))
    context["text_language"] = language
    return render(request, "reviews/workspace/preview.html", context)
