"""Scale-out proof on one machine: nginx round-robin in front of two app servers and two workers, sharing only
PostgreSQL, Redis and the media storage; the load test's scenario through nginx; one app server and one worker
killed in the middle, then restarted.

Prints numbers; it is not a test (see bench/README.md). In short:

    python3.11 -m venv bench/.venv && bench/.venv/bin/pip install -r bench/requirements.txt   # locust, once
    apt-get install -y nginx                                                                  # Debian's nginx
    .venv/bin/python bench/scale_out.py                 # 30 users, 2 minutes

1. Its own PostgreSQL database (created, prepared as bench/load_test.py does: the full demo, some reviews sent
   back to their focal points, the others accepted; dropped at the end unless --keep-database) and its own Redis
   database (emptied), the shared cache (CACHE_URL).
2. Two gunicorn instances (A and B), each with its own working folder (VAR_DIR), and two
   `db_worker` processes (worker-1, worker-2), all with the same DATABASE_URL, CACHE_URL and MEDIA_ROOT (the
   shared storage: a folder here, an object store with STORAGE_BACKEND=s3 across machines), JSON logs
   (LOG_FORMAT=json) and REPORT_HEARTBEAT_SECONDS=10.
3. nginx (Debian's package) round-robin over A and B, passing its $request_id as X-Request-ID.
4. The load test's scenario (bench/locustfile.py: focal points autosaving, regional staff reading, one report
   build) through nginx for --run-time. In the middle, this script, signed in once (its session cookie works on
   either server: sessions live in the database), asks A for the regional report, waits until a worker runs
   it, then kills (SIGKILL) that worker and app server A. It polls the build through B until the build is
   marked failed (no heartbeat), asks again through B, restarts A and the killed worker after --restart-after
   seconds, and downloads the finished PDF through A.
5. Prints: errors (locust's failures and nginx's 5xx, with their times against the kill), the report's path
   across servers and workers, the requests each server answered, and per page the median and 95th percentile.

nginx's configuration, the processes' environments and the signed-in browser are in bench/cluster.py.
"""

import argparse
import datetime
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR / "bench"))
from cluster import (  # noqa: E402
    HEARTBEAT_SECONDS,
    NGINX_CONF,
    Browser,
    flush_cache,
    instance,
    nginx_lines,
    shared_environment,
)
from load_pages import CYCLE  # noqa: E402
from load_test import (  # noqa: E402
    GUNICORN,
    PYTHON,
    SCENARIO_CLASSES,
    drop_database,
    prepare_database,
    read_stats,
    run_locust,
    start,
    stop,
    wait_for,
)

UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
REPORT_USER = "reviewer-las"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/gcm_scaleout",
                        help="a PostgreSQL database this script creates, uses and drops")
    parser.add_argument("--keep-database", action="store_true", help="do not drop the database at the end")
    parser.add_argument("--reuse-database", action="store_true",
                        help="use the database as a previous --keep-database run left it (no preparation)")
    parser.add_argument("--cache-url", default="redis://127.0.0.1:6379/6",
                        help="a Redis database of its own: emptied at the start")
    parser.add_argument("--port", type=int, default=8120, help="nginx's port; the servers A and B take the next two")
    parser.add_argument("--users", type=int, default=30)
    parser.add_argument("--spawn-rate", type=float, default=10)
    parser.add_argument("--run-time", type=int, default=120, help="seconds of the scenario")
    parser.add_argument("--kill-after", type=int, default=30,
                        help="seconds into the scenario when the report is asked for; A and its worker die once "
                             "the build runs")
    parser.add_argument("--restart-after", type=int, default=15, help="seconds between the kill and the restart")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes per server")
    parser.add_argument("--threads", type=int, default=2, help="threads per gunicorn worker")
    parser.add_argument("--locust", default=str(BASE_DIR / "bench" / ".venv" / "bin" / "locust"))
    parser.add_argument("--out", type=Path, default=None, help="folder for the logs and locust's CSV files")
    args = parser.parse_args()
    nginx = shutil.which("nginx") or next((path for path in ("/usr/sbin/nginx",) if Path(path).exists()), None)
    if nginx is None:
        sys.exit("nginx is missing: this bench puts Debian's nginx in front of the two servers. "
                 "Install it (as root): apt-get update && apt-get install -y nginx")
    if not Path(args.locust).exists():
        sys.exit(f"locust not found at {args.locust}: python3.11 -m venv bench/.venv && "
                 f"bench/.venv/bin/pip install -r bench/requirements.txt")
    out = args.out or BASE_DIR / "bench" / "out" / datetime.datetime.now().strftime("scale-%Y%m%d-%H%M%S")
    out.mkdir(parents=True, exist_ok=True)
    run = Path(tempfile.mkdtemp(prefix="gcm-scale-"))
    shared = shared_environment(args, run)
    port_a, port_b = args.port + 1, args.port + 2
    servers: dict[str, subprocess.Popen] = {}
    starts: dict[str, int] = {}  # each start of a process logs to its own file
    try:
        flush_cache(args.cache_url, shared)
        if not args.reuse_database:
            prepare_database(args.database_url, shared)
        instances = {"A": (port_a, instance(shared, run / "server-a")),
                     "B": (port_b, instance(shared, run / "server-b"))}
        workers = {name: instance(shared, run / name) for name in ("worker-1", "worker-2")}
        # Static files are built with the code (collectstatic), like the checkout itself: one copy for both.
        subprocess.run([str(PYTHON), "manage.py", "collectstatic", "--noinput", "-v0"], cwd=BASE_DIR, env=shared,
                       check=True)

        def start_server(name: str) -> None:
            port, env = instances[name]
            starts[name] = starts.get(name, 0) + 1
            servers[name] = start([GUNICORN, "gcm_portal.wsgi:application", "--bind", f"127.0.0.1:{port}",
                                   "--workers", str(args.workers), "--threads", str(args.threads),
                                   "--worker-class", "gthread", "--access-logfile", "/dev/null"],
                                  env, out / f"server-{name.lower()}-{starts[name]}.log")

        def start_worker(name: str) -> None:
            starts[name] = starts.get(name, 0) + 1
            servers[name] = start([PYTHON, "manage.py", "db_worker", "--no-reload", "--interval", "1",
                                   "--worker-id", name], workers[name], out / f"{name}-{starts[name]}.log")

        for name in instances:
            start_server(name)
        for name in workers:
            start_worker(name)
        nginx_conf = run / "nginx.conf"
        nginx_conf.write_text(NGINX_CONF.format(run=run, port=args.port, port_a=port_a, port_b=port_b,
                                                user="user root root;" if os.geteuid() == 0 else ""))
        servers["nginx"] = start([nginx, "-p", str(run), "-c", str(nginx_conf), "-g", "daemon off;"], shared,
                                 out / "nginx.log")
        proxy = f"http://127.0.0.1:{args.port}"
        for url in (f"http://127.0.0.1:{port_a}/readyz", f"http://127.0.0.1:{port_b}/readyz", f"{proxy}/readyz"):
            wait_for(url)
        print(f"Ready: nginx :{args.port} -> A :{port_a}, B :{port_b}; worker-1, worker-2; "
              f"PostgreSQL {urllib.parse.urlsplit(args.database_url).path[1:]}, Redis {args.cache_url}", flush=True)

        print(f"Scenario: {args.users} users through nginx for {args.run_time} s ...", flush=True)
        scenario_started = time.time()
        load = threading.Thread(target=run_locust, args=(args.locust, proxy, out / "scenario", SCENARIO_CLASSES),
                                kwargs={"users": args.users, "spawn_rate": args.spawn_rate,
                                        "run_time": f"{args.run_time}s", "env": shared})
        load.start()
        time.sleep(args.kill_after)
        story = _report_across_servers(args, out, servers, start_server, start_worker, port_a, port_b,
                                       scenario_started)
        load.join()
        _print_report(args, out, run, story, scenario_started)
        return 0 if story.get("downloaded") else 1
    finally:
        for name in reversed(list(servers)):
            stop(servers[name])
        if not args.keep_database and not args.reuse_database:
            drop_database(args.database_url, create=False)
        shutil.rmtree(run, ignore_errors=True)


