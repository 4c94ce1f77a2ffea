"""Compiled pages kept whole in the shared cache for as long as what they show stays the same.

A compiled page (the dashboard, the objectives matrix, the answers side by side, the good-practice catalogue,
the regional figures) reads every review it compiles and renders them into hundreds of cells. Its content is
kept in the shared cache (the database's cache table by default, Redis with CACHE_URL: every process of every
server shares it) under a key naming everything the content shows:

- the page and its query string, the reader and the language, the day (what is late, what is due);
- the reference data's version, which every change to a reference list, a country, an organisation or a cycle
  moves (selectors/reference.py);
- each review the page reads, with its generation: the count of changes to the review and everything in it,
  kept by the database's own triggers on every write, whichever code writes (ReviewGeneration).

A change to any of these gives another key, so a kept page never shows data older than the database holds.
The page's frame (the reader's name, notifications, messages, the forms' CSRF tokens) is rendered for each
request; only the content between `{% cache kept.seconds <name> kept.key %}` and `{% endcache %}` is kept,
and the view hands it its data lazily, so a kept page reads none of it. Kept pages expire after
KEPT_SECONDS anyway, for what the key does not name (a colleague's name as the dashboard shows it).
"""

import functools
import hashlib
import json
import operator
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import get_language

from reviews.selectors.reference import reference_version

KEPT_SECONDS = 300


@dataclass(frozen=True)
class KeptPage:
    """What a template's `{% cache %}` tag needs: how long to keep the content, and the key naming it."""

    key: str
    seconds: int = KEPT_SECONDS


def kept_page(request, *reviews: QuerySet) -> KeptPage:
    """The key of the page `request` asks for, as it shows `reviews` (querysets of the reviews it reads,
    visible to the reader): one query for their generations."""
    generations = sorted(functools.reduce(operator.or_, reviews).order_by().values_list("pk", "generation__changes"))
    named = [request.get_full_path(), get_language(), request.user.pk, timezone.localdate().isoformat(),
             reference_version(), generations]
    return KeptPage(key=hashlib.sha256(json.dumps(named, default=str).encode()).hexdigest())
