"""Load test on loopback: gunicorn, PostgreSQL and the background worker, driven by locust.

Prints numbers; it is not a test. See bench/README.md. In short:

    python3.11 -m venv bench/.venv && bench/.venv/bin/pip install -r bench/requirements.txt   # once
    .venv/bin/python bench/load_test.py                            # 50 users, 2 minutes, then capacity
    .venv/bin/python bench/load_test.py --users 10 --run-time 20s  # a smoke run

1. Creates its own PostgreSQL database (dropped at the end unless --keep-database), migrates,
   loads the full demo (22 countries, 18 submitted) and puts the submitted reviews among the first
   15 countries back in "revision requested" (their focal points edit, like those of the drafts)
   and accepts the other submitted ones (the regional report has content), through the real
   workflow services.
2. Starts gunicorn on 127.0.0.1 with bench.settings (the portal plus a baseline view) and
   DEBUG off, and `manage.py db_worker` for the report build, its session at nice 19.
3. Runs bench/locustfile.py headless: focal points autosaving, reviewers on the dashboard and
   compilation pages, one regional report build.
4. Capacity phase: each page alone, and the baseline view, requested without think time by as
   many users as gunicorn has threads, for --capacity-seconds each: the ratio of a page's
   requests per second to the baseline's is what that page costs against the least a Django
   page costs on this same stack.
5. Prints per page: requests, failures, median and 95th percentile (ms), requests per second in
   the scenario, requests per second alone and its ratio to the baseline; then the processor each
   group of processes used, and how long gunicorn's requests waited for a thread and spent in one.
   Exit status 1 on any failure.
"""

import argparse
import csv
import datetime
import os
import platform
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR / "bench"))
from gunicorn_ready import READY  # noqa: E402
from load_pages import BASELINE_NAME, CAPACITY_PAGES, EDITED_COUNTRIES  # noqa: E402
PYTHON = BASE_DIR / ".venv" / "bin" / "python"
GUNICORN = BASE_DIR / ".venv" / "bin" / "gunicorn"
LOCUSTFILE = BASE_DIR / "bench" / "locustfile.py"
SCENARIO_CLASSES = ["FocalPointEditor", "Reviewer", "ReportBuilder"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/gcm_loadtest",
                        help="a PostgreSQL database this script creates, uses and drops")
    parser.add_argument("--keep-database", action="store_true", help="do not drop the database at the end")
    parser.add_argument("--reuse-database", action="store_true",
                        help="use the database as a previous --keep-database run left it (no preparation)")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--spawn-rate", type=float, default=10)
    parser.add_argument("--run-time", default="2m")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--workers", type=int, default=3, help="gunicorn worker processes (default 3)")
    parser.add_argument("--threads", type=int, default=2, help="threads per gunicorn worker (default 2)")
    parser.add_argument("--worker-nice", type=int, default=19,
                        help="the background worker's nice value and its session's, as docs/production.md weighs "
                             "its service (default 19; 0: the worker competes with the pages for the processor)")
    parser.add_argument("--capacity-seconds", type=int, default=15,
                        help="seconds per page in the capacity phase; 0 skips it")
    parser.add_argument("--locust", default=str(BASE_DIR / "bench" / ".venv" / "bin" / "locust"))
    parser.add_argument("--out", type=Path, default=None, help="folder for locust's CSV files and the logs")
    args = parser.parse_args()
    if not Path(args.locust).exists():
        sys.exit(f"locust not found at {args.locust}: python3.11 -m venv bench/.venv && "
                 f"bench/.venv/bin/pip install -r bench/requirements.txt")
    out = args.out or BASE_DIR / "bench" / "out" / datetime.datetime.now().strftime("load-%Y%m%d-%H%M%S")
    out.mkdir(parents=True, exist_ok=True)
    var_dir = Path(tempfile.mkdtemp(prefix="gcm-load-"))
    env = _environment(args.database_url, var_dir)
    processes: list[subprocess.Popen] = []
    try:
        if not args.reuse_database:
            _prepare(args.database_url, env)
        _run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], env)
        load_before = os.getloadavg()
        processes.append(_start([GUNICORN, "gcm_portal.wsgi:application", "--bind", f"127.0.0.1:{args.port}",
                                 "--workers", str(args.workers), "--threads", str(args.threads),
                                 # locust talks to gunicorn directly, where browsers talk to nginx: a user
                                 # whose think time ends as gunicorn closes the idle connection reuses it at
                                 # that moment (a reset, 1 in ~1,600 requests with a 5 s keep-alive and think
                                 # times of 2-8 s). Idle connections outlive every think time, as nginx's 75 s
                                 # do for a browser; gthread holds them in its poller, not in a thread.
                                 "--keep-alive", "75",
                                 "--worker-class", "gthread", "--access-logfile", "/dev/null",
                                 "--config", str(BASE_DIR / "bench" / "gunicorn_ready.py"),
                                 "--error-logfile", str(out / "gunicorn.log")],
                                {**env, "BENCH_REQUEST_LOG": str(out / "requests.log")}, out / "gunicorn.out"))
        processes.append(_start(["nice", "-n", str(args.worker_nice), PYTHON, "manage.py", "db_worker", "--no-reload",
                                 "--interval", "1"], env, out / "worker.log"))
        _group_nice(processes[-1].pid, args.worker_nice)
        host = f"http://127.0.0.1:{args.port}"
        _wait_for(f"{host}/healthz")
        _wait_for_workers(out / "gunicorn.log", args.workers)
        print(f"Scenario: {args.users} users, spawn rate {args.spawn_rate}/s, {args.run_time} ...", flush=True)
        scenario_began = time.time()
        with _CpuUse() as cpu_use:
            _locust(args.locust, host, out / "scenario", SCENARIO_CLASSES, users=args.users,
                    spawn_rate=args.spawn_rate, run_time=args.run_time, env=env)
        scenario_ended = time.time()
        scenario = _read_stats(out / "scenario_stats.csv")
        capacity: dict[str, float] = {}
        if args.capacity_seconds:
            capacity = _capacity(args, host, out, env)
        _print_report(args, scenario, capacity, load_before, out)
        cpu_use.print()
        _print_waits(out / "requests.log", scenario_began, scenario_ended)
        failures = sum(row["failures"] for name, row in scenario.items() if name != "Aggregated")
        return 1 if failures else 0
    finally:
        for process in reversed(processes):
            _stop(process)
        if not args.keep_database:
            _postgres_database(args.database_url, create=False)
        shutil.rmtree(var_dir, ignore_errors=True)


