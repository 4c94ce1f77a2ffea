"""The wording and link of notifications, rendered in the reader's language when shown or e-mailed."""

import logging
from urllib.parse import quote

from django.urls import NoReverseMatch, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from gcm_portal.validators import strip_bidi_controls
from reviews.models import Notification

logger = logging.getLogger(__name__)


def notification_text(kind: str, params: dict) -> str:
    """One sentence per kind. Params hold names in both languages, so each reader gets their own."""

    language = "ar" if (get_language() or "ar").startswith("ar") else "en"
    country = params.get(f"country_{language}", params.get("country_en", ""))
    # A name is the user's own text: direction controls in it could reorder the sentence around it.
    actor = strip_bidi_controls(str(params.get("actor", "")))
    values = {"country": country, "actor": actor, "days": params.get("days", "")}
    texts = {
        Notification.Kind.ASSIGNMENT: _("%(actor)s assigned you work on the review of %(country)s."),
        Notification.Kind.SUBMISSION: _("%(country)s submitted its review."),
        Notification.Kind.REVISION: _("The regional team asked for revisions of the review of %(country)s."),
        Notification.Kind.COMMENT: _("%(actor)s commented on the review of %(country)s."),
        Notification.Kind.ACCEPTANCE: _("The review of %(country)s was accepted."),
        Notification.Kind.REMINDER: _("%(days)s days are left to submit the review of %(country)s."),
    }
    return texts[kind] % values


def notification_link(notification: Notification) -> str:
    """The path the notification leads to, in the active language; "" when it has no link.

    A row written before a route was renamed keeps its text and loses only its link: the list of
    notifications must not fail on it. New rows cannot carry such a route (`notify` reverses it first).
    """
    if not notification.route:
        return ""
    try:
        return route_link(notification.route, notification.route_kwargs, notification.fragment)
    except NoReverseMatch:
        logger.warning("Notification %s links to a route that no longer exists: %s", notification.uid,
                       notification.route)
        return ""


def route_link(route: str, route_kwargs: dict, fragment: str = "") -> str:
    """A route's path in the active language, with its fragment percent-encoded: a fragment is made
    from stored names, and nothing in it may break out of the link (a space, a newline) in an e-mail."""
    path = reverse(route, kwargs=route_kwargs)
    return f"{path}#{quote(fragment, safe=':')}" if fragment else path
