"""Pages kept whole in the shared cache for as long as everything they show stays the same.

The workspace pages and the compiled pages (the dashboard, the objectives matrix, the answers side by side, the
good-practice catalogue, the regional figures) read a review or every review of a cycle and render them into
hundreds of fields and cells. Such a page, asked for again, comes from the shared cache of pages (a table of its
own by default, Redis with PAGE_CACHE_URL: every process of every server shares it, and making room in it never
drops a rate limit's counter), under a key naming everything the page shows:

- the address with its query string, and the language;
- the reader: who they are, their role and country (what they may see and change), the unread notifications the
  navigation counts, and the secret behind their forms' CSRF tokens (a kept form stays valid for its reader);
- the day (what is late, what is due), and the reference data's version, which every change to a reference
  list, a country, an organisation or a cycle moves (selectors/reference.py);
- each review the page shows, as the reader's visible queryset finds it, with its generation: the count of
  changes to the review and to everything in it, kept by the database's triggers on every write, whichever
  code writes (ReviewGeneration).

A change to any of these gives another key: a kept page is never older than the database. What the key does not
name (a colleague's name as a page shows it) is current again after KEPT_SECONDS. Only a GET answered 200 is
kept; a page with a message to show (after a save, say) is built afresh, as is every POST.
"""

import functools
import hashlib
import json
import operator

from django.contrib import messages
from django.core.cache import caches
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.translation import get_language

from reviews.selectors.notifications import unread_count
from reviews.selectors.reference import reference_version_checked

KEPT_SECONDS = 300


def generations_of(*reviews) -> list[tuple]:
    """(id, generation) of each review of `reviews`, querysets from the reader's visible queryset: one query."""
    return list(functools.reduce(operator.or_, reviews).order_by().values_list("pk", "generation__changes"))


def kept_page_key(request, generations) -> str:
    """The key of the page `request` asks for, as it shows the reviews of `generations` ((id, generation) pairs,
    of reviews from the reader's visible queryset): one query, the reader's unread notifications."""
    user = request.user
    generations = sorted(generations)
    get_token(request)  # the reader's CSRF secret, made now if they have none yet
    # Counted once: the navigation of a page built now shows this count (reviews/context_processors.py)
    request.unread_notifications = unread_count(user)
    named = [request.get_full_path(), get_language(), user.pk, user.role, user.country_id,
             request.unread_notifications,
             hashlib.sha256(request.META["CSRF_COOKIE"].encode()).hexdigest(), timezone.localdate().isoformat(),
             reference_version_checked(), generations]
    return "kept-page:" + hashlib.sha256(json.dumps(named, default=str).encode()).hexdigest()


def kept(generations):
    """Decorator of a view whose page is kept (see above); `generations(request, **kwargs)` gives the (id,
    generation) of each review the page shows, visible to the reader (generations_of; it may refuse, as the view
    would, by raising)."""
    def decorator(view):
        @functools.wraps(view)
        def kept_view(request, *args, **kwargs):
            if request.method != "GET" or len(messages.get_messages(request)):
                return view(request, *args, **kwargs)
            key = kept_page_key(request, generations(request, *args, **kwargs))
            body = caches["pages"].get(key)
            if body is not None:
                return HttpResponse(body)
            response = view(request, *args, **kwargs)
            if response.status_code == 200 and not response.streaming:
                caches["pages"].set(key, response.content, KEPT_SECONDS)
            return response
        return kept_view
    return decorator
