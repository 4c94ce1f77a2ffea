"""The country team at work together: who works on what, the documents they share, and the
focal point's submission of the review."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from gcm_portal.middleware import body_limit
from reviews import forms, rules
from reviews.selectors import workspace as ws
from reviews.selectors.previous import carried_over_answers
from reviews.services import assignments as assignment_services
from reviews.services import attachments as attachment_services
from reviews.services import submission as submission_services
from reviews.services.errors import DomainError, NotAllowed
from reviews.views.http import uuid_or_none
from reviews.views.workspace.common import review_for, workspace_context


@login_required
def team(request, uid):
    review = review_for(request, uid)
    if not rules.is_country_team_of(request.user, review):
        raise PermissionDenied
    if request.method == "POST":
        if not rules.can_manage_assignments(request.user, review):
            raise PermissionDenied(_("Only the focal point assigns work to contributors."))
        contributor = get_object_or_404(ws.country_team_users(review),
                                        uid=uuid_or_none(request.POST.get("contributor")))
        form = forms.AssignmentForm(request.POST)
        if form.is_valid():
            try:
                assignment_services.assignments_set(
                    review=review, contributor=contributor, part_numbers=set(form.cleaned_data["parts"]),
                    objective_ids={o.pk for o in form.cleaned_data["objectives"]}, actor=request.user)
            except NotAllowed as error:
                raise PermissionDenied(error.message) from error
            messages.success(request, _("Assignments of %(name)s saved.") % {"name": contributor})
            return redirect("reviews:team", review.uid)
    context = workspace_context(request, review)
    context["members"] = ws.team_members(review)
    context["can_assign"] = rules.can_manage_assignments(request.user, review)
    return render(request, "reviews/workspace/team.html", context)


@login_required
@body_limit(lambda: settings.ATTACHMENT_MAX_BYTES, attachment_services.attachment_too_large_message)
def attachments(request, uid):
    review = review_for(request, uid)
    form = forms.AttachmentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            attachment_services.attachment_add(review=review, user=request.user, file=form.cleaned_data["file"],
                                               description=form.cleaned_data["description"])
        except NotAllowed as error:
            raise PermissionDenied(error.message) from error
        except DomainError as error:
            form.add_error("file", error.message)
        else:
            messages.success(request, _("The document was added."))
            return redirect("reviews:attachments", review.uid)
    context = workspace_context(request, review)
    context["form"] = form
    context["attachments"] = ws.review_attachments(review)
    context["can_upload"] = rules.can_upload(request.user, review)
    return render(request, "reviews/workspace/attachments.html", context)


@login_required
def attachment_download(request, uid, attachment_uid):
    review = review_for(request, uid)
    attachment = get_object_or_404(review.attachments, uid=attachment_uid)
    return FileResponse(attachment.file.open("rb"), as_attachment=True, filename=attachment.original_name,
                        content_type=attachment.content_type)


@login_required
def submit(request, uid):
    """The check page; submitting from it asks the focal point to confirm first."""
    review = review_for(request, uid)
    form = forms.SubmitForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if not rules.is_focal_point_of(request.user, review):
            # Who asks comes before the review's state: a reviewer must not be told "already submitted".
            raise PermissionDenied(_("Only the focal point submits the review."))
        if form.is_valid():
            try:
                version = submission_services.review_submit(review=review, user=request.user)
            except NotAllowed as error:
                raise PermissionDenied(error.message) from error
            except DomainError as error:
                messages.error(request, error.message)
            else:
                if version.is_late:
                    messages.warning(request, _("Your review was submitted after the deadline and is marked late."))
                messages.success(request, _("Your review was submitted. Thank you."))
                return redirect("reviews:overview", review.uid)
    context = workspace_context(request, review)
    context["form"] = form
    context["carried_over"] = carried_over_answers(review)
    return render(request, "reviews/workspace/submit.html", context)
