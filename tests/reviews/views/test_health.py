import json

import pytest
from django.db import OperationalError, connection


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
