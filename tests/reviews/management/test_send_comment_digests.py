"""`manage.py send_comment_digests`: what accumulated since the last run, one e-mail per reader and
review; run again, it sends nothing (cron or a timer runs it every few minutes)."""

from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from reviews.services.comments import comment_add

pytestmark = pytest.mark.django_db


def _run(*args) -> str:
    out = StringIO()
    call_command("send_comment_digests", *args, stdout=out)
    return out.getvalue()


def test_send_comment_digests_sends_what_accumulated_once(submitted_review, reviewer, organiser, focal_point):
    for body in ("The figures are in annex 2.", "The sources are in annex 3."):
        comment_add(review=submitted_review, author=focal_point, anchor="answer:1.1", part_number=1,
                    objective_number=None, body=body, visibility="shared")

    outputs = [_run(), _run(), _run("-v0")]

    assert outputs == ["2 comment digest(s) sent.\n", "0 comment digest(s) sent.\n", ""]
    assert sorted((message.to[0], message.body.count("> The ")) for message in mail.outbox) == [
        ("organiser@example.org", 2), ("reviewer-escwa@example.org", 2)]
