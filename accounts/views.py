from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import services
from accounts.forms import UserForm
from accounts.models import Role
from reviews.rules import can_manage_users
from reviews.selectors import users_visible_to


def _require_organiser(request):
    if not can_manage_users(request.user):
        raise PermissionDenied


@login_required
def user_list(request):
    _require_organiser(request)
    users = users_visible_to(request.user)
    role = request.GET.get("role")
    if role:
        users = users.filter(role=role)
    return render(request, "accounts/user_list.html", {"users": users, "role": role, "role_choices": Role.choices})


@login_required
def user_create(request):
    _require_organiser(request)
    form = UserForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = services.user_create(
                username=data["username"], email=data["email"], first_name=data["first_name"],
                last_name=data["last_name"], role=data["role"], country=data["country"],
                organisation=data["organisation"], ministry=data["ministry"], password=data["password"] or None,
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
        "username": user.username, "email": user.email, "first_name": user.first_name,
        "last_name": user.last_name, "role": user.role, "country": user.country,
        "organisation": user.organisation, "ministry": user.ministry,
    }
    form = UserForm(request.POST or None, initial=initial, editing=True)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.user_update(
                user=user, email=data["email"], first_name=data["first_name"], last_name=data["last_name"],
                role=data["role"], country=data["country"], organisation=data["organisation"],
                ministry=data["ministry"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The account %(username)s was updated.") % {"username": user.username})
            return redirect("accounts:user_list")
    return render(request, "accounts/user_form.html", {"form": form, "edited_user": user})


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
