"""Small typed readers for settings taken from environment variables.

Each one raises ImproperlyConfigured on a value it cannot read, so a typo in a
deployment fails at start-up instead of running with a silent default.
"""

import os
from datetime import timedelta

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false), not {raw!r}.")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be an integer, not {raw!r}.") from None


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return list(default or [])
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_file_load(path) -> None:
    """Read KEY=VALUE lines from a local file into the environment, never overriding a variable
    that is already set. `make run` writes `.env` with DEBUG=1, so `manage.py` works in a
    developer's checkout; production sets real variables and has no such file."""
    try:
        lines = open(path, encoding="utf-8").read().splitlines()
    except FileNotFoundError:
        return
    for line in lines:
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, value = line.split("=", 1)
        os.environ.setdefault(key.strip(), value.strip())


def env_minutes(name: str, default: int) -> timedelta:
    """A positive number of minutes, as a timedelta (lockout cool-off, idle session expiry).

    Zero or a negative value would silently switch the protection off, so it is refused."""
    minutes = env_int(name, default)
    if minutes <= 0:
        raise ImproperlyConfigured(f"{name} must be a positive number of minutes, not {minutes}.")
    return timedelta(minutes=minutes)