def _environment(database_url: str, var_dir: Path) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": database_url,
        "VAR_DIR": str(var_dir),
        "MEDIA_ROOT": str(var_dir / "media"),
        "BENCH_STATIC_ROOT": str(var_dir / "static"),
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",  # the demo's notifications
        "BENCH_EDITED_COUNTRIES": str(EDITED_COUNTRIES),
        "ENV_FILE": "/dev/null",  # not the developer's .env (DEBUG=1)
        "PYTHONPATH": str(BASE_DIR),
    }


def _prepare(database_url: str, env: dict) -> None:
    started = time.perf_counter()
    _postgres_database(database_url, create=True)
    _run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], env)
    print("Loading the full demo (22 countries) ...", flush=True)
    _run([PYTHON, "manage.py", "load_demo", "--full", "--force"], env)
    _run([PYTHON, "-c", PREPARE_STATES], env)
    print(f"Database ready in {time.perf_counter() - started:.0f} s.", flush=True)


# Run in a subprocess with the bench environment: the first submitted countries go back to their focal
# points, the other submitted ones are accepted (the full demo's drafts stay drafts), through the workflow
# services (events and notifications as in real use).
PREPARE_STATES = """
import sys
import django
django.setup()
from django.db import connection
from accounts.models import User
from reviews.models import Review
from reviews.services.workflow import review_accept, review_take, revision_request

sys.path.insert(0, "bench")
from load_pages import COUNTRIES, CYCLE, EDITED_COUNTRIES

reviewer = User.objects.get(username="reviewer-escwa")
for index, iso2 in enumerate(COUNTRIES):
    review = Review.objects.get(cycle__slug=CYCLE, country__iso2=iso2.upper())
    if review.status == Review.Status.DRAFT:  # not submitted in the full demo: its team edits it as it is
        continue
    if review.status == Review.Status.SUBMITTED:
        review_take(review=review, reviewer=reviewer)
    if index < EDITED_COUNTRIES:
        revision_request(review=review, reviewer=reviewer, reason="Please update the figures for 2027.")
    else:
        review_accept(review=review, reviewer=reviewer)
with connection.cursor() as cursor:
    cursor.execute("VACUUM ANALYZE")
print(dict((status, Review.objects.filter(cycle__slug=CYCLE, status=status).count())
           for status in Review.Status.values))
"""


