"""Health checks for load balancers and monitoring, unauthenticated, cheap, in JSON.

/healthz: the process is alive and its database answers (a load balancer restarts or skips it otherwise).
/readyz: this instance can serve: database, shared cache and file storage reachable, no migration left to apply
(a server started with new code before `migrate` ran stays out of the pool until it has).
"""

import functools
import uuid

from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db import DatabaseError, connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


def _database() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return "ok"


@never_cache
@require_GET
def healthz(request):
    """Liveness for load balancers and monitoring: 200 when the database answers, 503 when not."""
    try:
        _database()
    except DatabaseError as error:
        return JsonResponse({"status": "error", "database": "unavailable", "detail": type(error).__name__},
                            status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def _cache() -> str:
    """A value written and read back: the cache every server shares (Redis, or the database cache)."""
    key, token = "readyz:probe", uuid.uuid4().hex
    cache.set(key, token, timeout=10)
    return "ok" if cache.get(key) == token else "unavailable"


def _storage() -> str:
    """The media are listed (one request to an object store); a media folder not yet made is empty, so fine."""
    try:
        default_storage.listdir("")
    except FileNotFoundError:
        pass
    return "ok"


@functools.cache
def _migrations_on_disk() -> frozenset:
    """Every migration this code has: read from the files once per process (the code does not change under it)."""
    return frozenset(MigrationLoader(None, ignore_no_migrations=True).graph.nodes)


def _migrations() -> str:
    unapplied = _migrations_on_disk() - set(MigrationRecorder(connection).applied_migrations())
    return f"{len(unapplied)} unapplied" if unapplied else "ok"


CHECKS = {"database": _database, "cache": _cache, "storage": _storage, "migrations": _migrations}


@never_cache
@require_GET
def readyz(request):
    """Readiness: 200 when every check says "ok"; 503 naming what is not, e.g. {"cache": "unavailable"}."""
    results = {}
    for name, check in CHECKS.items():
        try:
            results[name] = check()
        except Exception:  # noqa: BLE001 (any failure of a dependency means "not ready", never a 500)
            results[name] = "unavailable"
    ready = all(result == "ok" for result in results.values())
    return JsonResponse({"status": "ok" if ready else "error", **results}, status=200 if ready else 503)
