"""Session rules that apply to every page: idle expiry and the second factor.

Both read only the session (already loaded to find the user), so an ordinary page costs
no extra query: the two-factor state is decided once at login (accounts.signals).
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import SESSION_KEY, logout
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from accounts import two_factor

LAST_ACTIVITY_SESSION_KEY = "last_activity"
# Write the time of the last request at most this often (seconds): a session write per page
# would cost a query on every request for one minute of precision we do not need.
ACTIVITY_GRANULARITY = 60


def activity_touch(request: HttpRequest) -> None:
    request.session[LAST_ACTIVITY_SESSION_KEY] = int(timezone.now().timestamp())


class IdleSessionMiddleware:
    """A signed-in session that has seen no request for SESSION_IDLE_TIMEOUT ends: the next
    request is anonymous and the login page says why. Closing the browser is not enough on a
    shared computer in a ministry, and the cookie's own age (hours) is too long for that."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        if SESSION_KEY in request.session:
            now = int(timezone.now().timestamp())
            last = request.session.get(LAST_ACTIVITY_SESSION_KEY)
            if last is not None and now - last > settings.SESSION_IDLE_TIMEOUT.total_seconds():
                logout(request)
                messages.info(request, _(
                    "You were signed out after %(minutes)s minutes without activity. Please sign in again."
                ) % {"minutes": int(settings.SESSION_IDLE_TIMEOUT.total_seconds() // 60)})
            elif last is None or now - last >= ACTIVITY_GRANULARITY:
                request.session[LAST_ACTIVITY_SESSION_KEY] = now
        return self.get_response(request)


# Pages a user who still owes a second factor may open: signing out, choosing a language
# and the step they owe. Static files, /healthz and /readyz never reach here signed in or not.
_ALWAYS_ALLOWED = {"logout", "set_language", "healthz", "readyz", "javascript-catalog"}
_ALLOWED_WHILE = {
    two_factor.STATE_VERIFY: {"two_factor:verify"},
    two_factor.STATE_ENROL: {"two_factor:setup"},
}
_TARGET = {two_factor.STATE_VERIFY: "two_factor:verify", two_factor.STATE_ENROL: "two_factor:setup"}


class TwoFactorMiddleware:
    """A user who has a second factor must give a code before anything else; a user whose role
    the organisers' policy covers and who has none must enrol before anything else."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        state = self._state(request)
        if state in _TARGET and not self._allowed(request, state):
            return self._redirect(request, state)
        return self.get_response(request)

    @staticmethod
    def _state(request: HttpRequest) -> str | None:
        if SESSION_KEY not in request.session:
            return None
        state = request.session.get(two_factor.STATE_SESSION_KEY)
        if state is None and request.user.is_authenticated:
            # A session from before two-factor login existed: decide now, once.
            two_factor.two_factor_state_store(request, request.user)
            state = request.session[two_factor.STATE_SESSION_KEY]
        return state

    @staticmethod
    def _allowed(request: HttpRequest, state: str) -> bool:
        if request.path_info.startswith("/" + settings.STATIC_URL.lstrip("/")):
            return True
        try:
            name = resolve(request.path_info).view_name
        except Resolver404:
            return False
        return name in _ALWAYS_ALLOWED or name in _ALLOWED_WHILE[state]

    @staticmethod
    def _redirect(request: HttpRequest, state: str) -> HttpResponseRedirect:
        url = reverse(_TARGET[state])
        if request.method == "GET":
            url += "?" + urlencode({"next": request.get_full_path()})
        return HttpResponseRedirect(url)
