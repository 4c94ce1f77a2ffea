import datetime

import pytest
from django.core.exceptions import ImproperlyConfigured

from gcm_portal.env import env_minutes


def test_env_minutes_reads_a_number_of_minutes(monkeypatch):
    monkeypatch.setenv("SESSION_IDLE_MINUTES", "45")

    assert env_minutes("SESSION_IDLE_MINUTES", 30) == datetime.timedelta(minutes=45)


def test_env_minutes_defaults_when_unset_or_empty(monkeypatch):
    monkeypatch.delenv("SESSION_IDLE_MINUTES", raising=False)
    unset = env_minutes("SESSION_IDLE_MINUTES", 30)
    monkeypatch.setenv("SESSION_IDLE_MINUTES", "")

    assert (unset, env_minutes("SESSION_IDLE_MINUTES", 30)) == (datetime.timedelta(minutes=30),) * 2


@pytest.mark.parametrize(("raw", "message"), [
    ("0", "LOGIN_COOLOFF_MINUTES must be a positive number of minutes, not 0."),
    ("-5", "LOGIN_COOLOFF_MINUTES must be a positive number of minutes, not -5."),
    ("15m", "LOGIN_COOLOFF_MINUTES must be an integer, not '15m'."),
])
def test_env_minutes_refuses_what_would_switch_protection_off(monkeypatch, raw, message):
    monkeypatch.setenv("LOGIN_COOLOFF_MINUTES", raw)

    with pytest.raises(ImproperlyConfigured) as error:
        env_minutes("LOGIN_COOLOFF_MINUTES", 15)

    assert str(error.value) == message


def test_settings_refuse_a_login_failure_limit_below_one(tmp_path):
    from tests.gcm_portal.test_settings import manage

    result = manage("check", env={"DEBUG": "1", "VAR_DIR": str(tmp_path), "LOGIN_FAILURE_LIMIT": "0"})

    assert result.returncode == 1
    assert "LOGIN_FAILURE_LIMIT must be at least 1, not 0." in result.stderr


def test_settings_refuse_report_builds_per_minute_below_one(tmp_path):
    from tests.gcm_portal.test_settings import manage

    result = manage("check", env={"DEBUG": "1", "VAR_DIR": str(tmp_path), "REPORT_BUILDS_PER_MINUTE": "0"})

    assert result.returncode == 1
    assert "REPORT_BUILDS_PER_MINUTE must be at least 1, not 0." in result.stderr
