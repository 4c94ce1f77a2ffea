"""The regional staff's side: the moderation queue, accepting, declining, translating an input; the
compilation of accepted inputs; the organisers' decisions on organisations."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from reviews.rules import can_manage_users
from reviews.selectors import current_cycle_visible_to, cycles_visible_to
from reviews.services.errors import DomainError, EditConflict, NotAllowed
from reviews.views.http import autosave_conflict, autosave_invalid, autosave_saved, wants_json
from stakeholders import selectors
from stakeholders.forms import ApproveForm, CompilationFilterForm, DeclineForm, InviteForm, TranslationForm
from stakeholders.models import StakeholderInput
from stakeholders.services import inputs as input_services
from stakeholders.services import organisations as organisation_services
from stakeholders.views.common import input_for, staff_check


@login_required
def moderation(request):
    staff_check(request)
    status = request.GET.get("status", "")
    return render(request, "stakeholders/moderation.html", {
        "inputs": selectors.moderation_queue(user=request.user, status=status),
        "statuses": [choice for choice in StakeholderInput.Status.choices if choice[0] != "draft"],
        "status": status, "current_cycle": current_cycle_visible_to(request.user),
    })


@login_required
@require_POST
def input_accept(request, uid):
    staff_check(request)
    found = input_for(request, uid)
    try:
        input_services.input_accept(stakeholder_input=found, user=request.user)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The input was accepted for compilation."))
    return redirect("stakeholders:input", found.uid)


@login_required
@require_POST
def input_decline(request, uid):
    staff_check(request)
    found = input_for(request, uid)
    form = DeclineForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say why the input is declined: the organisation reads it."))
        return redirect("stakeholders:input", found.uid)
    try:
        input_services.input_decline(stakeholder_input=found, user=request.user, reason=form.cleaned_data["reason"])
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The input was declined; the organisation sees the reason."))
    return redirect("stakeholders:input", found.uid)


@login_required
@require_POST
def input_translation(request, uid):
    staff_check(request)
    found = input_for(request, uid)
    form = TranslationForm(request.POST, instance=found, prefix="translation")
    if not form.is_valid():
        return autosave_invalid(form) if wants_json(request) else redirect("stakeholders:input", found.uid)
    data = form.cleaned_data
    try:
        saved = input_services.input_translation_save(stakeholder_input=found, user=request.user,
                                                      text_ar=data["text_ar"], text_en=data["text_en"],
                                                      base_version=data["version"])
    except NotAllowed as error:
        raise PermissionDenied(error.message) from error
    except EditConflict as conflict:
        if wants_json(request):
            return autosave_conflict(conflict)
        messages.error(request, conflict.message)
        return redirect("stakeholders:input", found.uid)
    except DomainError as error:
        if wants_json(request):
            return autosave_invalid_message(error.message)
        messages.error(request, error.message)
        return redirect("stakeholders:input", found.uid)
    if wants_json(request):
        return autosave_saved(saved)
    messages.success(request, _("The translation was saved."))
    return redirect("stakeholders:input", found.uid)


def autosave_invalid_message(message: str) -> JsonResponse:
    """400 with the service's reason, in the autosave script's answer shape."""
    return JsonResponse({"ok": False, "message": message}, status=400)


@login_required
def compilation(request, slug):
    staff_check(request)
    cycle = get_object_or_404(cycles_visible_to(request.user), slug=slug)
    form = CompilationFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    inputs = list(selectors.compiled_inputs(user=request.user, cycle=cycle, **{
        name: filters.get(name) for name in ("round_table", "objective", "category", "country")}))
    for item in inputs:
        item.shown = item.text_in(translation.get_language())
    return render(request, "stakeholders/compilation.html", {"cycle": cycle, "form": form, "inputs": inputs})


@login_required
def organisations(request):
    if not can_manage_users(request.user):
        raise PermissionDenied
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            organisation_services.organisation_invite(
                name_ar=data["name_ar"], name_en=data["name_en"], category=data["category"],
                countries=list(data["countries"]), contact_name=data["contact_name"],
                contact_email=data["contact_email"], website=data["website"], username=data["username"],
                user=request.user, request=request)
        except ValidationError as error:
            for message in error.messages:
                form.add_error("username", message)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The organisation was invited: its contact person receives an e-mail to "
                                        "choose a password."))
            return redirect("stakeholders:organisations")
    return render(request, "stakeholders/organisations.html", {
        "form": form, "organisations": selectors.organisation_requests(request.user), "approve_form": ApproveForm(),
    })


@login_required
@require_POST
def organisation_decide(request, uid, action):
    if not can_manage_users(request.user):
        raise PermissionDenied
    organisation = get_object_or_404(selectors.organisations_visible_to(request.user), uid=uid)
    if action not in ("approve", "decline"):
        raise Http404
    try:
        if action == "approve":
            form = ApproveForm(request.POST)
            if not form.is_valid():
                messages.error(request, _("Choose a username for the organisation's account."))
                return redirect("stakeholders:organisations")
            organisation_services.organisation_approve(organisation=organisation, user=request.user,
                                                       username=form.cleaned_data["username"], request=request)
            messages.success(request, _("The organisation takes part: its contact person receives an e-mail to "
                                        "choose a password."))
        else:
            organisation_services.organisation_decline(organisation=organisation, user=request.user)
            messages.success(request, _("The request was declined."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    except DomainError as error:
        messages.error(request, error.message)
    return redirect("stakeholders:organisations")
