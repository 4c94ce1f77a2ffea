"""Logs that several servers and workers can be read together: one JSON object a line (LOG_FORMAT=json), each
carrying the request id, so a request can be followed from the proxy through the server that took it to the
task it enqueued on whichever worker ran it.

The id comes from the proxy's X-Request-ID header when it is sane (a short token: nginx's $request_id, a
UUID), else it is made here; the response carries it back in X-Request-ID. A task is given the id of the
request that enqueued it and binds it while it runs (request_id_bound).
"""

import contextlib
import datetime
import json
import logging
import re
import uuid
from contextvars import ContextVar

HEADER = "X-Request-ID"
_SANE = re.compile(r"[A-Za-z0-9._:-]{8,64}")
_request_id: ContextVar[str] = ContextVar("request_id", default="")


def current_request_id() -> str:
    """The id of the request (or of the request behind the task) being handled; "" outside both."""
    return _request_id.get()


@contextlib.contextmanager
def request_id_bound(request_id: str):
    token = _request_id.set(request_id if _SANE.fullmatch(request_id or "") else "")
    try:
        yield
    finally:
        _request_id.reset(token)


class RequestIdMiddleware:
    """First of the middleware: every log line of the request, and every task it enqueues, carries the id."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.headers.get(HEADER, "")
        request_id = given if _SANE.fullmatch(given) else uuid.uuid4().hex
        request.request_id = request_id
        with request_id_bound(request_id):
            response = self.get_response(request)
        response[HEADER] = request_id
        return response


class JsonFormatter(logging.Formatter):
    """One JSON object a line: time (UTC, ISO 8601), level, logger, message, request id, and the traceback of an
    exception when there is one. Our own, small: no dependency for it."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.datetime.fromtimestamp(record.created, datetime.timezone.utc).isoformat(
                timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", None) or current_request_id(),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)
