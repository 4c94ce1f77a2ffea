"""Server time and SQL query count of the country workspace pages, with 1 and with 22 countries.

Prints numbers; it is not a test. A throw-away database (SQLite in a temporary directory, or a
PostgreSQL database created and dropped here) gets the reference data, the demo users and the
full demo content (`demo_load(full=True)`: the 22 countries' reviews, 3 to 23 objectives each; the
focal country's, Egypt's by default, complete and submitted). Scenario (a) keeps only the focal
country's review; scenario (b) refills the other 21.
The focal country's own review is the same rows in both, so any page whose query count differs
between (a) and (b) reads other countries' data: that must not happen.

Each page is measured twice: as the focal point sees the submitted review (read-only, what the
full demo leaves), and with the review in "revision requested" (editable: every row of every table
becomes a form, the costliest state of these pages).

    .venv/bin/python bench/workspace_pages.py
    .venv/bin/python bench/workspace_pages.py --database-url postgres://postgres@127.0.0.1:5432/gcm_bench
"""

import argparse
import contextlib
import math
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

BASE_DIR = Path(__file__).resolve().parent.parent
WARM_UPS = 3
SCENARIOS = [("a", "1 country with full content"), ("b", "22 countries with the full demo's content")]
STATES = [("read-only", "submitted"), ("editable", "revision_requested")]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=30, help="timed requests per page and state (default 30)")
    parser.add_argument("--database-url", default="",
                        help="PostgreSQL URL of a database to create, use and drop; default: SQLite in a tempdir")
    parser.add_argument("--country", default="EG", help="ISO2 code of the focal point's country (default EG)")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")

    with django_in_throwaway_database(prefix="gcm-bench-", database_url=args.database_url):
        return _scenarios(runs=args.runs, iso2=args.country.upper())


@contextlib.contextmanager
def django_in_throwaway_database(*, prefix: str, database_url: str = ""):
    """Django set up on a throw-away database: SQLite in a temporary directory, or the PostgreSQL database
    `database_url` created here; dropped and removed on the way out. The settings read the environment once,
    so everything is set before django.setup()."""
    var_dir = tempfile.mkdtemp(prefix=prefix)
    os.environ.update({
        "DJANGO_SETTINGS_MODULE": "gcm_portal.settings", "DEBUG": "1", "VAR_DIR": var_dir,
        "MEDIA_ROOT": str(Path(var_dir) / "media"), "ALLOWED_HOSTS": "testserver",
        # Submitting the demo reviews sends notifications: keep them off the console.
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
    })
    os.environ.pop("DATABASE_URL", None)
    if database_url:
        os.environ["DATABASE_URL"] = database_url
        postgres_database(database_url, create=True)
    sys.path.insert(0, str(BASE_DIR))
    try:
        import django

        django.setup()
        from django.db import connections

        try:
            yield
        finally:
            connections.close_all()  # before the PostgreSQL database is dropped
    finally:
        if database_url:
            postgres_database(database_url, create=False)
        shutil.rmtree(var_dir, ignore_errors=True)


def postgres_database(url: str, *, create: bool) -> None:
    """Drop (and create) the bench database, connected to the server's `postgres` database."""
    import psycopg2
    from psycopg2 import sql

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if parts.scheme not in ("postgres", "postgresql", "pgsql") or not name:
        sys.exit(f"--database-url must look like postgres://user@host:port/name, not {url!r}")
    connection = psycopg2.connect(dbname="postgres", user=parts.username, password=parts.password,
                                  host=parts.hostname, port=parts.port or 5432)
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
        if create:
            cursor.execute(sql.SQL("CREATE DATABASE {} ENCODING 'UTF8'").format(sql.Identifier(name)))
    connection.close()


def _scenarios(*, runs: int, iso2: str) -> int:
    import django
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from reviews.models import Answer, GoodPractice, Indicator, Review, ReviewObjective, ReviewVersion
    from reviews.demo.load import demo_load
    from reviews.demo.build import demo_content_load

    print(f"Country workspace pages: server time and SQL queries, as the focal point of {iso2}")
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    print(f"Python {platform.python_version()}, Django {django.get_version()}, {os.cpu_count()} CPUs "
          f"({platform.machine()} {platform.system()}), load average {load} at start")
    print(f"Database: {database_label(connection)}")
    print(f"{runs} timed requests per page and state, after {WARM_UPS} warm-ups; times in ms around "
          "django.test.Client.get (middleware, view, template), DEBUG=1")

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    cycle = demo_load(full=True)
    reviews = Review.objects.filter(cycle=cycle)
    focal = reviews.get(country__iso2=iso2)
    # Scenario (a): only the focal country. Versions protect their review, so they go first.
    others = reviews.exclude(pk=focal.pk)
    ReviewVersion.objects.filter(review__in=others).delete()
    others.delete()
    print(f"Data for (a) ready in {time.perf_counter() - started:.1f} s")

    client = Client()
    client.force_login(get_user_model().objects.get(username=f"fp-{iso2.lower()}"))
    pages = _pages(reverse, focal.uid)

    def content() -> str:
        counts = {
            "reviews": reviews.count(),
            "answers": Answer.objects.filter(review__cycle=cycle).count(),
            "reported objectives": ReviewObjective.objects.filter(review__cycle=cycle).count(),
            "good practices": GoodPractice.objects.filter(review_objective__review__cycle=cycle).count(),
            "indicators": Indicator.objects.filter(review_objective__review__cycle=cycle).count(),
        }
        return ", ".join(f"{value} {name}" for name, value in counts.items())

    results = {}
    for scenario, title in SCENARIOS:
        if scenario == "b":
            started = time.perf_counter()
            # Fills the 21 others; the focal review already has content and is left as it is.
            demo_content_load(cycle=cycle, full=True)
            print(f"\nData for (b) ready in {time.perf_counter() - started:.1f} s")
        analyze(connection)
        print(f"\n({scenario}) {title}: {content()}")
        for state, status in STATES:
            # The status is all these pages look at. The workflow services (take, request a revision,
            # submit again) would add versions and events to the focal review, which must hold the
            # same rows in (a) and (b).
            reviews.filter(pk=focal.pk).update(status=status)
            results[scenario, state] = _measure(client, pages, runs=runs, connection=connection)
        _print_times(results, scenario)
    return _print_comparison(results, [name for name, _url in pages])


