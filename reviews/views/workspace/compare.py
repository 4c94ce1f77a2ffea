"""The review beside the country's previous one: what moved since (country page), and an objective's stage,
priority, answers and policies then and now. For the country team in its workspace and for regional staff."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from reviews.models import Answer
from reviews.selectors import workspace as ws
from reviews.selectors.previous import review_comparison
from reviews.services.carry_over import answer_carried_over_confirm
from reviews.services.errors import NotAllowed
from reviews.views.workspace.common import review_for, workspace_context


@login_required
def comparison(request, uid):
    review = review_for(request, uid)
    context = workspace_context(request, review)
    context["comparison"] = review_comparison(review=review, user=request.user, language=get_language())
    return render(request, "reviews/workspace/compare.html", context)


@login_required
def objective_comparison(request, uid, number):
    review = review_for(request, uid)
    objective = ws.objective_numbered(number)
    if objective is None:
        raise Http404
    context = workspace_context(request, review)
    found = review_comparison(review=review, user=request.user, objective=objective, language=get_language())
    context.update({"comparison": found, "change": found.objectives[0], "objective": objective})
    return render(request, "reviews/workspace/compare_objective.html", context)


@login_required
@require_POST
def carried_over_confirm(request, uid, answer_uid):
    review = review_for(request, uid)
    answer = get_object_or_404(Answer.objects.select_related("prompt__part", "objective", "carried_over_from"),
                               review=review, uid=answer_uid)
    try:
        answer_carried_over_confirm(answer=answer, user=request.user)
    except NotAllowed as error:
        raise PermissionDenied(error.message) from error
    messages.success(request, _("The answer is confirmed as still up to date."))
    if answer.objective_id:
        place = reverse("reviews:objective", args=[review.uid, answer.objective.number])
    else:
        place = reverse("reviews:part", args=[review.uid, answer.prompt.part.number])
    return redirect(f"{place}#prompt-{answer.prompt.code}")
