from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import selectors, services, two_factor
from accounts.forms import TwoFactorPolicyForm, UserForm
from accounts.models import Role
from reviews.services.errors import DomainError
from reviews.rules import can_manage_users
from reviews.selectors import users_visible_to


def _require_organiser(request):
    if not can_manage_users(request.user):
        raise PermissionDenied


@login_required
def user_list(request):
    _require_organiser(request)
    role = request.GET.get("role") or ""
    users = selectors.users_for_organiser(user=request.user, role=role)
    return render(request, "accounts/user_list.html", {
        "users": users, "role": role, "role_choices": Role.choices, "lockouts": selectors.lockouts_by_username(),
    })


@login_required
def user_create(request):
    _require_organiser(request)
    form = UserForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = services.user_create(
                username=data["username"], email=data["email"], name_ar=data["name_ar"],
                name_en=data["name_en"], role=data["role"], country=data["country"],
                organisation=data["organisation"], ministry_ar=data["ministry_ar"],
                ministry_en=data["ministry_en"], password=data["password"] or None,
                send_invitation=not data["password"], request=request,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The account %(username)s was created.") % {"username": user.username})
            return redirect("accounts:user_list")
    return render(request, "accounts/user_form.html", {"form": form, "creating": True})


@login_required
def user_edit(request, uid):
    _require_organiser(request)
    user = get_object_or_404(users_visible_to(request.user), uid=uid)
    initial = {
        "username": user.username, "email": user.email, "name_ar": user.name_ar,
        "name_en": user.name_en, "role": user.role, "country": user.country,
        "organisation": user.organisation, "ministry_ar": user.ministry_ar, "ministry_en": user.ministry_en,
    }
    form = UserForm(request.POST or None, initial=initial, editing=True)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.user_update(
                user=user, email=data["email"], name_ar=data["name_ar"], name_en=data["name_en"],
                role=data["role"], country=data["country"], organisation=data["organisation"],
                ministry_ar=data["ministry_ar"], ministry_en=data["ministry_en"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The account %(username)s was updated.") % {"username": user.username})
            return redirect("accounts:user_list")
    return render(request, "accounts/user_form.html", {
        "form": form, "edited_user": user, "has_two_factor": two_factor.two_factor_enabled(user),
        "lockout": selectors.user_lockout(user=user),
    })


@login_required
@require_POST
def user_toggle_active(request, uid):
    _require_organiser(request)
    user = get_object_or_404(users_visible_to(request.user), uid=uid)
    try:
        services.user_set_active(user=user, is_active=not user.is_active, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if user.is_active:
            messages.success(request, _("%(username)s can sign in again.") % {"username": user.username})
        else:
            messages.success(request, _("%(username)s was deactivated.") % {"username": user.username})
    return redirect("accounts:user_list")


@login_required
def security_settings(request):
    """Organisers decide which roles must sign in with a second factor, and see who changed what."""
    _require_organiser(request)
    policy = two_factor.two_factor_policy_get()
    form = TwoFactorPolicyForm(request.POST or None, initial={
        "require_reviewers": policy.require_reviewers, "require_organisers": policy.require_organisers,
        "require_country_teams": policy.require_country_teams,
    })
    if request.method == "POST" and form.is_valid():
        try:
            two_factor.two_factor_policy_update(actor=request.user, **form.cleaned_data)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The security settings were saved. They apply from each user's next login."))
            return redirect("accounts:security_settings")
    events = selectors.security_events_recent()
    return render(request, "accounts/security_settings.html", {"form": form, "policy": policy, "events": events})


@login_required
@require_POST
def two_factor_reset(request, uid):
    """A user lost their phone and their recovery codes: an organiser removes their second factor."""
    _require_organiser(request)
    user = get_object_or_404(users_visible_to(request.user), uid=uid)
    try:
        two_factor.two_factor_reset(user=user, actor=request.user)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Two-factor login of %(username)s was reset. They sign in with their password "
                                    "and set it up again.") % {"username": user.username})
    return redirect("accounts:user_edit", uid=user.uid)


@login_required
@require_POST
def lockout_reset(request, uid):
    """A user locked out by wrong passwords needs to sign in before the cool-off ends."""
    _require_organiser(request)
    user = get_object_or_404(users_visible_to(request.user), uid=uid)
    try:
        services.user_lockout_reset(user=user, actor=request.user)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("%(username)s was unlocked and can sign in again.") % {"username": user.username})
    return redirect("accounts:user_edit", uid=user.uid)
