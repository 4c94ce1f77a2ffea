"""The autosave endpoint of the answers: JSON in, JSON out."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from reviews import forms, rules
from reviews.models import GuidingPrompt, Objective
from reviews.services import answers as answer_services
from reviews.services.errors import DomainError, EditConflict, NotAllowed
from reviews.views.http import autosave_conflict, autosave_invalid, autosave_saved, query_int
from reviews.views.workspace.common import review_for as _review_for


@login_required
@require_POST
def answer_save(request, uid, prompt_uid):
    """Autosave endpoint: JSON in, JSON out; 409 with the stored texts on a conflict."""
    review = _review_for(request, uid)
    prompt = get_object_or_404(GuidingPrompt.objects.select_related("part"), uid=prompt_uid)
    objective = None
    if request.POST.get("objective"):
        number = query_int(request.POST, "objective", min_value=1)
        if number is None:
            raise Http404
        objective = get_object_or_404(Objective, number=number)
    if not rules.can_edit_section(request.user, review, part_number=prompt.part.number,
                                  objective_id=objective.pk if objective else None):
        return JsonResponse({"ok": False, "message": _("You cannot edit this answer.")}, status=403)
    form = forms.AnswerForm(request.POST, prefix=f"p{prompt.pk}")
    if not form.is_valid():
        return autosave_invalid(form)
    data = form.cleaned_data
    try:
        answer = answer_services.answer_save(
            review=review, prompt=prompt, objective=objective, user=request.user, text_ar=data["text_ar"],
            text_en=data["text_en"], original_language=data["original_language"], base_version=data["version"],
        )
    except EditConflict as conflict:
        return autosave_conflict(conflict)
    except NotAllowed as error:
        return JsonResponse({"ok": False, "message": error.message}, status=403)
    except DomainError as error:
        return JsonResponse({"ok": False, "message": error.message}, status=400)
    return autosave_saved(answer)
