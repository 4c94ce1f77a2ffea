"""Every page's server time as a share of the site's simplest page, with its queries and HTML weight.

Prints numbers; it is not a test. A throw-away database (SQLite in a temporary directory, or a PostgreSQL
database created and dropped here, as bench/workspace_pages.py does) gets the full demo (22 countries).
The focal country's review (Egypt's by default) is put in "revision requested", so its pages are forms,
their costliest state. The floor is the password-change page (a small form inside the full layout),
measured in the same run, in turn with the others, so the machine's load weighs on both alike.

Pages kept whole in the cache (reviews/views/page_cache.py) are measured twice: built (each timed request
carries a query parameter of its own, so its key is new and the page is built, as after any change) and kept
(the same address again). For each page: the median server time in ms (Django's test client: middleware,
view, templates) built and kept, each with the ratio floor ÷ page (1.00: as light as the floor; the goal, at
least 0.25, is checked on the built page), the same ratio of the process's CPU time for the built page (steadier
when other work shares the machine; with SQLite it includes the queries), the SQL queries built and kept, the
HTML size and its gzip size.

    .venv/bin/python bench/page_speed.py [--runs 20] [--database-url postgres://postgres@127.0.0.1:5432/gcm_bench]
"""

import argparse
import gzip
import os
import statistics
import sys
import time
import warnings
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
sys.path.insert(0, str(BASE_DIR / "bench"))

from workspace_pages import analyze, database_label, django_in_throwaway_database  # noqa: E402

FLOOR = "password change (floor)"
warnings.filterwarnings("ignore", "No directory at", UserWarning)  # WhiteNoise without DEBUG: no static files here
GOAL = 0.25
WARM_UPS = 3


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=20, help="timed requests per page (default 20)")
    parser.add_argument("--database-url", default="",
                        help="PostgreSQL URL of a database to create, use and drop; default: SQLite in a tempdir")
    parser.add_argument("--country", default="EG", help="ISO2 code of the focal point's country (default EG)")
    parser.add_argument("--only", default="", help="measure only the pages whose name contains this text")
    parser.add_argument("--profile", action="store_true",
                        help="after the table, print cProfile's costliest functions for each page measured")
    args = parser.parse_args()
    with django_in_throwaway_database(prefix="gcm-speed-", database_url=args.database_url):
        return _bench(runs=args.runs, iso2=args.country.upper(), only=args.only, profile=args.profile)


def _pages(*, review, cycle, chapter_uid, iso2: str) -> list[tuple[str, str, str]]:
    """(name, who, path): "fp" is the focal point, "staff" a regional reviewer."""
    from django.urls import reverse

    uid, slug = review.uid, cycle.slug
    return [
        (FLOOR, "fp", reverse("password_change")),
        ("overview", "fp", reverse("reviews:overview", args=[uid])),
        ("part 1 (editable)", "fp", reverse("reviews:part", args=[uid, 1])),
        ("part 2 (editable)", "fp", reverse("reviews:part", args=[uid, 2])),
        ("part 4 (editable)", "fp", reverse("reviews:part", args=[uid, 4])),
        ("objectives list", "fp", reverse("reviews:objectives", args=[uid])),
        ("objective 6 (editable)", "fp", reverse("reviews:objective", args=[uid, 6])),
        ("dashboard", "staff", reverse("reviews:dashboard", args=[slug])),
        ("objectives matrix", "staff", reverse("reviews:matrix", args=[slug])),
        ("compilations (objective 6)", "staff", reverse("reviews:compilations", args=[slug]) + "?objective=6"),
        ("good practices", "staff", reverse("reviews:practices", args=[slug])),
        ("figures", "staff", reverse("reviews:figures", args=[slug])),
        ("synthesis chapter", "staff", reverse("reviews:synthesis_chapter", args=[slug, chapter_uid])),
        ("practices to feature", "staff", reverse("reviews:synthesis_practices", args=[slug, chapter_uid])),
        ("translations", "fp", reverse("reviews:translations", args=[slug])),
        (f"a country's review ({iso2}, staff)", "staff", reverse("reviews:overview", args=[uid])),
    ]


