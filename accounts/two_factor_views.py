"""The user's own two-factor pages: enrolment, recovery codes, and the code asked at login."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice

from accounts import two_factor
from accounts.forms import TwoFactorCodeForm
from reviews.services.errors import DomainError

# Recovery codes are shown once, on the page right after they are made, then forgotten.
_FRESH_CODES_SESSION_KEY = "two_factor_fresh_codes"


def _next_url(request) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    # A path of this site only: redirect() reads any other word as a view name and fails on a tampered one.
    if candidate.startswith("/") and url_has_allowed_host_and_scheme(candidate, allowed_hosts={request.get_host()},
                                       require_https=request.is_secure()):
        return candidate
    return ""


def _finish(request, device) -> None:
    otp_login(request, device)
    request.session[two_factor.STATE_SESSION_KEY] = two_factor.STATE_DONE


@login_required
def setup(request):
    """Turn on two-factor login (or move it to a new phone): scan, confirm with a code."""
    enabled = two_factor.two_factor_enabled(request.user)
    replacing = request.GET.get("new") == "1" or request.POST.get("new") == "1"
    if enabled and not replacing:
        return render(request, "accounts/two_factor_status.html", {
            "codes_left": two_factor.recovery_codes_left(request.user),
        })
    device = two_factor.totp_device_pending(user=request.user)
    form = TwoFactorCodeForm(request.POST or None, help_text=_("The six digits your app shows now."))
    if request.method == "POST" and form.is_valid():
        try:
            codes = two_factor.totp_device_confirm(user=request.user, device=device, code=form.cleaned_data["code"])
        except DomainError as error:
            form.add_error("code", error.message)
        else:
            _finish(request, device)
            request.session[_FRESH_CODES_SESSION_KEY] = codes
            messages.success(request, _("Two-factor login is on."))
            return redirect(_with_next("two_factor:recovery_codes", _next_url(request)))
    return render(request, "accounts/two_factor_setup.html", {
        "form": form, "qr_svg": two_factor.totp_qr_svg(device), "secret": two_factor.totp_secret_display(device),
        "replacing": enabled, "required": request.session.get(two_factor.STATE_SESSION_KEY) == two_factor.STATE_ENROL,
        "next": _next_url(request),
    })


def _with_next(view_name: str, next_url: str) -> str:
    url = reverse(view_name)
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


@login_required
def recovery_codes(request):
    """The fresh recovery codes, once; after that the page only offers to make new ones."""
    codes = request.session.pop(_FRESH_CODES_SESSION_KEY, None)
    return render(request, "accounts/two_factor_recovery_codes.html", {
        "codes": codes, "codes_left": two_factor.recovery_codes_left(request.user),
        "next": _next_url(request) or resolve_url(settings.LOGIN_REDIRECT_URL),
    })


@login_required
@require_POST
def recovery_codes_regenerate(request):
    try:
        request.session[_FRESH_CODES_SESSION_KEY] = two_factor.recovery_codes_regenerate(user=request.user)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("two_factor:setup")
    messages.success(request, _("New recovery codes were made. The old ones no longer work."))
    return redirect("two_factor:recovery_codes")


@login_required
def verify(request):
    """The second step of login: the password was right, now the code."""
    if not two_factor.two_factor_enabled(request.user):
        # Reset by an organiser since the password step: decide again what this session owes.
        two_factor.two_factor_state_store(request, request.user)
        return redirect(_next_url(request) or settings.LOGIN_REDIRECT_URL)
    form = TwoFactorCodeForm(request.POST or None, help_text=_(
        "The six digits your authenticator app shows, or one of your recovery codes."
    ))
    if request.method == "POST" and form.is_valid():
        try:
            device = two_factor.two_factor_verify(user=request.user, code=form.cleaned_data["code"])
        except DomainError as error:
            form.add_error("code", error.message)
        else:
            _finish(request, device)
            if isinstance(device, StaticDevice):
                messages.warning(request, _(
                    "You signed in with a recovery code. %(count)s codes are left: make new ones if you run low."
                ) % {"count": two_factor.recovery_codes_left(request.user)})
            return redirect(_next_url(request) or settings.LOGIN_REDIRECT_URL)
    return render(request, "registration/two_factor_verify.html", {"form": form, "next": _next_url(request)})