def _wait_state(browser: Browser, base: str, uid: str, wanted: set, timeout: float) -> dict:
    deadline = time.monotonic() + timeout
    state: dict = {}
    while time.monotonic() < deadline:
        status, body, _headers = browser.request(f"{base}/en/reviews/reports/{uid}/status/")
        state = json.loads(body) if status == 200 else {}
        if state.get("status") in wanted:
            return state
        time.sleep(1)
    return state


def _ask_for_report(browser: Browser, base: str, request_id: str) -> str:
    page = f"{base}/en/reviews/cycles/{CYCLE}/reports/"
    known = set(re.findall(rf"/reviews/reports/({UUID})/", browser.request(page)[1].decode()))
    _status, answer, _headers = browser.request(page, {"kind": "regional", "languages": "ar"}, request_id)
    new = [uid for uid in re.findall(rf"/reviews/reports/({UUID})/", answer.decode()) if uid not in known]
    if not new:
        sys.exit("The reports page listed no new build after the request.")
    return new[0]


def _builder_of(out: Path, uid: str) -> tuple[str, str]:
    """Which worker logged the build's start (its JSON log), and the request id it carried."""
    for log in sorted(out.glob("worker-*.log")):
        for line in log.read_text(errors="replace").splitlines():
            if line.startswith("{") and f"Building report {uid}" in line:
                name, start = log.stem.rsplit("-", 1)
                return (name if start == "1" else f"{name} (restarted)"), json.loads(line).get("request_id", "")
    return "", ""


def _report_across_servers(args, out, servers, start_server, start_worker, port_a, port_b, t0) -> dict:
    """Ask A, see a worker take it, kill A and that worker, notice the dead build through B, ask B again,
    restart both, download through A."""
    a, b = f"http://127.0.0.1:{port_a}", f"http://127.0.0.1:{port_b}"
    story: dict = {"events": []}

    def event(text: str) -> None:
        story["events"].append(f"{time.time() - t0:6.1f} s  {text}")
        print(story["events"][-1], flush=True)

    browser = Browser()
    browser.log_in(a, REPORT_USER)
    first = _ask_for_report(browser, a, "scale-out-first-request")
    event(f"{REPORT_USER} signed in on A and asked A for the regional report (Arabic, X-Request-ID "
          f"scale-out-first-request): build {first[:8]}")
    state = _wait_state(browser, b, first, {"running", "done", "failed"}, timeout=300)
    builder, request_id, deadline = "", "", time.monotonic() + 30
    while state.get("status") == "running" and not builder and time.monotonic() < deadline:
        builder, request_id = _builder_of(out, first)
        time.sleep(0.2)
    event(f"B's status page says {state.get('status')!r}; {builder or 'a worker'} is building it "
          f"(its log lines carry the request id {request_id or '-'})")
    if state.get("status") != "running" or builder not in servers:
        event("the build was not running when the kill was due: nothing to kill")
        return story
    kill_time = time.time()
    story["kill_time"] = kill_time
    for name in (builder, "A"):
        os.killpg(servers[name].pid, signal.SIGKILL)
        servers[name].wait()
    event(f"killed (SIGKILL) {builder} and server A")
    restarted = False
    state = _wait_state(browser, b, first, {"failed", "done"}, timeout=HEARTBEAT_SECONDS * 3)
    event(f"B's status page says {state.get('status')!r} for build {first[:8]}, "
          f"{time.time() - kill_time:.1f} s after the kill (REPORT_HEARTBEAT_SECONDS={HEARTBEAT_SECONDS})")
    second = _ask_for_report(browser, b, "scale-out-second-request")
    event(f"asked B again (X-Request-ID scale-out-second-request): new build {second[:8]}")
    deadline = time.monotonic() + 900
    while time.monotonic() < deadline:
        if not restarted and time.time() - kill_time >= args.restart_after:
            start_server("A")
            start_worker(builder)
            restarted = True
            wait_for(f"{a}/readyz")
            event(f"restarted server A and {builder}; A is ready")
        state = _wait_state(browser, b, second, {"done", "failed"}, timeout=2)
        if state.get("status") in ("done", "failed"):
            break
    second_builder, request_id = _builder_of(out, second)
    event(f"B's status page says {state.get('status')!r} for build {second[:8]}: built by {second_builder}, "
          f"its log lines carry the request id {request_id}")
    if not restarted:
        start_server("A")
        start_worker(builder)
        wait_for(f"{a}/readyz")
        event(f"restarted server A and {builder}; A is ready")
    if state.get("status") == "done":
        status, content, headers = browser.request(f"{a}{state['download_url']}")
        event(f"downloaded through A: {status}, {len(content)} bytes, starts {content[:5]!r}, "
              f"X-Request-ID {headers.get('X-Request-ID', '')[:12]}...")
        story["downloaded"] = status == 200 and content[:5] == b"%PDF-"
    story.update({"first": first, "second": second, "builder": builder, "second_builder": second_builder})
    return story