def _postgres_database(url: str, *, create: bool) -> None:
    """Drop (and create) the load test's database, connected to template1 with the same user."""
    import psycopg2
    from psycopg2 import sql

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if parts.scheme not in ("postgres", "postgresql") or not name or name in ("postgres", "template1"):
        sys.exit(f"--database-url must name a database of its own (postgres://user@host:port/name), not {url!r}")
    connection = psycopg2.connect(dbname="template1", user=parts.username, password=parts.password,
                                  host=parts.hostname, port=parts.port or 5432)
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        if create:
            cursor.execute(sql.SQL("CREATE DATABASE {} ENCODING 'UTF8' TEMPLATE template0").format(
                sql.Identifier(name)))
    connection.close()


def _run(command: list, env: dict) -> None:
    subprocess.run([str(part) for part in command], cwd=BASE_DIR, env=env, check=True)


def _start(command: list, env: dict, log: Path) -> subprocess.Popen:
    """A server process in its own process group, so stopping it stops its children."""
    with open(log, "wb") as output:
        return subprocess.Popen([str(part) for part in command], cwd=BASE_DIR, env=env, stdout=output,
                                stderr=subprocess.STDOUT, start_new_session=True)


def _group_nice(pid: int, nice: int) -> None:
    """The nice value of the process's whole session. Linux shares the processor fairly between sessions
    (autogroups) before it looks at a process's own nice value, so a worker niced alone in a session of its own
    still takes half the processor from gunicorn's session. A session's nice value is the weight it competes
    with, as systemd's CPUWeight= is a service's (docs/production.md, section 6)."""
    autogroup = Path(f"/proc/{pid}/autogroup")
    if autogroup.exists():
        autogroup.write_text(str(nice))


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


def _wait_for_workers(log: Path, workers: int, timeout: float = 60) -> None:
    """Until each of gunicorn's workers has loaded and warmed up the portal (bench/gunicorn_ready.py): the
    first one answers while the others may still be starting."""
    deadline = time.monotonic() + timeout
    while log.read_text().count(READY) < workers:
        if time.monotonic() > deadline:
            sys.exit(f"Not every gunicorn worker started within {timeout:.0f} s: see {log}.")
        time.sleep(0.2)


