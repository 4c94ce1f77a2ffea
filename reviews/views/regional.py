"""Regional staff: the dashboard, workflow transitions, comments, versions, history, translations."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from reviews import forms, rules
from reviews.forms.fields import INTEGER_MAX
from reviews.models import Language, TranslationStatus
from reviews.selectors import answers_visible_to, changes_visible_to, cycles_visible_to, reviews_visible_to
from reviews.selectors.comments import comments_visible_to
from reviews.selectors.dashboard import DASHBOARD_SORTS, DASHBOARD_STATUSES, dashboard_rows
from reviews.selectors.notifications import notifications_recent
from reviews.selectors.translations import answers_for_translation, translation_country_reviews
from reviews.selectors.versions import review_events, review_versions, version_diff
from reviews.selectors.history import change_lines, version_lines
from reviews.services import comments as comment_services
from reviews.services import translations as translation_services
from reviews.services import workflow
from reviews.services.errors import DomainError, EditConflict, NotAllowed, RateLimited
from reviews.services.notifications import notification_mark_read
from reviews.views.http import (
    autosave_conflict, autosave_invalid, autosave_saved, query_int, reversed_for_each, shown_filters, uuid_or_none,
    wants_json,
)
from reviews.views.page_cache import generations_of, kept


def _back(request, fallback):
    """Back to the page the form was on: a path of this site only. redirect() would read any other word
    as a view name and fail on a tampered value."""
    target = request.POST.get("next", "")
    if target.startswith("/") and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return HttpResponseRedirect(target)
    return redirect(fallback)


def _form_errors(form) -> str:
    return " ".join(str(error) for errors in form.errors.values() for error in errors)


def _dashboard_cycle(request, slug):
    if not rules.can_follow_region(request.user):
        raise PermissionDenied
    return get_object_or_404(cycles_visible_to(request.user), slug=slug)


def _dashboard_shown(request, slug):
    """What the dashboard shows, for its key (views/page_cache.py): the cycle's reviews the reader sees."""
    return generations_of(reviews_visible_to(request.user).filter(cycle=_dashboard_cycle(request, slug)))


@login_required
@kept(_dashboard_shown)
def dashboard(request, slug):
    cycle = _dashboard_cycle(request, slug)
    filters = forms.DashboardFilterForm(request.GET).filters()
    rows = dashboard_rows(user=request.user, cycle=cycle, status=filters["status"], late_only=filters["late"],
                          sort=filters["sort"])
    urls = reversed_for_each("reviews:overview", [], [row.review.uid for row in rows if row.review])
    for row in rows:
        row.url = urls[row.review.uid] if row.review else ""
    return render(request, "reviews/regional/dashboard.html", {
        "cycle": cycle, "rows": rows, "status": filters["status"], "sort": filters["sort"], "late": filters["late"],
        "statuses": DASHBOARD_STATUSES,
        "sorts": DASHBOARD_SORTS,
    })


TRANSITIONS = {
    "take": lambda review, user, reason: workflow.review_take(review=review, reviewer=user),
    "request_revision": lambda review, user, reason: workflow.revision_request(review=review, reviewer=user,
                                                                             reason=reason),
    "accept": lambda review, user, reason: workflow.review_accept(review=review, reviewer=user),
    "reopen": lambda review, user, reason: workflow.review_reopen(review=review, organiser=user, reason=reason),
}


@login_required
@require_POST
def transition(request, uid, action):
    review = get_object_or_404(reviews_visible_to(request.user), uid=uid)
    if action not in TRANSITIONS:
        raise Http404
    form = forms.TransitionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _form_errors(form))
        return redirect("reviews:overview", review.uid)
    try:
        TRANSITIONS[action](review, request.user, form.cleaned_data["reason"])
    except NotAllowed as error:
        raise PermissionDenied(error.message) from error
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The review is now “%(status)s”.") % {"status": review.get_status_display()})
    return redirect("reviews:overview", review.uid)


@login_required
@require_POST
def comment_add(request, uid):
    review = get_object_or_404(reviews_visible_to(request.user), uid=uid)
    parent = None
    if request.POST.get("parent"):
        parent = get_object_or_404(comments_visible_to(request.user, review), uid=uuid_or_none(request.POST["parent"]))
    objective = request.POST.get("objective")
    try:
        # A tampered number reads as 0, which names no part or objective: the service refuses it with a message.
        comment_services.comment_add(
            review=review, author=request.user, anchor=request.POST.get("anchor", ""),
            part_number=query_int(request.POST, "part") or 0,
            objective_number=(query_int(request.POST, "objective") or 0) if objective else None,
            body=request.POST.get("body", ""), visibility=request.POST.get("visibility", ""),
            parent=parent,
        )
    except NotAllowed as error:
        raise PermissionDenied(error.message) from error
    except RateLimited as error:
        return render(request, "input_refused.html", {"message": error.message}, status=429)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Comment added."))
    return _back(request, reverse("reviews:overview", kwargs={"uid": review.uid}))


