"""Data exports of a cycle: a page to choose the format, and the download. Regional staff export
every review once submitted, a country team its own country: the selector decides, not the view."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.http import content_disposition_header
from django.views.decorators.cache import never_cache

from reviews import rules
from reviews.exports import FORMATS, export_file, export_filename
from reviews.forms import ExportForm
from reviews.models import Download
from reviews.selectors import cycles_visible_to
from reviews.selectors.exports import export_reviews
from reviews.services.downloads import download_record


def _cycle_for_export(request, slug):
    if not rules.can_export(request.user):
        raise PermissionDenied
    return get_object_or_404(cycles_visible_to(request.user), slug=slug)


def _page(request, cycle, form, *, status=200):
    reviews = export_reviews(user=request.user, cycle=cycle)
    return render(request, "reviews/regional/exports.html", {
        "cycle": cycle, "form": form, "review_count": reviews.count(),
        "is_country_team": request.user.is_country_team,
    }, status=status)


@login_required
def exports(request, slug):
    cycle = _cycle_for_export(request, slug)
    return _page(request, cycle, ExportForm(language=request.LANGUAGE_CODE))


@login_required
@never_cache  # the file holds unpublished reviews: no shared cache may keep it
def export_download(request, slug):
    cycle = _cycle_for_export(request, slug)
    form = ExportForm(request.GET, language=request.LANGUAGE_CODE)
    if not form.is_valid():
        return _page(request, cycle, form, status=400)
    file_format = form.cleaned_data["format"]
    content = export_file(user=request.user, cycle=cycle, file_format=file_format,
                          language=form.cleaned_data["language"], statuses=form.cleaned_data["status"],
                          with_previous=form.cleaned_data["previous"] == "1")
    file_name = export_filename(cycle=cycle, file_format=file_format)
    download_record(user=request.user, cycle=cycle, kind=Download.Kind.EXPORT, file_name=file_name,
                    parameters={"format": file_format, "language": form.cleaned_data["language"],
                                "status": form.cleaned_data["status"]})
    response = HttpResponse(content, content_type=FORMATS[file_format].content_type)
    response["Content-Disposition"] = content_disposition_header(True, file_name)
    return response
