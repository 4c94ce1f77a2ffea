"""Word out: the cycle's blank guiding template, a review and the regional report as .docx downloads."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.http import content_disposition_header
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from reviews import rules
from reviews.models import Download
from reviews.selectors import cycles_visible_to, reviews_visible_to
from reviews.services.downloads import download_record
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
    review = get_object_or_404(reviews_visible_to(request.user), uid=uid)
    language = _language(request)
    file_name = f"{review.cycle.slug}-{review.country.iso2.lower()}-review-{language}.docx"
    content = review_docx(review=review, language=language)
    download_record(user=request.user, cycle=review.cycle, kind=Download.Kind.WORD, file_name=file_name,
                    parameters={"country": review.country.iso2, "language": language})
    return _docx(content, file_name)


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