def _wait_for(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    sys.exit(f"The server did not answer {url} within {timeout:.0f} s: see the gunicorn log.")


def _locust(locust: str, host: str, prefix: Path, classes: list[str], *, users: int, spawn_rate: float,
            run_time: str, env: dict, extra_env: dict | None = None, reset_stats: bool = False) -> None:
    command = [locust, "-f", str(LOCUSTFILE), "--headless", "--host", host, "--users", str(users),
               "--spawn-rate", str(spawn_rate), "--run-time", run_time, "--csv", str(prefix),
               "--only-summary", "--loglevel", "WARNING", *(["--reset-stats"] if reset_stats else []), *classes]
    with open(f"{prefix}.log", "wb") as log:
        subprocess.run(command, cwd=BASE_DIR, env={**env, **(extra_env or {})}, stdout=log,
                       stderr=subprocess.STDOUT, check=False)


class _CpuUse:
    """The processor time each group of processes used during the scenario, in cores: gunicorn, the background
    worker (with the processes it forks to lay PDFs out), PostgreSQL, locust; over the first seconds, when the
    users sign in, and over the whole run. Read from /proc (Linux) once a second, where a process's time includes
    that of its children once they ended, so a group's sum keeps what its ended processes used. The run ends at
    the last reading before locust itself ended (its time then leaves /proc)."""

    GROUPS = ("gunicorn", "worker", "PostgreSQL", "locust")
    FIRST_SECONDS = 5  # the users sign in (50 at 10 a second)

    def __enter__(self):
        self.readings = [(time.monotonic(), self._seconds())]
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._read_each_second, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *_exception):
        self._stop.set()
        self._thread.join()

    def _read_each_second(self) -> None:
        while not self._stop.wait(1):
            self.readings.append((time.monotonic(), self._seconds()))

    def print(self) -> None:
        start, first = self.readings[0]
        running = [(at, reading) for at, reading in self.readings[1:] if reading.get("locust")]  # locust still on
        if not first or not running:
            return  # no /proc here, or too short a run
        early = [(at, reading) for at, reading in running if at - start >= self.FIRST_SECONDS][:1]
        for label, (at, reading) in [*((f"first {self.FIRST_SECONDS} s", span) for span in early),
                                     ("whole scenario", running[-1])]:
            used = ", ".join(f"{group} {(reading[group] - first[group]) / (at - start):.2f}" for group in self.GROUPS)
            print(f"Processor in use, {label} (cores of {os.cpu_count()}): {used}")

    @staticmethod
    def _group(command: str) -> str | None:
        program = command.split(" ", 1)[0].rpartition("/")[2]
        if program.startswith("postgres"):  # the server and its backends ("postgres: user database ...")
            return "PostgreSQL"
        words = command.split()
        return next((group for group, word in (("worker", "db_worker"), ("gunicorn", "gunicorn"),
                                               ("locust", "locust")) if any(word in part for part in words[:3])),
                    None)

    @classmethod
    def _seconds(cls) -> dict[str, float]:
        """Each group's processor seconds so far, its processes' and their ended children's."""
        totals = dict.fromkeys(cls.GROUPS, 0.0)
        ticks = os.sysconf("SC_CLK_TCK")
        for entry in Path("/proc").glob("[0-9]*"):
            try:
                command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
                fields = (entry / "stat").read_text().rpartition(")")[2].split()
            except OSError:  # ended meanwhile
                continue
            group = cls._group(command)
            if group:
                totals[group] += sum(int(value) for value in fields[11:15]) / ticks  # utime stime cutime cstime
        return totals if Path("/proc/self/stat").exists() else {}


def _print_waits(log: Path, began: float, ended: float, first_seconds: float = 8) -> None:
    """The scenario's requests as gunicorn's threads saw them (bench/gunicorn_ready.py): the milliseconds each
    waited for a free thread and spent in one, over the first seconds (the 50 users sign in over 5 s, their
    first pages follow) and the rest. Most of what locust measures beyond the second is the first."""
    if not log.exists():
        return
    spans = {f"first {first_seconds:.0f} s": [], "the rest": []}
    for line in log.read_text(encoding="ascii").splitlines():
        at, waited, handled = (float(value) for value in line.split())
        if began <= at <= ended:
            spans[f"first {first_seconds:.0f} s" if at - began < first_seconds else "the rest"].append(
                (waited, handled))
    for label, requests in spans.items():
        if requests:
            waited, handled = (sorted(values) for values in zip(*requests))
            print(f"gunicorn's threads, {label}: {len(requests)} requests; waited for a thread, median "
                  f"{_percentile(waited, 0.5):.0f} ms, 95th percentile {_percentile(waited, 0.95):.0f} ms; "
                  f"in the thread {_percentile(handled, 0.5):.0f} and {_percentile(handled, 0.95):.0f} ms")


