"""Related rows read by a query of our own, handed to the rows as prefetch_related would leave them."""


def as_prefetched(row, name: str, items: list) -> None:
    """`row.<name>.all()` gives `items` without a query, as after prefetch_related (django/db/models/query.py,
    prefetch_one_level): for relations read once for a whole page, or taken from a list kept per process."""
    queryset = getattr(row, name).get_queryset()
    queryset._result_cache, queryset._prefetch_done = items, True
    row.__dict__.setdefault("_prefetched_objects_cache", {})[name] = queryset
