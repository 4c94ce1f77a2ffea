import json

import pytest
from django.db import OperationalError, connection
from django.db.migrations.recorder import MigrationRecorder


@pytest.mark.django_db
def test_healthz_reports_database_ok(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert json.loads(response.content) == {"status": "ok", "database": "ok"}


@pytest.mark.django_db
def test_healthz_reports_503_when_database_fails(client, monkeypatch):
    def broken_cursor(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", broken_cursor)

    response = client.get("/healthz")

    assert response.status_code == 503
    assert json.loads(response.content) == {
        "status": "error", "database": "unavailable", "detail": "OperationalError"
    }


READY = {"status": "ok", "database": "ok", "cache": "ok", "storage": "ok", "migrations": "ok"}


@pytest.mark.django_db
def test_readyz_reports_every_dependency_ok_without_a_login(client, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "not-made-yet")  # an empty media folder is ready

    response = client.get("/readyz")

    assert (response.status_code, json.loads(response.content)) == (200, READY)
    assert response["Cache-Control"] == "max-age=0, no-cache, no-store, must-revalidate, private"


@pytest.mark.django_db
def test_readyz_reports_503_naming_an_unreachable_cache(client, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                                   "LOCATION": "redis://127.0.0.1:1/0"}}  # nothing listens on port 1

    response = client.get("/readyz")

    assert (response.status_code, json.loads(response.content)) == (503, {**READY, "status": "error",
                                                                           "cache": "unavailable"})


@pytest.mark.django_db
def test_readyz_reports_503_naming_an_unreadable_storage(client, settings, tmp_path):
    not_a_folder = tmp_path / "media"
    not_a_folder.write_text("a file where the media folder should be")
    settings.MEDIA_ROOT = str(not_a_folder)

    response = client.get("/readyz")

    assert (response.status_code, json.loads(response.content)) == (503, {**READY, "status": "error",
                                                                           "storage": "unavailable"})


@pytest.mark.django_db
def test_readyz_reports_503_while_a_migration_is_unapplied(client):
    """New code started before `migrate` ran: the instance stays out of the pool until it has."""
    latest = max(name for app, name in MigrationRecorder(connection).applied_migrations() if app == "reviews")
    MigrationRecorder(connection).record_unapplied("reviews", latest)

    response = client.get("/readyz")

    assert (response.status_code, json.loads(response.content)) == (503, {**READY, "status": "error",
                                                                           "migrations": "1 unapplied"})
