"""Related rows read by a query of our own: handed to the rows as prefetch_related would leave them, or set on
them as select_related would."""

from accounts.models import User


def as_prefetched(row, name: str, items: list) -> None:
    """`row.<name>.all()` gives `items` without a query, as after prefetch_related (django/db/models/query.py,
    prefetch_one_level): for relations read once for a whole page, or taken from a list kept per process."""
    queryset = getattr(row, name).get_queryset()
    queryset._result_cache, queryset._prefetch_done = items, True
    row.__dict__.setdefault("_prefetched_objects_cache", {})[name] = queryset


def with_users(rows: list, *fields: str) -> list:
    """Each row's users named by `fields` (updated_by, translation_verified_by, ...), from one query of the
    users they name: joining the whole user row into a query, once per field, cost more to compile than this
    query to run."""
    ids = {getattr(row, f"{field}_id") for row in rows for field in fields} - {None}
    users = User.objects.in_bulk(ids) if ids else {}
    for row in rows:
        for field in fields:
            setattr(row, field, users.get(getattr(row, f"{field}_id")))
    return rows
