"""Hooks into Django's own login. Every way in (the login page, the admin's login, a test's
force_login) goes through django.contrib.auth.login, so this is the one place that sees them all."""

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from accounts.middleware import activity_touch
from accounts.two_factor import two_factor_state_store


@receiver(user_logged_in, dispatch_uid="accounts_session_start")
def session_start(sender, request, user, **kwargs):
    if request is None or not hasattr(request, "session"):
        return
    activity_touch(request)
    two_factor_state_store(request, user)
