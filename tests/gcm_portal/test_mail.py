"""E-mail leaves through the task queue: a request only records a task, a worker delivers it; with the test
settings' immediate task backend the mail reaches mail.outbox as before."""

import signal

import pytest
from django.core import mail
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from accounts.models import Role
from accounts.services import user_create
from gcm_portal.logs import request_id_bound
from reviews.models import Notification
from reviews.services.comments import comment_add, comment_digests_send
from reviews.services.notifications import notify
from tests.reviews.conftest import complete_review, open_cycle, review, submitted_review  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db

QUEUED = "gcm_portal.mail.QueuedEmailBackend"
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.fixture
def queued_mail(settings):
    """The production path: the queue, delivering to mail.outbox."""
    settings.EMAIL_BACKEND = QUEUED
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def _worker_runs_the_queue(monkeypatch) -> None:
    """`db_worker --batch`, as a worker process would; the signal handlers it sets are given back. The worker
    closes stale connections between tasks: here its connection is the test's, holding the test's transaction."""
    monkeypatch.setattr("django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None)
    handlers = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    try:
        call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)
    finally:
        for number, handler in handlers.items():
            signal.signal(number, handler)


def test_notification_email_waits_in_the_queue_until_a_worker_delivers_it(queued_mail, settings, focal_point,
                                                                           django_capture_on_commit_callbacks,
                                                                           monkeypatch):
    settings.TASKS = DATABASE_TASKS
    with request_id_bound("req-0123456789"), django_capture_on_commit_callbacks(execute=True):
        notify(users=[focal_point], kind=Notification.Kind.SUBMISSION, review=None,
               params={"country_ar": "مصر", "country_en": "Egypt"})

    task = DBTaskResult.objects.get()
    assert (len(mail.outbox), task.task_path, task.args_kwargs["kwargs"]["request_id"]) == (
        0, "gcm_portal.mail.send_queued_emails", "req-0123456789")

    _worker_runs_the_queue(monkeypatch)

    assert [message.to for message in mail.outbox] == [["fp-eg@example.org"]]
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"


def test_invitation_and_comment_digest_go_through_the_queue(queued_mail, django_capture_on_commit_callbacks,
                                                            submitted_review, reviewer, focal_point, egypt, rf):
    with django_capture_on_commit_callbacks(execute=True):
        user_create(username="fp-new", email="new@example.org", role=Role.FOCAL_POINT, country=egypt,
                    send_invitation=True, request=rf.get("/en/users/new/"))
    invitations = [message.to for message in mail.outbox]
    mail.outbox.clear()
    for anchor, body in (("answer:1.1", "Please add the 2027 figures."), ("answer:1.2", "And the sources.")):
        comment_add(review=submitted_review, author=reviewer, anchor=anchor, part_number=1, objective_number=None,
                    body=body, visibility="shared")

    digests = comment_digests_send()

    assert (invitations, digests, [message.to for message in mail.outbox]) == (
        [["new@example.org"]], 2, [["fp-eg@example.org"], ["new@example.org"]])  # both focal points of Egypt
    assert all("Please add the 2027 figures." in m.body and "And the sources." in m.body for m in mail.outbox)
