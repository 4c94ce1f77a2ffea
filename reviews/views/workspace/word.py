"""Word in, Word out: the blank template and a review as .docx, and a filled template imported through
an upload, a preview and a confirmation."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.http import content_disposition_header
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from reviews import forms, rules
from reviews.models import Download
from reviews.selectors import cycles_visible_to
from reviews.services.downloads import download_record
from reviews.services.errors import DomainError, NotAllowed
from reviews.views.workspace.common import review_for, workspace_context
from reviews.word import importing
from reviews.word.export import review_docx
from reviews.word.report import regional_report_docx
from reviews.word.template import DOCX_CONTENT_TYPE, template_docx_cached


def _language(request) -> str:
    return request.GET.get("lang") if request.GET.get("lang") in ("ar", "en") else request.LANGUAGE_CODE


def _docx(content: bytes, file_name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=DOCX_CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, file_name)
    return response


@login_required
@require_GET
def template_download(request, slug):
    """The cycle's blank guiding template: public knowledge to every user who sees the cycle."""
    cycle = get_object_or_404(cycles_visible_to(request.user), slug=slug)
    language = _language(request)
    return _docx(template_docx_cached(cycle=cycle, language=language), f"{cycle.slug}-template-{language}.docx")


@login_required
@require_GET
@never_cache  # a draft review is the country's: no shared cache may keep it
def review_download(request, uid):
    review = review_for(request, uid)
    language = _language(request)
    file_name = f"{review.cycle.slug}-{review.country.iso2.lower()}-review-{language}.docx"
    content = review_docx(review=review, language=language)
    download_record(user=request.user, cycle=review.cycle, kind=Download.Kind.WORD, file_name=file_name,
                    parameters={"country": review.country.iso2, "language": language})
    return _docx(content, file_name)


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
    upload = importing.word_import_start(review=review, user=request.user, content=form.content,
                                         file_name=form.file_name)
    return _preview(request, review, upload)


def _import_for(request, review, import_uid):
    return get_object_or_404(review.word_imports.filter(uploaded_by=request.user), uid=import_uid)


def _preview(request, review, upload, *, plan=None, done=False, status=200):
    context = workspace_context(request, review)
    try:
        plan = plan or importing.word_import_preview(word_import=upload, user=request.user)
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
        plan = importing.word_import_confirm(word_import=upload, user=request.user, replace=replace)
    except NotAllowed as error:
        raise PermissionDenied(error.message) from error
    except DomainError as error:
        return _import_page(request, review, refusal=error.message, status=409)
    return _preview(request, review, upload, plan=plan, done=True)


@login_required
@require_GET
@never_cache
def report_download(request, slug):
    """The regional report as Word, for the regional staff (with the submitted reviews: organisers only)."""
    include_submitted = request.GET.get("submitted") == "1"
    if not rules.can_request_report(request.user, include_submitted=include_submitted):
        raise PermissionDenied
    cycle = get_object_or_404(cycles_visible_to(request.user), slug=slug)
    language = _language(request)
    file_name = f"{cycle.slug}-regional-report-{language}.docx"
    content = regional_report_docx(cycle=cycle, user=request.user, language=language,
                                   include_submitted=include_submitted)
    download_record(user=request.user, cycle=cycle, kind=Download.Kind.WORD, file_name=file_name,
                    parameters={"language": language, "include_submitted": include_submitted})
    return _docx(content, file_name)
