"""The wording and link of notifications, rendered in the reader's language when shown or e-mailed."""

import logging
from urllib.parse import quote

from django.urls import NoReverseMatch, reverse
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from gcm_portal.validators import strip_bidi_controls
from reviews.models import Notification
from reviews.models.content import shown_html

logger = logging.getLogger(__name__)


def notification_text(notification: Notification, *, html: bool = False) -> str:
    """One sentence per kind, in the active language: the country's name and the actor's name in that
    language (the actor read from the user, so a name changed later reads as it is now). As `html`, the
    sentence is escaped and a name shown in the other language carries its `lang` and `dir`."""
    language = "ar" if (get_language() or "ar").startswith("ar") else "en"
    params = notification.params
    country = params.get(f"country_{language}", params.get("country_en", ""))
    actor = _actor(notification, language)
    if html:
        country = conditional_escape(country)
        actor = shown_html(actor, page_language=language)
    else:
        actor = actor["text"]
    values = {"country": country, "actor": actor, "days": params.get("days", "")}
    texts = {
        Notification.Kind.ASSIGNMENT: _("%(actor)s assigned you work on the review of %(country)s."),
        Notification.Kind.SUBMISSION: _("%(country)s submitted its review."),
        Notification.Kind.REVISION: _("The regional team asked for revisions of the review of %(country)s."),
        Notification.Kind.COMMENT: _("%(actor)s commented on the review of %(country)s."),
        Notification.Kind.ACCEPTANCE: _("The review of %(country)s was accepted."),
        Notification.Kind.REMINDER: ngettext(
            "%(days)s day is left to submit the review of %(country)s.",
            "%(days)s days are left to submit the review of %(country)s.", int(params.get("days") or 0)),
    }
    text = texts[notification.kind]
    return mark_safe(conditional_escape(text) % values) if html else text % values


def _actor(notification: Notification, language: str) -> dict:
    """The actor's name as shown text (see `text_in`): from the user, or from the name an older row kept.
    A name is the user's own text: direction controls and line breaks in it could reorder the sentence
    around it or pass for a line of the portal's own in an e-mail."""
    if notification.actor_id:
        shown = dict(notification.actor.name_in(language))
    else:
        name = str(notification.params.get("actor", ""))
        shown = {"text": name, "lang": language, "only_in": None}
    shown["text"] = " ".join(strip_bidi_controls(shown["text"]).split())
    return shown


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
