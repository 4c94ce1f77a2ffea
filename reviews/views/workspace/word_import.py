"""A filled Word template imported into the review: an upload, a preview and a confirmation."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_POST

from reviews import forms, rules
from reviews.services.errors import DomainError, NotAllowed
from reviews.views.workspace.common import review_for, workspace_context
from reviews.word import import_writes, importing


def _import_page(request, review, *, form=None, refusal: str = "", status=200):
    context = workspace_context(request, review)
    context.update({"form": form or forms.WordImportForm(), "refusal": refusal})
    return render(request, "reviews/workspace/word_import.html", context, status=status)


def _may_import(request, review) -> str:
    """Why this user cannot import into this review ("" when they can); outsiders to the country get 403."""
    if not rules.is_country_team_of(request.user, review):
        raise PermissionDenied
    try:
        importing.import_check_allowed(review=review, user=request.user)
    except DomainError as error:
        return error.message
    return ""


@login_required
def word_import(request, uid):
    """Upload a filled template; the file is checked, kept, and its preview shown."""
    review = review_for(request, uid)
    refusal = _may_import(request, review)
    if request.method != "POST":
        return _import_page(request, review, refusal=refusal)
    if refusal:
        return _import_page(request, review, refusal=refusal, status=403)
    form = forms.WordImportForm(request.POST, request.FILES)
    if not form.is_valid():
        return _import_page(request, review, form=form, status=400)
    upload = import_writes.word_import_start(review=review, user=request.user, content=form.content,
                                         file_name=form.file_name)
    return _preview(request, review, upload)


def _import_for(request, review, import_uid):
    return get_object_or_404(review.word_imports.filter(uploaded_by=request.user), uid=import_uid)


def _preview(request, review, upload, *, plan=None, done=False, status=200):
    context = workspace_context(request, review)
    try:
        plan = plan or import_writes.word_import_preview(word_import=upload, user=request.user)
    except NotAllowed as error:
        raise PermissionDenied(error.message) from error
    except DomainError as error:
        return _import_page(request, review, refusal=error.message, status=409)
    context.update({"upload": upload, "plan": plan, "done": done})
    return render(request, "reviews/workspace/word_preview.html", context, status=status)


@login_required
def word_import_preview(request, uid, import_uid):
    review = review_for(request, uid)
    _may_import(request, review)
    return _preview(request, review, _import_for(request, review, import_uid))


@login_required
@require_POST
def word_import_apply(request, uid, import_uid):
    review = review_for(request, uid)
    refusal = _may_import(request, review)
    upload = _import_for(request, review, import_uid)
    if refusal:
        return _import_page(request, review, refusal=refusal, status=403)
    form = forms.WordApplyForm(request.POST, keys=[key for key, (_version, action) in upload.seen.items()
                                                   if action == importing.REPLACE])
    replace = set(form.cleaned_data["replace"]) if form.is_valid() else set()
    try:
        plan = import_writes.word_import_confirm(word_import=upload, user=request.user, replace=replace)
    except NotAllowed as error:
        raise PermissionDenied(error.message) from error
    except DomainError as error:
        return _import_page(request, review, refusal=error.message, status=409)
    return _preview(request, review, upload, plan=plan, done=True)