def _bench(*, runs: int, iso2: str, only: str, profile: bool) -> int:
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from reviews.demo.load import demo_load
    from reviews.models import Review, SynthesisChapter

    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    print(f"Page speed against the floor ({FLOOR}), {os.cpu_count()} CPUs, load average {load} at start")
    print(f"Database: {database_label(connection)}; {runs} timed requests per page after {WARM_UPS} warm-ups, "
          "taken in turn page by page")
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    cycle = demo_load(full=True)
    review = Review.objects.get(cycle=cycle, country__iso2=iso2)
    Review.objects.filter(pk=review.pk).update(status=Review.Status.REVISION_REQUESTED)
    chapter = SynthesisChapter.objects.filter(cycle=cycle, kind=SynthesisChapter.Kind.ROUND_TABLE).first()
    analyze(connection)
    print(f"Full demo ready in {time.perf_counter() - started:.1f} s; {iso2}'s review in revision requested")

    # Timed as production runs, without DEBUG's log of every query (on SQLite, logging a query costs another
    # query to quote its parameters, so the log weighed on each page by its number of queries). DEBUG stays on
    # for the rest of the settings (no SECRET_KEY needed, static files without a manifest).
    settings.DEBUG = False
    users = get_user_model().objects
    clients = {"fp": Client(), "staff": Client()}
    clients["fp"].force_login(users.get(username=f"fp-{iso2.lower()}"))
    clients["staff"].force_login(users.get(username="reviewer-escwa"))
    pages = [page for page in _pages(review=review, cycle=cycle, chapter_uid=chapter.uid, iso2=iso2)
             if page[0] == FLOOR or only in page[0]]
    results = {name: {"times": [], "cpu": [], "kept": [], "queries": set(), "kept_queries": set(), "size": 0,
                      "gzip": 0} for name, _who, _path in pages}

    def get(who: str, path: str):
        response = clients[who].get(path)
        if response.status_code != 200:
            raise SystemExit(f"GET {path} as {who} answered {response.status_code}, not 200")
        return response

    for name, who, path in pages:
        for _warm_up in range(WARM_UPS):
            body = get(who, path).content
        results[name]["size"], results[name]["gzip"] = len(body), len(gzip.compress(body, 6))
        with CaptureQueriesContext(connection) as captured:  # counted apart: counting logs each query
            get(who, _built(path, "counted"))
        results[name]["queries"].add(len(captured))
        with CaptureQueriesContext(connection) as captured:
            get(who, path)
        results[name]["kept_queries"].add(len(captured))
    for run in range(runs):  # in turn, so a burst of load on the machine weighs on every page alike
        for name, who, path in pages:
            begun, begun_cpu = time.perf_counter(), time.process_time()
            get(who, _built(path, run))
            results[name]["times"].append((time.perf_counter() - begun) * 1000)
            results[name]["cpu"].append((time.process_time() - begun_cpu) * 1000)
            begun = time.perf_counter()
            get(who, path)
            results[name]["kept"].append((time.perf_counter() - begun) * 1000)

    floor = statistics.median(results[FLOOR]["times"])
    cpu_floor = statistics.median(results[FLOOR]["cpu"])
    print(f"\n{'page':<34}{'built ms':>9}{'floor ÷':>8}{'CPU ÷':>7}{'kept ms':>9}{'floor ÷':>8}{'queries':>9}"
          f"{'HTML KB':>9}{'gzip KB':>9}")
    slow = []
    for name, _who, _path in pages:
        result = results[name]
        median, kept = statistics.median(result["times"]), statistics.median(result["kept"])
        ratio = floor / median
        queries = f"{_counted(result['queries'])}/{_counted(result['kept_queries'])}"
        cpu_ratio = cpu_floor / statistics.median(result["cpu"])
        print(f"{name:<34}{median:>9.1f}{ratio:>8.2f}{cpu_ratio:>7.2f}{kept:>9.1f}{floor / kept:>8.2f}{queries:>9}"
              f"{result['size'] / 1024:>9.1f}{result['gzip'] / 1024:>9.1f}")
        if ratio < GOAL:
            slow.append(name)
    if profile:
        for name, who, path in pages:
            _profile(name, lambda: get(who, _built(path, "profiled")))
    if slow:
        print(f"\nBuilt, below {GOAL} of the floor: {', '.join(slow)}")
        return 1
    print(f"\nOK: every page, built, at least {GOAL} of the floor.")
    return 0


def _built(path: str, run) -> str:
    """The page at an address of its own: a key no request had, so a kept page is built again."""
    return f"{path}{'&' if '?' in path else '?'}run={run}"


def _counted(counts: set) -> str:
    return str(min(counts)) if len(counts) == 1 else f"{min(counts)}-{max(counts)}"


def _profile(name: str, request) -> None:
    """The functions where one request of this page spends its time (cumulative, then own time)."""
    import cProfile
    import io
    import pstats

    profiler = cProfile.Profile()
    profiler.runcall(request)
    for order in ("cumulative", "tottime"):
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats(order).print_stats(os.environ.get("PROFILE_FILTER", ""), 25)
        print(f"\n--- {name}, by {order} ---")
        print("\n".join(line for line in out.getvalue().splitlines()[6:] if line.strip()))


if __name__ == "__main__":
    sys.exit(main())
