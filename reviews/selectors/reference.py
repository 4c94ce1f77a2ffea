"""The reference lists (countries, objectives, principles, SDG targets, stakeholder categories, practice types
and criteria, suggested indicators, round tables) and the cycles' templates, read once per process rather
than once per page.

Each process keeps the rows it read, with the reference-data version they were read at. The version lives
in the shared cache (the database cache by default, Redis with CACHE_URL): any change to a reference row
sets a new one (`reference_changed`, called on every save and delete of these models, and by the loaders
that write in bulk), so every process of every server reads the lists again on its next request. A request
reads the version once; outside a request (a command, the report worker) each read checks it.

Names are translated fields (modeltranslation): a kept row shows its name in whatever language is active
when the page reads it, so one list serves both languages.
"""

import threading
import uuid
from collections import defaultdict

from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import connection, transaction
from django.db.models import prefetch_related_objects
from django.db.models.signals import post_delete, post_save

from reviews.models import (
    Country,
    GoodPracticeCriterion,
    GuidingPrinciple,
    GuidingPrompt,
    Objective,
    Organisation,
    PracticeType,
    ReviewCycle,
    RoundTable,
    SdgTarget,
    StakeholderCategory,
    SuggestedIndicator,
    TemplatePart,
)
from reviews.selectors.prefetched import as_prefetched

VERSION_KEY = "reference-data:version"

# The lists as every page reads them: the model's own ordering, and what showing a row needs joined in.
REFERENCE_QUERYSETS = {
    Country: lambda: Country.objects.order_by("iso2"),
    Objective: lambda: Objective.objects.select_related("round_table").order_by("number"),
    RoundTable: lambda: RoundTable.objects.order_by("number"),
    GuidingPrinciple: lambda: GuidingPrinciple.objects.all(),
    SdgTarget: lambda: SdgTarget.objects.all(),
    StakeholderCategory: lambda: StakeholderCategory.objects.all(),
    PracticeType: lambda: PracticeType.objects.all(),
    GoodPracticeCriterion: lambda: GoodPracticeCriterion.objects.all(),
    SuggestedIndicator: lambda: SuggestedIndicator.objects.all(),
}


class _Kept(threading.local):
    """This thread's lists, the version they were read at, and whether this request checked it already."""

    def __init__(self):
        self.version = None
        self.in_request = False
        self.checked = False
        self.rows: dict = {}


_kept = _Kept()


