"""JSON logs with a request id: taken from a sane X-Request-ID or made, returned in the response, and carried
into the build the request enqueued, whichever worker runs it."""

import io
import json
import logging
import re

import pytest

from gcm_portal.logs import JsonFormatter, current_request_id, request_id_bound
from reviews.models import GeneratedReport
from tests.reviews.conftest import open_cycle, review  # noqa: F401 (fixtures)
from tests.reviews.reports_content import accept


@pytest.fixture
def json_lines():
    """What the portal's loggers write through the JSON formatter, parsed line by line."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    level = root.level
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    root.removeHandler(handler)
    root.setLevel(level)


@pytest.mark.django_db
def test_request_id_from_a_sane_header_is_returned(client):
    response = client.get("/healthz", headers={"X-Request-ID": "4f1c2a9e-proxy-0001"})

    assert response["X-Request-ID"] == "4f1c2a9e-proxy-0001"


@pytest.mark.django_db
@pytest.mark.parametrize("given", [None, "short", "has spaces in it", "x" * 65, "line\nbreak-injected"])
def test_request_id_is_made_when_the_header_is_missing_or_not_sane(client, given):
    response = client.get("/healthz", headers={"X-Request-ID": given} if given else {})

    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])


def test_json_formatter_writes_one_object_a_line_with_the_request_id(json_lines):
    with request_id_bound("req-12345678"):
        logging.getLogger("reviews.example").warning("Report %s failed: %s", "gcm", "مثال")
    logging.getLogger("reviews.example").info("Outside a request")

    first, second = json_lines()
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00", first.pop("time"))
    assert first == {"level": "WARNING", "logger": "reviews.example", "message": "Report gcm failed: مثال",
                     "request_id": "req-12345678"}
    assert (second["message"], second["request_id"], current_request_id()) == ("Outside a request", "", "")


def test_json_formatter_keeps_the_traceback(json_lines):
    try:
        raise ValueError("bad value")
    except ValueError:
        logging.getLogger("reviews.example").exception("Failed")

    (line,) = json_lines()
    assert line["exception"].splitlines()[-1] == "ValueError: bad value"


@pytest.mark.django_db
def test_the_build_a_request_enqueued_logs_the_requests_id(client, review, focal_point, reviewer, json_lines,
                                                           django_capture_on_commit_callbacks):
    accept(review, focal_point=focal_point, reviewer=reviewer)
    client.force_login(reviewer)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/reviews/cycles/arab-2028/reports/", {"languages": "en"},
                               headers={"X-Request-ID": "nginx-5d41402abc4b2a76"})

    report = GeneratedReport.objects.get()
    task_lines = [(line["message"], line["request_id"]) for line in json_lines() if line["logger"] == "reviews.tasks"]
    assert response["X-Request-ID"] == "nginx-5d41402abc4b2a76"
    assert task_lines == [
        (f"Building report {report.uid} (regional, en)", "nginx-5d41402abc4b2a76"),
        (f"Report {report.uid} built: {report.pages_done} pages, {report.size} bytes", "nginx-5d41402abc4b2a76"),
    ]
