"""Searching everything a user may read: answers in both languages, table rows, the synthesis, comments.

Visibility comes from the same selectors as every page: the reviews the user sees (staff never see a
draft, a country team only its own country's reviews), comments as `comments_visible_to` allows them
(internal notes for the regional staff only), the synthesis for the regional staff only.

Matching: on PostgreSQL, full-text search on the stored tsvector (`arabic` or `english` stemming, so a
word is found under its clitics and suffixes), ranked by SearchRank; on SQLite, the small-scale path,
whole normalised words in the stored normalised text, unranked. Both fold the query with the same
normalisation as the index. A results page costs the same few queries whatever the data's size.
"""

import re
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import Case, F, FloatField, Q, QuerySet, Value, When
from django.utils.translation import gettext as _

from reviews import rules
from reviews.models import Comment, Country, Objective, SearchDocument
from reviews.models.search import TEXT_SEARCH_CONFIGURATIONS
from reviews.search.normalise import searchable
from reviews.search.snippets import snippet
from reviews.selectors.visibility import reviews_visible_to

QUERY_MAX = 200
PIECES_MAX = 8
GROUPS_PER_PAGE = 20
HITS_PER_GROUP = 5
GROUPINGS = ("country", "objective")
QUOTED = re.compile(r'"([^"]*)"|(\S+)')


@dataclass(frozen=True)
class SearchFilters:
    cycle: str = ""  # slug
    country: str = ""  # ISO2
    part: int | None = None
    objective: int | None = None
    round_table: int | None = None
    status: str = ""
    language: str = ""
    kind: str = ""


@dataclass
class SearchGroup:
    key: int | None
    label: str
    count: int
    hits: list = field(default_factory=list)


@dataclass
class SearchPage:
    pieces: list[str]
    groups: list[SearchGroup]
    total: int
    group_count: int
    page: Page | None


def query_pieces(query: str) -> list[str]:
    """The normalised words and "quoted phrases" of a query, at most PIECES_MAX, none empty."""
    pieces = []
    for phrase, word in QUOTED.findall(query[:QUERY_MAX]):
        piece = searchable(phrase or word)
        if piece and piece not in pieces:
            pieces.append(piece)
    return pieces[:PIECES_MAX]


def documents_visible_to(user) -> QuerySet[SearchDocument]:
    """The search documents of the texts the user may read."""
    reviews = reviews_visible_to(user).values("pk")
    if rules.can_follow_region(user):
        return SearchDocument.objects.filter(Q(review__in=reviews) | Q(kind=SearchDocument.Kind.SYNTHESIS))
    shared = ~Q(kind=SearchDocument.Kind.COMMENT) | Q(comment_visibility=Comment.Visibility.SHARED)
    return SearchDocument.objects.filter(Q(review__in=reviews) & shared)


def _filtered(documents: QuerySet, filters: SearchFilters) -> QuerySet:
    conditions = {
        "cycle__slug": filters.cycle, "country__iso2": filters.country.upper(), "part_number": filters.part,
        "objective__number": filters.objective, "round_table__number": filters.round_table,
        "review__status": filters.status, "language": filters.language, "kind": filters.kind,
    }
    return documents.filter(**{name: value for name, value in conditions.items() if value not in ("", None)})


def _matching(documents: QuerySet, pieces: list[str]) -> QuerySet:
    """The documents holding every piece, each with its `rank` (0 on SQLite)."""
    if connection.vendor == "postgresql":
        queries = {}
        for language, configuration in TEXT_SEARCH_CONFIGURATIONS.items():
            query = None
            for piece in pieces:
                part = SearchQuery(piece, config=configuration, search_type="phrase" if " " in piece else "plain")
                query = part if query is None else query & part
            queries[language] = query
        match = Q(language="ar", vector=queries["ar"]) | Q(language="en", vector=queries["en"])
        rank = Case(When(language="ar", then=SearchRank(F("vector"), queries["ar"])),
                    default=SearchRank(F("vector"), queries["en"]), output_field=FloatField())
        return documents.filter(match).annotate(rank=rank)
    for piece in pieces:
        documents = documents.filter(normalised__contains=f" {piece} ")
    return documents.annotate(rank=Value(0.0, output_field=FloatField()))


def search_documents(*, user, pieces: list[str], filters: SearchFilters = SearchFilters()) -> QuerySet:
    """The documents the user may read that hold every piece of the query (from `query_pieces`), with their
    `rank`, unordered."""
    return _matching(_filtered(documents_visible_to(user), filters), pieces)


def _labels(group_by: str, keys: list) -> dict:
    if group_by == "country":
        named = {pk: country.name for pk, country in Country.objects.in_bulk([k for k in keys if k]).items()}
        named[None] = _("Regional synthesis")
    else:
        named = {pk: str(objective) for pk, objective in Objective.objects.in_bulk([k for k in keys if k]).items()}
        named[None] = _("Not about one objective")
    return named


def search(*, user, query: str, filters: SearchFilters = SearchFilters(), group_by: str = "country",
           page: int = 1) -> SearchPage:
    """The results of `query` the user may read, grouped by country (or objective), groups ranked by their
    best match, GROUPS_PER_PAGE groups a page, each with its count and its HITS_PER_GROUP best hits."""
    pieces = query_pieces(query)
    group_by = group_by if group_by in GROUPINGS else "country"
    if not pieces:
        return SearchPage(pieces=[], groups=[], total=0, group_count=0, page=None)
    documents = search_documents(user=user, pieces=pieces, filters=filters)
    # Every match ranked once, as (group, rank, id): the groups' counts and order and each group's best hits
    # come from this one list, and only the hits shown are read whole. Ranking is the cost of a search.
    matches = sorted(documents.values_list(group_by, "rank", "pk"), key=lambda row: (-row[1], row[2]))
    ranked = _groups_ranked(matches)
    shown = Paginator(ranked, GROUPS_PER_PAGE).get_page(page)
    on_page = shown.object_list
    keys = [row["key"] for row in on_page]
    labels = _labels(group_by, keys)
    groups = {key: SearchGroup(key=key, label=labels.get(key, ""), count=row["count"])
              for key, row in zip(keys, on_page)}
    best = {key: [] for key in keys}
    for key, _rank, pk in matches:
        if key in best and len(best[key]) < HITS_PER_GROUP:
            best[key].append(pk)
    hits = SearchDocument.objects.filter(pk__in=[pk for pks in best.values() for pk in pks]).select_related(
        "cycle", "review", "country", "objective", "prompt", "chapter").in_bulk()
    for key, pks in best.items():
        for pk in pks:
            hit = hits[pk]
            hit.snippet = snippet(hit.text, pieces)
            groups[key].hits.append(hit)
    return SearchPage(pieces=pieces, groups=list(groups.values()), total=len(matches), group_count=len(ranked),
                      page=shown)


def _groups_ranked(matches: list[tuple]) -> list[dict]:
    """The groups of (group, rank, id) rows sorted best first: each group's count and best rank, the groups
    by their best match, then by key (no key last)."""
    groups: dict = {}
    for key, rank, _pk in matches:
        group = groups.setdefault(key, {"count": 0, "best": rank})
        group["count"] += 1
    ordered = sorted(groups.items(), key=lambda item: (-item[1]["best"], item[0] is None, item[0] or 0))
    return [{"key": key, **group} for key, group in ordered]
