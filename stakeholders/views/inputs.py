"""An organisation's inputs: its list, a new draft, the editor (autosaved), submitting, documents and the
thread; the same input page shows the staff a submitted input with its moderation."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gcm_portal.middleware import body_limit
from reviews.forms import AttachmentForm
from reviews.selectors import cycles_visible_to
from reviews.services.attachments import attachment_too_large_message
from reviews.services.errors import DomainError, EditConflict, NotAllowed
from reviews.views.http import autosave_conflict, autosave_invalid, autosave_saved, form_values, wants_json
from stakeholders import selectors
from stakeholders.forms import DeclineForm, InputForm, MessageForm, TranslationForm
from stakeholders.services import inputs as input_services
from stakeholders.views.common import input_for, stakeholder_check


def _draft_owner_check(request, found) -> None:
    """Only the organisation changes its input, and only while it is a draft (the service checks it again)."""
    if not (request.user.is_stakeholder and found.is_editable):
        raise PermissionDenied(_("This input was submitted and can no longer be changed."))


@login_required
def my_inputs(request):
    stakeholder_check(request)
    organisation = selectors.organisation_of(request.user)
    inputs = selectors.input_with_lists(selectors.inputs_visible_to(request.user)).order_by("-created_at")
    return render(request, "stakeholders/inputs.html", {
        "organisation": organisation, "inputs": inputs,
        "open_cycles": cycles_visible_to(request.user).filter(is_open=True) if organisation else [],
    })


@login_required
@require_POST
def input_new(request, slug):
    stakeholder_check(request)
    organisation = selectors.organisation_of(request.user)
    cycle = get_object_or_404(cycles_visible_to(request.user), slug=slug)
    if organisation is None:
        raise PermissionDenied
    try:
        created = input_services.input_create(organisation=organisation, cycle=cycle, user=request.user)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("stakeholders:inputs")
    return redirect("stakeholders:input", created.uid)


@login_required
def input_detail(request, uid):
    found = input_for(request, uid)
    is_owner = request.user.is_stakeholder
    context = {"item": found, "is_owner": is_owner, "thread": selectors.input_messages(found),
               "documents": found.documents.all(), "message_form": MessageForm(),
               "round_tables": found.round_tables.order_by("number"),
               "objectives": found.objectives.order_by("number")}
    if is_owner and found.is_editable:
        context["form"] = InputForm(instance=found, prefix="input")
        context["document_form"] = AttachmentForm()
    if not is_owner:
        context["decline_form"] = DeclineForm()
        context["translation_form"] = TranslationForm(instance=found, prefix="translation")
    return render(request, "stakeholders/input.html", context)


@login_required
@require_POST
def input_save(request, uid):
    found = input_for(request, uid)
    _draft_owner_check(request, found)
    form = InputForm(request.POST, instance=found, prefix="input")
    if not form.is_valid():
        return autosave_invalid(form) if wants_json(request) else redirect("stakeholders:input", found.uid)
    data = form.cleaned_data
    try:
        saved = input_services.input_save(
            stakeholder_input=found, user=request.user, title=data["title"], text_ar=data["text_ar"],
            text_en=data["text_en"], original_language=data["original_language"],
            round_tables=list(data["round_tables"]), objectives=list(data["objectives"]),
            attribution=data["attribution"], base_version=data["version"])
    except NotAllowed as error:
        raise PermissionDenied(error.message) from error
    except EditConflict as conflict:
        if wants_json(request):
            stored = form_values(InputForm(instance=conflict.current, prefix="input"))
            return autosave_conflict(conflict, stored_values=stored)
        messages.error(request, conflict.message)
        return redirect("stakeholders:input", found.uid)
    if wants_json(request):
        return autosave_saved(saved)
    messages.success(request, _("Your input was saved."))
    return redirect("stakeholders:input", found.uid)


@login_required
@require_POST
def input_submit(request, uid):
    found = input_for(request, uid)
    try:
        input_services.input_submit(stakeholder_input=found, user=request.user)
    except NotAllowed as error:
        raise PermissionDenied(error.message) from error
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Your input was submitted to the regional review. Thank you."))
    return redirect("stakeholders:input", found.uid)


@login_required
@require_POST
@body_limit(lambda: settings.ATTACHMENT_MAX_BYTES, attachment_too_large_message)
def input_document_add(request, uid):
    found = input_for(request, uid)
    _draft_owner_check(request, found)
    form = AttachmentForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, " ".join(str(error) for errors in form.errors.values() for error in errors))
        return redirect("stakeholders:input", found.uid)
    try:
        input_services.input_document_add(stakeholder_input=found, user=request.user, file=form.cleaned_data["file"])
    except NotAllowed as error:
        raise PermissionDenied(error.message) from error
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The document was added."))
    return redirect("stakeholders:input", found.uid)


@login_required
def input_document(request, uid, document_uid):
    found = input_for(request, uid)
    document = get_object_or_404(found.documents, uid=document_uid)
    return FileResponse(document.file.open("rb"), as_attachment=True, filename=document.original_name,
                        content_type=document.content_type)


@login_required
@require_POST
def input_message(request, uid):
    found = input_for(request, uid)
    form = MessageForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(str(error) for errors in form.errors.values() for error in errors))
        return redirect("stakeholders:input", found.uid)
    try:
        input_services.input_message_add(stakeholder_input=found, user=request.user, body=form.cleaned_data["body"])
    except NotAllowed as error:
        raise PermissionDenied(error.message) from error
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Your message was added to the thread."))
    return redirect(f"{reverse('stakeholders:input', args=[found.uid])}#thread")