@login_required
@require_POST
def comment_resolve(request, uid, comment_uid):
    review = get_object_or_404(reviews_visible_to(request.user), uid=uid)
    comment = get_object_or_404(comments_visible_to(request.user, review), uid=comment_uid)
    try:
        comment_services.comment_set_resolved(comment=comment, user=request.user,
                                              resolved=request.POST.get("resolved") == "1")
    except NotAllowed as error:
        raise PermissionDenied(error.message) from error
    return _back(request, reverse("reviews:overview", kwargs={"uid": review.uid}))


@login_required
def versions(request, uid):
    review = get_object_or_404(reviews_visible_to(request.user), uid=uid)
    all_versions = list(review_versions(review))
    older = newer = None
    changes = []
    if len(all_versions) >= 2:
        by_number = {version.number: version for version in all_versions}
        older = _version_asked(request, "from", by_number, default=all_versions[-2])
        newer = _version_asked(request, "to", by_number, default=all_versions[-1])
        changes = version_diff(older, newer)
    events = review_events(review)
    return render(request, "reviews/regional/versions.html", {
        "review": review, "versions": all_versions, "older": older, "newer": newer, "changes": changes,
        "lines": version_lines(changes, review=review), "events": events,
    })


def _version_asked(request, name: str, by_number: dict, *, default):
    """The version a link names (?from=, ?to=), the default when it names none; 404 for one the review lacks."""
    if name not in request.GET:
        return default
    number = query_int(request.GET, name, min_value=1, max_value=INTEGER_MAX)
    if number not in by_number:
        raise Http404
    return by_number[number]


@login_required
def history(request, uid):
    """The audit trail of one place (an answer, a row) or of the whole review."""
    review = get_object_or_404(reviews_visible_to(request.user), uid=uid)
    anchor = request.GET.get("anchor", "")
    changes = changes_visible_to(request.user, review, anchor=anchor)
    page = Paginator(changes, 50).get_page(request.GET.get("page"))
    return render(request, "reviews/regional/history.html", {
        "review": review, "page": page, "anchor": anchor, "lines": change_lines(page.object_list, review=review),
    })


@login_required
def notifications(request):
    items = notifications_recent(user=request.user)
    response = render(request, "reviews/notifications.html", {"notifications": items})
    notification_mark_read(user=request.user)
    return response


@login_required
def translations(request, slug):
    cycle = get_object_or_404(cycles_visible_to(request.user), slug=slug)
    filters = forms.TranslationFilterForm(request.GET).filters()
    answers = answers_for_translation(user=request.user, cycle=cycle, country_iso2=filters["country"],
                                      part_number=filters["part"], status=filters["status"])
    page = Paginator(answers, 25).get_page(request.GET.get("page"))
    return render(request, "reviews/regional/translations.html", {
        "cycle": cycle, "page": page, "statuses": TranslationStatus.choices,
        "countries": translation_country_reviews(user=request.user, cycle=cycle),
        "filters": shown_filters(request.GET, ["country", "part", "status"]),
    })


@login_required
@require_POST
def translation_save(request, answer_uid):
    """Saved by the autosave script (JSON, 409 with the stored translation on a conflict), or by a
    plain form post without it (back to the page with a message)."""
    answer = get_object_or_404(answers_visible_to(request.user), uid=answer_uid)
    form = forms.TranslationForm(request.POST)
    if not form.is_valid():
        if wants_json(request):
            return autosave_invalid(form)
        messages.error(request, _form_errors(form))
        return _back(request, "/")
    try:
        translation_services.translation_save(answer=answer, user=request.user, text=form.cleaned_data["text"],
                                              verified=form.cleaned_data["verified"],
                                              base_version=form.cleaned_data["version"])
    except NotAllowed as error:
        raise PermissionDenied(error.message) from error
    except EditConflict as conflict:
        if wants_json(request):
            stored = conflict.current
            translated = stored.text_en if stored.original_language == Language.AR else stored.text_ar
            return autosave_conflict(conflict, stored_values={
                "text": translated, "verified": stored.translation_verified_at is not None})
        messages.error(request, conflict.message)
    else:
        if wants_json(request):
            return autosave_saved(answer)
        messages.success(request, _("Translation saved."))
    return _back(request, "/")