def _print_report(args, out: Path, run: Path, story: dict, t0: float) -> None:
    scenario = read_stats(out / "scenario_stats.csv") if (out / "scenario_stats.csv").exists() else {}
    kill = story.get("kill_time")
    print()
    print(f"{os.cpu_count()} CPUs; nginx round-robin over 2 gunicorn servers ({args.workers} workers x "
          f"{args.threads} threads each) and 2 db_workers; PostgreSQL, Redis and the media folder shared; "
          f"{args.users} users for {args.run_time} s; logs and CSV in {out}")
    print()
    print("The report across servers and workers:")
    for line in story["events"]:
        print(f"  {line}")
    print()
    lines = nginx_lines(run)
    names = {f"127.0.0.1:{args.port + 1}": "A", f"127.0.0.1:{args.port + 2}": "B"}
    answered: dict[str, int] = {}
    for _when, _status, upstream in lines:
        answered[names.get(upstream[-1], upstream[-1])] = answered.get(names.get(upstream[-1], upstream[-1]), 0) + 1
    passed_on = [when for when, _status, upstream in lines if len(upstream) > 1]
    print(f"Requests through nginx: {len(lines)}, answered by " + ", ".join(
        f"{name} {count}" for name, count in sorted(answered.items()))
        + f"; {len(passed_on)} passed on to the other server after the first refused"
        + (f" (from {min(passed_on) - kill:+.1f} s to {max(passed_on) - kill:+.1f} s of the kill)"
           if passed_on and kill else ""))
    errors = [(when, status, upstream) for when, status, upstream in lines if status >= 500]
    print(f"nginx answers 5xx: {len(errors)}" + (":" if errors else ""))
    for when, status, upstream in errors:
        since = f"{when - kill:+.2f} s from the kill" if kill else f"{when - t0:.1f} s"
        print(f"  {status} from {', '.join(names.get(u, u) for u in upstream)} at {since}")
    failures_csv = out / "scenario_failures.csv"
    failures = failures_csv.read_text().splitlines()[1:] if failures_csv.exists() else []
    print(f"locust failures: {sum(int(row.rsplit(',', 1)[-1]) for row in failures if row)}" +
          (":" if failures else ""))
    for row in failures:
        print(f"  {row}")
    print()
    header = f"{'page':44} {'requests':>8} {'fail':>5} {'median':>7} {'p95':>7}"
    print(header)
    print("-" * len(header))
    for name, row in sorted(scenario.items()):
        if row["type"] in ("GET", "POST") and name != "Aggregated":
            print(f"{name[:44]:44} {row['requests']:8d} {row['failures']:5d} {row['median']:7.0f} {row['p95']:7.0f}")
    total = scenario.get("Aggregated")
    if total:
        print("-" * len(header))
        print(f"{'all requests':44} {total['requests']:8d} {total['failures']:5d} {total['median']:7.0f} "
              f"{total['p95']:7.0f}")
    for name, row in scenario.items():
        if row["type"] == "BUILD":
            seconds = row["median"] / 1000
            print(f"{name}: " + ("FAILED" if row["failures"] else f"{seconds:.1f} s"))
    if not any(row["type"] == "BUILD" for row in scenario.values()):
        print("The scenario's own report build (ReportBuilder: bilingual, with the submitted reviews) did not finish "
              "within the run.")
    print()
    print("OK: the report was asked on A, built by a worker after the first one died, and downloaded through A."
          if story.get("downloaded") else "FAIL: the report did not make it across: see the events above.")


if __name__ == "__main__":
    sys.exit(main())
