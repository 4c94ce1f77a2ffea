"""gunicorn's hooks for the load test: each worker logs when it has loaded the portal (gcm_portal/wsgi.py warms
it up first), so the scenario starts once every worker is ready, not as soon as the first one answers."""

READY = "Worker ready"


def post_worker_init(worker):
    worker.log.info("%s (pid: %s)", READY, worker.pid)
