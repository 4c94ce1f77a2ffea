"""The autosave endpoint of the answers: JSON in, JSON out."""

from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from reviews import forms, rules
from reviews.models import GuidingPrompt, Objective
from reviews.services import answers as answer_services
from reviews.services.errors import EditConflict, NotAllowed
from reviews.views.http import posted_int, short_datetime as _when
from reviews.views.workspace.common import review_for as _review_for


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
