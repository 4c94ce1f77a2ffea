"""gunicorn's hooks for the load test: each worker logs when it has loaded the portal (gcm_portal/wsgi.py warms
it up first), so the scenario starts once every worker is ready, not as soon as the first one answers; with
BENCH_REQUEST_LOG set, it also times each request's wait for a thread."""

import os
import time

READY = "Worker ready"


def post_worker_init(worker):
    _time_requests(worker, os.environ.get("BENCH_REQUEST_LOG"))
    worker.log.info("%s (pid: %s)", READY, worker.pid)


def _time_requests(worker, path: str | None) -> None:
    """Each request's milliseconds waiting for a free thread, from the moment its connection could be read, and
    in the thread (the view and the writing of the answer), appended to `path` as "time waited handled". The
    access log's request time leaves the wait out, where a burst of requests spends it. gthread only (the
    methods of gunicorn 27.0's ThreadWorker, set per worker)."""
    if not path or not hasattr(worker, "enqueue_req"):
        return
    enqueue_req, handle_request = worker.enqueue_req, worker.handle_request

    def queued(conn):
        conn.bench_queued = time.monotonic()
        enqueue_req(conn)

    def handled(req, conn):
        started = time.monotonic()
        try:
            return handle_request(req, conn)
        finally:
            ended = time.monotonic()
            with open(path, "a", encoding="ascii") as log:
                log.write(f"{time.time():.3f} {(started - conn.bench_queued) * 1000:.1f} "
                          f"{(ended - started) * 1000:.1f}\n")

    worker.enqueue_req, worker.handle_request = queued, handled