def database_label(connection) -> str:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SHOW server_version")
            return f"PostgreSQL {cursor.fetchone()[0]}"
        if connection.vendor == "sqlite":
            cursor.execute("SELECT sqlite_version()")
            return f"SQLite {cursor.fetchone()[0]} (file in a temporary directory)"
    return connection.vendor


def analyze(connection) -> None:
    """PostgreSQL as autovacuum would leave it after a bulk load or delete; SQLite as a newcomer has it."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")


def _pages(reverse, uid) -> list[tuple[str, str]]:
    pages = [("overview", reverse("reviews:overview", args=[uid]))]
    pages += [(f"part {n}", reverse("reviews:part", args=[uid, n])) for n in range(1, 6)]
    pages += [
        ("objectives", reverse("reviews:objectives", args=[uid])),
        ("objective 6", reverse("reviews:objective", args=[uid, 6])),
        ("preview", reverse("reviews:preview", args=[uid])),
        ("submit check", reverse("reviews:submit", args=[uid])),
    ]
    return pages


def _measure(client, pages, *, runs: int, connection) -> dict[str, dict]:
    from django.db import reset_queries
    from django.test.utils import CaptureQueriesContext

    results = {}
    for name, url in pages:
        for _warm_up in range(WARM_UPS):
            _get(client, url)
        times, queries = [], set()
        for _run in range(runs):
            reset_queries()  # the capture stops the per-request reset, and DEBUG's query log keeps 9,000
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                _get(client, url)
                times.append((time.perf_counter() - started) * 1000)
            queries.add(len(captured))
        results[name] = {"times": times, "queries": queries}
    return results


def _get(client, url: str) -> None:
    response = client.get(url)
    if response.status_code != 200:
        raise SystemExit(f"GET {url} answered {response.status_code}, not 200")


def _p95(values: list[float]) -> float:
    """Nearest-rank 95th percentile: of 30 runs, the second slowest."""
    ordered = sorted(values)
    return ordered[math.ceil(0.95 * len(ordered)) - 1]


def _queries(counts: set[int]) -> str:
    """One number when every request made the same queries, else the range."""
    return str(min(counts)) if len(counts) == 1 else f"{min(counts)}-{max(counts)}"


def _print_times(results: dict, scenario: str) -> None:
    print(f"  {'':<14}" + "".join(f"{state + ' (' + status.replace('_', ' ') + ')':^32}" for state, status in STATES))
    print(f"  {'page':<14}" + f"{'median':>10}{'p95':>10}{'queries':>9}   " * len(STATES))
    for name in results[scenario, STATES[0][0]]:
        cells = []
        for state, _status in STATES:
            result = results[scenario, state][name]
            times = result["times"]
            cells.append(f"{statistics.median(times):>10.1f}{_p95(times):>10.1f}{_queries(result['queries']):>9}   ")
        print(f"  {name:<14}" + "".join(cells))


def _print_comparison(results: dict, names: list[str]) -> int:
    print("\nSQL queries per page: (a) 1 country vs (b) 22 countries")
    print(f"  {'':<14}" + "".join(f"{state:^18}" for state, _status in STATES))
    print(f"  {'page':<14}" + f"{'(a)':>6}{'(b)':>6}{'diff':>6}" * len(STATES))
    grew = []
    for name in names:
        cells = []
        for state, _status in STATES:
            qa, qb = results["a", state][name]["queries"], results["b", state][name]["queries"]
            diff = max(qb) - max(qa)
            cells.append(f"{_queries(qa):>6}{_queries(qb):>6}{diff:>+6}")
            if diff > 0 or len(qa) > 1 or len(qb) > 1:
                grew.append(f"{name} ({state})")
        print(f"  {name:<14}" + "".join(cells))
    if grew:
        print(f"\nFAIL: query count grew with other countries' data, or varied between requests: {', '.join(grew)}")
        return 1
    print("\nOK: no page's query count grew with other countries' data (same count in (a) and (b), every request).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
