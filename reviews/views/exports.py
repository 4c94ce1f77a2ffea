"""Data exports of a cycle: a page to choose the format, and the download. Regional staff export
every review once submitted, a country team its own country: the selector decides, not the view."""

from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from reviews import rules
from reviews.exports import FORMATS, export_file, export_filename
from reviews.models import Download, Review
from reviews.selectors import cycles_visible_to
from reviews.selectors.exports import export_reviews
from reviews.services.downloads import download_record


CHECK = {"class": "form-check-input"}
FORMAT_CHOICES = [
    ("xlsx", _("Excel workbook (XLSX), one sheet per table")),
    ("csv", _("CSV files in a zip, one per table")),
    ("json", _("JSON, with codes rather than labels")),
]


class ExportForm(forms.Form):
    """Read from the query string; a missing format or language takes the default.
    (Kept beside its only view while forms.py is being edited by others; it belongs there.)"""

    format = forms.ChoiceField(label=_("File format"), required=False, widget=forms.RadioSelect(attrs=CHECK),
                               choices=FORMAT_CHOICES)
    language = forms.ChoiceField(label=_("Language of headings and labels"), required=False,
                                 widget=forms.RadioSelect(attrs=CHECK), choices=settings.LANGUAGES)
    status = forms.MultipleChoiceField(label=_("Only reviews in these statuses"), required=False,
                                       widget=forms.CheckboxSelectMultiple(attrs=CHECK),
                                       choices=Review.Status.choices)

    def __init__(self, *args, language: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.default_language = language
        self.fields["format"].initial = "xlsx"
        self.fields["language"].initial = language

    def clean_format(self) -> str:
        return self.cleaned_data["format"] or "xlsx"

    def clean_language(self) -> str:
        return self.cleaned_data["language"] or self.default_language


def _may_export(user) -> bool:
    # Who may export is who may see reviews; rules.py would hold this once it is free to edit.
    return rules.can_follow_region(user) or (user.is_active and user.is_country_team)


def _cycle_for_export(request, slug):
    if not _may_export(request.user):
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
                          language=form.cleaned_data["language"], statuses=form.cleaned_data["status"])
    file_name = export_filename(cycle=cycle, file_format=file_format)
    download_record(user=request.user, cycle=cycle, kind=Download.Kind.EXPORT, file_name=file_name,
                    parameters={"format": file_format, "language": form.cleaned_data["language"],
                                "status": form.cleaned_data["status"]})
    response = HttpResponse(content, content_type=FORMATS[file_format].content_type)
    response["Content-Disposition"] = content_disposition_header(True, file_name)
    return response
