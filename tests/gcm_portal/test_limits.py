"""Rate limits count in the shared cache: the database cache (its table made by a migration) and Redis."""

import os
import time

import pytest
import time_machine
from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.test import override_settings

from gcm_portal.limits import rate_limit_exceeded, rate_limit_spend

DATABASE_CACHE = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache",
                              "LOCATION": settings.CACHE_TABLE}}
REDIS_CACHE = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                           "LOCATION": "redis://127.0.0.1:6379/9",
                           # Each test process, and each pass (SQLite, PostgreSQL), counts under its own prefix.
                           "KEY_PREFIX": f"gcm-test-{os.getpid()}"}}


def _spend_six(scope):
    return [rate_limit_spend(scope=scope, key="user-1", limit=5) for _ in range(6)]


@pytest.fixture
def shared_cache(request):
    """The cache a production server uses, emptied before and after."""
    with override_settings(CACHES=request.param):
        caches["default"].clear()
        yield caches["default"]
        caches["default"].clear()


def test_migrate_creates_the_database_cache_tables(db):
    assert {settings.CACHE_TABLE, settings.PAGE_CACHE_TABLE} <= set(connection.introspection.table_names())


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("shared_cache", [DATABASE_CACHE], indirect=True, ids=["database"])
def test_rate_limit_counts_in_the_database_cache(shared_cache):
    with time_machine.travel("2028-03-01 10:00:05", tick=False):
        assert _spend_six("build") == [True] * 5 + [False]
        assert rate_limit_exceeded(scope="build", key="user-1", limit=5) is True
        assert rate_limit_exceeded(scope="build", key="user-2", limit=5) is False
        assert rate_limit_spend(scope="comment", key="user-1", limit=5) is True  # scopes count apart
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(settings.CACHE_TABLE)}")
        assert cursor.fetchone()[0] == 2  # the counters are rows every server process reads
    with time_machine.travel("2028-03-01 10:01:01", tick=False):  # a new minute, a new allowance
        assert rate_limit_spend(scope="build", key="user-1", limit=5) is True


def _redis_reachable() -> bool:
    import redis

    try:
        return redis.Redis.from_url(REDIS_CACHE["default"]["LOCATION"], socket_connect_timeout=1).ping()
    except redis.RedisError:
        return False


@pytest.mark.skipif(not _redis_reachable(), reason="no Redis on 127.0.0.1:6379")
@pytest.mark.parametrize("shared_cache", [REDIS_CACHE], indirect=True, ids=["redis"])
def test_rate_limit_counts_in_redis(shared_cache):
    with time_machine.travel("2028-03-01 10:00:05", tick=False):
        assert _spend_six("build") == [True] * 5 + [False]
        assert shared_cache.get(f"limit:build:user-1:{int(time.time() // 60)}") == 5
