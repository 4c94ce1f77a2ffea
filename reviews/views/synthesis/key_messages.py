"""The key-messages chapter's page: its ordered list of messages, each saving itself like an answer."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from reviews import rules
from reviews.forms import KeyMessageForm
from reviews.models import SynthesisChapter
from reviews.services import key_messages as key_message_services
from reviews.services.errors import DomainError, EditConflict
from reviews.views.http import autosave_conflict, autosave_invalid, autosave_saved, form_values, posted_version
from reviews.views.synthesis.common import chapter_for, editor_of, message_prefix, staff_check


def _key_messages_chapter(request, slug, uid) -> SynthesisChapter:
    current = chapter_for(request, slug, uid)
    if current.kind != SynthesisChapter.Kind.KEY_MESSAGES:
        raise Http404
    return current


def _message(current: SynthesisChapter, message_uid):
    return get_object_or_404(current.key_messages.select_related("chapter__cycle", "updated_by"), uid=message_uid)


@login_required
@require_POST
def key_message_add(request, slug, uid):
    staff_check(request)
    current = _key_messages_chapter(request, slug, uid)
    form = KeyMessageForm(request.POST, prefix="new")
    if not form.is_valid():
        messages.error(request, " ".join(str(error) for errors in form.errors.values() for error in errors))
        return redirect(f"{editor_of(current)}#key-messages")
    data = form.cleaned_data
    try:
        message = key_message_services.key_message_create(
            chapter=current, user=request.user, text_ar=data["text_ar"], text_en=data["text_en"],
            original_language=data["original_language"], objectives=list(data["objectives"]))
    except DomainError as error:
        messages.error(request, error.message)
        return redirect(f"{editor_of(current)}#key-messages")
    messages.success(request, _("Key message added."))
    return redirect(f"{editor_of(current)}#message-{message.uid}")


@login_required
@require_POST
def key_message_save(request, slug, uid, message_uid):
    """Autosave endpoint of one key message, the answers' contract (200, 409 with what is stored, 400)."""
    if not rules.can_follow_region(request.user):
        return JsonResponse({"ok": False, "message": _("Only the regional staff write the regional synthesis.")},
                            status=403)
    current = _key_messages_chapter(request, slug, uid)
    message = current.key_messages.filter(uid=message_uid).select_related("chapter").first()
    if message is None:
        return JsonResponse({"ok": False, "message": _("This key message has been deleted. Copy your text if you "
                                                       "need it, then reload the page.")}, status=404)
    prefix = message_prefix(message)
    form = KeyMessageForm(request.POST, prefix=prefix)
    if not form.is_valid():
        return autosave_invalid(form)
    data = form.cleaned_data
    try:
        saved = key_message_services.key_message_save(
            message=message, user=request.user, text_ar=data["text_ar"], text_en=data["text_en"],
            original_language=data["original_language"], objectives=list(data["objectives"]),
            base_version=data["version"])
    except EditConflict as conflict:
        stored = form_values(KeyMessageForm(instance=conflict.current, prefix=prefix))
        objectives = f"{prefix}-objectives"
        return autosave_conflict(conflict, stored_values={objectives: stored[objectives]})
    except DomainError as error:
        form.add_error(None, error.message)
        return autosave_invalid(form)
    return autosave_saved(saved)


@login_required
@require_POST
def key_message_move(request, slug, uid, message_uid):
    staff_check(request)
    current = _key_messages_chapter(request, slug, uid)
    message = _message(current, message_uid)
    try:
        key_message_services.key_message_move(message=message, user=request.user, up=request.POST.get("to") == "up",
                                            base_version=posted_version(request.POST))
    except DomainError as error:
        messages.error(request, error.message)
    return redirect(f"{editor_of(current)}#message-{message.uid}")


@login_required
@require_POST
def key_message_delete(request, slug, uid, message_uid):
    staff_check(request)
    current = _key_messages_chapter(request, slug, uid)
    message = _message(current, message_uid)
    try:
        key_message_services.key_message_delete(message=message, user=request.user,
                                              base_version=posted_version(request.POST))
    except DomainError as error:
        messages.error(request, error.message)
        return redirect(f"{editor_of(current)}#message-{message.uid}")
    messages.success(request, _("Key message deleted. Its text stays in the chapter's history."))
    return redirect(f"{editor_of(current)}#key-messages")
