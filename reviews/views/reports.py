"""Generated PDFs: the cycle's reports page for the regional staff, a country's review PDF, a build's
progress (a page and its JSON, polled by static/js/report_progress.js) and the download.

Every build is reached through reports_visible_to(user), which checks the review's visibility again
at each request: a build somebody else asked for is not a way around it.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from reviews import forms, rules
from reviews.models import Download, GeneratedReport
from reviews.selectors import current_cycle_visible_to, cycles_visible_to, reviews_visible_to
from reviews.selectors.reports import cycle_reports, downloads_visible_to, reports_visible_to
from reviews.services import reports as report_services
from reviews.services.downloads import download_record
from reviews.services.report_builds import reports_fail_dead
from reviews.services.errors import DomainError, NotAllowed, RateLimited

PHASES = {
    "gathering": gettext_lazy("Gathering the data"),
    "layout": gettext_lazy("Laying out the pages"),
    "writing": gettext_lazy("Writing the PDF file"),
}


def _report_for(request, report_uid) -> GeneratedReport:
    return get_object_or_404(reports_visible_to(request.user), uid=report_uid)


def _builds_paused(request, error: RateLimited, *, back_url: str):
    """429: the user started too many builds in the last minute; the message says to wait."""
    response = render(request, "reviews/reports/builds_paused.html", {"message": error.message, "back_url": back_url},
                      status=429)
    response["Retry-After"] = "60"
    return response


def _reused_message(request, report: GeneratedReport) -> None:
    if report.status == GeneratedReport.Status.DONE:
        messages.info(request, _("The data has not changed since this report was built: here it is."))
    else:
        # Said once and still true once the build is done: the state shown below, not this message, follows it.
        messages.success(request, _("The report was requested: its state is shown below."))


@login_required
def reports(request, slug):
    if not rules.can_request_report(request.user):
        raise PermissionDenied
    cycle = get_object_or_404(cycles_visible_to(request.user), slug=slug)
    form = forms.ReportRequestForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            report = report_services.report_request(cycle=cycle, user=request.user,
                                                    languages=form.cleaned_data["languages"],
                                                    include_submitted=form.cleaned_data.get("include_submitted", False),
                                                    force=form.cleaned_data["force"],
                                                    kind=form.cleaned_data["kind"])
        except NotAllowed as error:
            raise PermissionDenied(error.message) from error
        except RateLimited as error:
            return _builds_paused(request, error, back_url=reverse("reviews:reports", args=[cycle.slug]))
        except DomainError as error:
            messages.error(request, error.message)
        else:
            _reused_message(request, report)
            return redirect("reviews:reports", cycle.slug)
    return render(request, "reviews/reports/reports.html", {
        "cycle": cycle, "form": form, "reports": cycle_reports(user=request.user, cycle=cycle)[:50],
        "may_see_downloads": rules.can_see_downloads(request.user),
    })


@login_required
def reports_current(request):
    """The navigation's "Reports": the open cycle's page (the latest cycle when none is open)."""
    if not rules.can_request_report(request.user):
        raise PermissionDenied
    cycle = current_cycle_visible_to(request.user)
    if cycle is None:
        raise Http404("No cycle yet.")
    return redirect("reviews:reports", cycle.slug)


@login_required
@require_POST
def review_pdf(request, uid):
    review = get_object_or_404(reviews_visible_to(request.user), uid=uid)
    languages = request.POST.get("languages", GeneratedReport.Languages.BOTH)
    try:
        report = report_services.country_report_request(review=review, user=request.user, languages=languages,
                                                        force=request.POST.get("force") == "1")
    except NotAllowed as error:
        raise PermissionDenied(error.message) from error
    except RateLimited as error:
        return _builds_paused(request, error, back_url=reverse("reviews:overview", args=[review.uid]))
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("reviews:overview", review.uid)
    _reused_message(request, report)
    return redirect("reviews:report", report.uid)


@login_required
def report(request, report_uid):
    reports_fail_dead()  # a build whose worker died shows as failed, with the way to ask again
    return render(request, "reviews/reports/report.html", {"report": _report_for(request, report_uid)})


def report_state(report: GeneratedReport) -> dict:
    """What the progress script shows, in the user's language."""
    done = report.status == GeneratedReport.Status.DONE
    return {
        "status": report.status,
        "status_label": report.get_status_display(),
        "phase": report.phase,
        "phase_label": str(PHASES.get(report.phase, "")),
        "pages_done": report.pages_done,
        "finished": report.is_finished,
        "download_url": reverse("reviews:report_download", args=[report.uid]) if done else "",
        "finished_at": formats.date_format(timezone.localtime(report.finished_at), "SHORT_DATETIME_FORMAT")
        if report.finished_at else "",
    }


@login_required
@never_cache
def report_status(request, report_uid):
    reports_fail_dead()
    return JsonResponse(report_state(_report_for(request, report_uid)))


@login_required
@never_cache  # the file may hold reviews not yet published: no shared cache may keep it
def report_download(request, report_uid):
    report = _report_for(request, report_uid)
    if report.status != GeneratedReport.Status.DONE or not report.file:
        raise Http404("The report is not ready.")
    download_record(user=request.user, cycle=report.cycle, kind=Download.Kind.REPORT, report=report,
                    file_name=report.download_name(),
                    parameters={"kind": report.kind, "languages": report.languages,
                                "include_submitted": report.include_submitted,
                                "country": report.review.country.iso2 if report.review else None,
                                "data_version": report.data_version})
    return FileResponse(report.file.open("rb"), as_attachment=True, filename=report.download_name(),
                        content_type="application/pdf")


@login_required
def downloads(request, slug):
    """Who downloaded which report or export of a cycle, for the organisers who answer for it."""
    if not rules.can_see_downloads(request.user):
        raise PermissionDenied
    cycle = get_object_or_404(cycles_visible_to(request.user), slug=slug)
    page = Paginator(downloads_visible_to(request.user, cycle=cycle), 50).get_page(request.GET.get("page"))
    return render(request, "reviews/reports/downloads.html", {"cycle": cycle, "page": page})