def reference_version() -> str:
    """The current reference-data version, set on first use."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def _new_version() -> None:
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)
    _kept.checked = False


def reference_changed(**_signal) -> None:
    """A reference row changed: every process reads the lists again. A signal receiver too.

    Set at once (this transaction's own reads see the change) and again once the transaction commits:
    a process that read the lists in between, before the change was visible to it, reads them again."""
    _new_version()
    transaction.on_commit(_new_version)


def _check_version() -> None:
    """Forget the kept lists when the version moved: checked once per request (at its first reference read),
    and at every read outside a request (a command, the report worker: one cache read each time)."""
    if _kept.checked:
        return
    version = reference_version()
    if version != _kept.version:
        _kept.rows = {}
        _kept.version = version
    _kept.checked = _kept.in_request


def reference_version_checked() -> str:
    """The version the kept lists are at, checked as a reference read checks it: in a request, one cache read
    for the key of a kept page (views/page_cache.py) and the lists the page reads."""
    _check_version()
    return _kept.version


def reference_kept(key, read):
    """What `read()` returns, kept in this process's memory under `key` while the reference data stays the
    same: for reference-like data read by many pages (a cycle's template, say)."""
    _check_version()
    if key not in _kept.rows:
        _kept.rows[key] = read()
    return _kept.rows[key]


def reference_rows(model) -> list:
    """The reference list of `model`, in its order, from this process's memory when still current."""
    return reference_kept(model, lambda: list(REFERENCE_QUERYSETS[model]()))


def reference_by_pk(model, needed=()) -> dict:
    """The reference list of `model` by primary key, with the `needed` ids a caller looks up: one added since
    the list was read (by this very request, or by a write that sent no signal) is read from the database."""
    kept = reference_kept(("by-pk", model), lambda: {row.pk: row for row in reference_rows(model)})
    missing = set(needed) - kept.keys() - {None}
    return {**kept, **model.objects.in_bulk(missing)} if missing else kept


def round_tables_with_objectives() -> list[RoundTable]:
    """The round tables in order, each with its objectives by number (`round_table.objectives.all()`), from the
    reference lists kept per process: no query while they stay the same. Shared: read them, never change them."""
    return reference_kept("round-tables-with-objectives", _round_tables_with_objectives)


def _round_tables_with_objectives() -> list[RoundTable]:
    objectives = defaultdict(list)
    for objective in reference_rows(Objective):  # by number
        objectives[objective.round_table_id].append(objective)
    round_tables = reference_rows(RoundTable)
    for round_table in round_tables:
        as_prefetched(round_table, "objectives", objectives[round_table.pk])
    return round_tables


def with_reference(rows: list, **models) -> list:
    """Each row's foreign keys `name=Model` to a reference list set from the list kept per process, as
    select_related would set them, without a join: `with_reference(sections, objective=Objective)`."""
    for name, model in models.items():
        found = reference_by_pk(model, needed={getattr(row, f"{name}_id") for row in rows})
        for row in rows:
            setattr(row, name, found.get(getattr(row, f"{name}_id")))
    return rows


def with_reference_relations(rows: list, *names: str) -> list:
    """The rows with their many-to-many relations `names` to reference lists (a row's SDG targets, a practice's
    criteria) taken from the lists kept per process: one query of the link table's ids per relation, instead of
    one that joins the reference table and builds its rows again. `row.<name>.all()` then reads them as after
    prefetch_related (a form's initial value, a row shown as text), in the reference list's order."""
    if not rows:
        return rows
    by_pk = {row.pk: row for row in rows}
    for name in names:
        field = type(rows[0])._meta.get_field(name)
        kept = reference_by_pk(field.related_model)
        place = {pk: number for number, pk in enumerate(kept)}
        links = _links(field, list(by_pk))
        if any(target_id not in kept for _row, target_id in links):  # added since the list was read
            prefetch_related_objects(rows, name)
            continue
        chosen = defaultdict(list)
        for row_id, target_id in sorted(links, key=lambda link: place[link[1]]):
            chosen[row_id].append(kept[target_id])
        for row in rows:
            as_prefetched(row, name, chosen[row.pk])
    return rows


def _links(field, ids: list) -> list[tuple[int, int]]:
    """(row id, reference row id) of the many-to-many `field` for the rows `ids`: the link table's two columns,
    in SQL written here from the model's names (the ORM took ten times as long to compile the same query, for
    each list of each page)."""
    through = field.remote_field.through._meta
    source = through.get_field(field.m2m_field_name()).column
    target = through.get_field(field.m2m_reverse_field_name()).column
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {quote(source)}, {quote(target)} FROM {quote(through.db_table)} "
                       f"WHERE {quote(source)} IN ({', '.join(['%s'] * len(ids))})", ids)
        return cursor.fetchall()


def request_begins(**_signal) -> None:
    """A request starts (a signal receiver): its first reference read checks the version."""
    _kept.in_request, _kept.checked = True, False


def request_ends(**_signal) -> None:
    """A request ends (a signal receiver): reads outside requests check the version each time."""
    _kept.in_request, _kept.checked = False, False


def connect_signals() -> None:
    """Called once, by the app's ready(): each change to a reference row moves the version."""
    request_started.connect(request_begins, dispatch_uid="reference-data-request")
    request_finished.connect(request_ends, dispatch_uid="reference-data-request")
    # Organisations and cycles are not kept here, but pages kept whole name them (views/page_cache.py).
    for model in [*REFERENCE_QUERYSETS, TemplatePart, GuidingPrompt, Organisation, ReviewCycle]:
        post_save.connect(reference_changed, sender=model, dispatch_uid=f"reference-save-{model.__name__}")
        post_delete.connect(reference_changed, sender=model, dispatch_uid=f"reference-delete-{model.__name__}")
