"""Server time and SQL query count of the search page, on the full demo and on a synthetic 10x.

Prints numbers; it is not a test. A throw-away database (SQLite in a temporary directory, or a
PostgreSQL database created and dropped here) gets the reference data, the demo users and the full
demo (`demo_load(full=True)`, 22 reviews), then the search index (`search_reindex`). Scenario (a)
measures that; scenario (b) copies the demo cycle's reviews with their answers, tables and comments
into nine more cycles (ten cycles, 220 reviews), rebuilds the index and measures again.

Each query is requested as the regional reviewer (who sees every submitted review) in Arabic, through
django.test.Client (middleware, view, selector, template); the query count must not grow with the data.

    .venv/bin/python bench/search.py
    .venv/bin/python bench/search.py --database-url postgres://postgres@127.0.0.1:5432/gcm_bench_search
"""

import argparse
import math
import os
import platform
import statistics
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from workspace_pages import database_label, django_in_throwaway_database  # noqa: E402  (the benches share them)

BASE_DIR = Path(__file__).resolve().parent.parent
WARM_UPS = 3
COPIES = 9  # with the demo's own cycle: ten cycles, 220 reviews
# Typical queries: one word in each language, a phrase, a word with a filter, a word found almost everywhere.
QUERIES = [
    ("one word (ar)", {"q": "التحويلات"}),
    ("one word (en)", {"q": "remittances"}),
    ("variant spelling (ar)", {"q": "المنزليين"}),
    ("phrase (en)", {"q": '"domestic workers"'}),
    ("phrase (ar)", {"q": '"العمال المنزليين"'}),
    ("word + country filter", {"q": "الهجرة", "country": "EG"}),
    ("word + objective filter", {"q": "migrants", "objective": "6"}),
    ("common word (ar), by objective", {"q": "الهجرة", "group": "objective"}),
    ("common word (en)", {"q": "migration"}),
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=30, help="timed requests per query (default 30)")
    parser.add_argument("--database-url", default="",
                        help="PostgreSQL URL of a database to create, use and drop; default: SQLite in a tempdir")
    args = parser.parse_args()
    with django_in_throwaway_database(prefix="gcm-bench-search-", database_url=args.database_url):
        return _bench(runs=args.runs)


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def _bench(*, runs: int) -> int:
    import django
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment
    from django.urls import reverse
    from django.utils import translation

    from reviews.demo.load import demo_load
    from reviews.models import Review, SearchDocument
    from reviews.services.search import search_reindex

    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    print(f"Search page: server time and SQL queries, as the regional reviewer, in Arabic")
    print(f"Python {platform.python_version()}, Django {django.get_version()}, {os.cpu_count()} CPUs, "
          f"load average {load} at start")
    print(f"Database: {database_label(connection)}")
    setup_test_environment()  # response.context, for the number of results
    call_command("migrate", verbosity=0)
    cycle = demo_load(full=True)
    client = Client()
    client.force_login(get_user_model().objects.get(username="reviewer-escwa"))
    with translation.override("ar"):
        url = reverse("reviews:search")
    counts = {}
    for scenario in ("a", "b"):
        if scenario == "b":
            started = time.perf_counter()
            _copy_cycles(cycle)
            print(f"\n(copied into {COPIES} more cycles in {time.perf_counter() - started:.1f} s)")
        started = time.perf_counter()
        documents = search_reindex()
        indexing = time.perf_counter() - started
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
        reviews = Review.objects.count()
        print(f"\n({scenario}) {reviews} reviews, {documents:,} search documents "
              f"(search_reindex {indexing:.1f} s); {runs} timed runs per query after {WARM_UPS} warm-ups")
        print(f"{'query':34} {'results':>8} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
        for label, params in QUERIES:
            for _ in range(WARM_UPS):
                client.get(url, params)
            times, queries = [], set()
            for _ in range(runs):
                with CaptureQueriesContext(connection) as captured:
                    started = time.perf_counter()
                    response = client.get(url, params)
                    times.append((time.perf_counter() - started) * 1000)
                queries.add(len(captured))
            assert response.status_code == 200, response.status_code
            total = response.context["results"].total
            counts.setdefault(label, {})[scenario] = queries
            shown = "-".join(str(n) for n in sorted(queries))
            print(f"{label:34} {total:>8} {statistics.median(times):>10.1f} {_percentile(times, 0.95):>8.1f} "
                  f"{shown:>8}")
    grew = [label for label, by in counts.items() if max(by["b"]) > max(by["a"])]
    print("\nOK: no query's count grew with the data" if not grew else f"\nFAIL: query counts grew: {grew}")
    return 1 if grew else 0


def _copy_cycles(cycle) -> None:
    """The demo cycle's reviews, answers, objectives, tables and comments, copied into COPIES new cycles
    (each with its own template, as cycle_create makes it). Many-to-many links are not copied."""
    from reviews.models import (
        Answer, Comment, Consultation, GoodPractice, GovernmentEntity, GuidingPrompt, Indicator, PlannedAction,
        Policy, Review, ReviewObjective,
    )
    from reviews.services.reference import cycle_create

    reviews = list(Review.objects.filter(cycle=cycle))
    for number in range(COPIES):
        copy = cycle_create(slug=f"synthetic-{number}", name_ar=f"دورة تجريبية {number}",
                            name_en=f"Synthetic cycle {number}")
        prompts = {(p.part.number, p.code): p.pk for p in GuidingPrompt.objects.filter(part__cycle=copy)
                   .select_related("part")}
        new_reviews = {}
        for review in reviews:
            old_pk = review.pk
            review.pk, review.uid, review.cycle = None, uuid.uuid4(), copy
            review.save()
            new_reviews[old_pk] = review.pk
            review.pk = old_pk
        for review in reviews:
            review.refresh_from_db()
        _copy(Answer.objects.filter(review__cycle=cycle).select_related("prompt__part"), new_reviews,
              prompt=lambda row: prompts[(row.prompt.part.number, row.prompt.code)])
        objectives = _copy(ReviewObjective.objects.filter(review__cycle=cycle), new_reviews)
        for model in (GovernmentEntity, Consultation, Policy, PlannedAction):
            _copy(model.objects.filter(review__cycle=cycle), new_reviews)
        for model in (GoodPractice, Indicator):
            _copy(model.objects.filter(review_objective__review__cycle=cycle), None,
                  review_objective=lambda row: objectives[row.review_objective_id])
        _copy(Comment.objects.filter(review__cycle=cycle, parent__isnull=True), new_reviews)


def _copy(queryset, new_reviews, **links) -> dict:
    """Bulk copies of the rows, with new ids; returns old pk -> new pk."""
    model = queryset.model
    rows = list(queryset)
    old = [row.pk for row in rows]
    for row in rows:
        row.pk = None
        if hasattr(row, "uid"):
            row.uid = uuid.uuid4()
        if new_reviews is not None:
            row.review_id = new_reviews[row.review_id]
        for name, link in links.items():
            setattr(row, f"{name}_id", link(row))
    created = model.objects.bulk_create(rows, batch_size=500)
    if created and created[0].pk is None:  # a database that returns no ids: read them back in order
        raise RuntimeError("bulk_create returned no primary keys")
    return dict(zip(old, (row.pk for row in created)))


if __name__ == "__main__":
    sys.exit(main())