def _percentile(ordered: list[float], share: float) -> float:
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def _read_stats(path: Path) -> dict[str, dict]:
    """locust's *_stats.csv by entry name: type, count, failures, median, p95, requests per second."""
    rows = {}
    with open(path, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            rows[row["Name"]] = {
                "type": row["Type"], "requests": int(row["Request Count"]), "failures": int(row["Failure Count"]),
                "median": float(row["50%"] or 0), "p95": float(row["95%"] or 0),
                "rps": float(row["Requests/s"] or 0),
            }
    return rows


def _capacity(args, host: str, out: Path, env: dict) -> dict[str, float]:
    """Requests per second of each page alone, and of the baseline view."""
    users = args.workers * args.threads
    capacity = {}
    pages = [(BASELINE_NAME, "Baseline")] + [(name, "PageCapacity") for name in CAPACITY_PAGES]
    for number, (name, user_class) in enumerate(pages):
        print(f"Capacity: {name} ({args.capacity_seconds} s, {users} users, no think time) ...", flush=True)
        prefix = out / f"capacity-{number:02d}"
        _locust(args.locust, host, prefix, [user_class], users=users, spawn_rate=users,
                run_time=f"{args.capacity_seconds}s", env=env, extra_env={"BENCH_PAGE": name}, reset_stats=True)
        row = _read_stats(Path(f"{prefix}_stats.csv")).get(name)
        capacity[name] = row["rps"] if row and not row["failures"] else 0.0
    return capacity


def _print_report(args, scenario: dict, capacity: dict, load_before: tuple, out: Path) -> None:
    baseline = capacity.get(BASELINE_NAME, 0.0)
    print()
    print(f"Python {platform.python_version()}, {os.cpu_count()} CPUs, load average before "
          f"{load_before[0]:.2f} {load_before[1]:.2f} {load_before[2]:.2f}, after {os.getloadavg()[0]:.2f}; "
          f"gunicorn {args.workers} workers x {args.threads} threads (gthread), DEBUG off, PostgreSQL on loopback; "
          f"background worker at nice {args.worker_nice}")
    print(f"Scenario: {args.users} users for {args.run_time} (spawn rate {args.spawn_rate}/s); CSV in {out}")
    header = (f"{'page':44} {'requests':>8} {'fail':>5} {'median':>7} {'p95':>7} {'req/s':>7} "
              f"{'alone/s':>8} {'÷ base':>7}")
    print()
    print(header)
    print("-" * len(header))
    pages = {name for name, row in scenario.items() if row["type"] in ("GET", "POST") and name != "Aggregated"}
    for name in sorted(pages | (set(capacity) - {BASELINE_NAME})):
        row = scenario.get(name, {"requests": 0, "failures": 0, "median": 0, "p95": 0, "rps": 0})
        alone = capacity.get(name)
        ratio = f"{alone / baseline:7.3f}" if alone and baseline else f"{'':7}"
        print(f"{name[:44]:44} {row['requests']:8d} {row['failures']:5d} {row['median']:7.0f} {row['p95']:7.0f} "
              f"{row['rps']:7.2f} {(f'{alone:8.1f}' if alone else ''):>8} {ratio}")
    if baseline:
        print(f"{BASELINE_NAME[:44]:44} {'':8} {'':5} {'':7} {'':7} {'':7} {baseline:8.1f} {1:7.3f}")
    total = scenario.get("Aggregated")
    if total:
        print("-" * len(header))
        print(f"{'all requests':44} {total['requests']:8d} {total['failures']:5d} {total['median']:7.0f} "
              f"{total['p95']:7.0f} {total['rps']:7.2f}")
    print()
    for name, row in scenario.items():
        if row["type"] == "CONFLICT":
            print(f"Autosave conflicts (409, shown side by side, then merged; expected): {row['requests']}")
        if row["type"] == "BUILD":
            state = "FAILED" if row["failures"] else f"{row['median'] / 1000:.1f} s"
            print(f"{name}: {state}")
    if not any(row["type"] == "BUILD" for row in scenario.values()):
        print("Report build: none finished within the run (see ReportBuilder in bench/locustfile.py).")
    failures = sum(row["failures"] for name, row in scenario.items() if name != "Aggregated")
    print("OK: zero errors." if not failures else f"FAIL: {failures} failed requests: see {out}/scenario_failures.csv")


# What bench/scale_out.py reuses to run this same scenario through a proxy in front of several servers.
environment, prepare_database, drop_database, start, stop, wait_for, run_locust, read_stats = (
    _environment, _prepare, _postgres_database, _start, _stop, _wait_for, _locust, _read_stats)


if __name__ == "__main__":
    sys.exit(main())
