"""Which address a login attempt comes from, for the lockout per address (django-axes)."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def client_ip(request: HttpRequest) -> str:
    """The client's address. Behind TRUSTED_PROXY_COUNT reverse proxies it is the entry that
    the outermost trusted proxy appended to X-Forwarded-For: entries further left are written
    by the client and could be forged to dodge the lockout or to lock somebody else out."""
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies > 0:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def lockout_response(request: HttpRequest, original_response=None, credentials=None) -> HttpResponse:
    """The page shown instead of the login form while a username or address is locked out:
    in the user's language, saying how long to wait, with status 429 (Too Many Requests)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "registration/lockout.html", {"minutes": minutes}, status=429)
