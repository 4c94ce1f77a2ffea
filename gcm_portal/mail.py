"""E-mail leaves through the task queue: a request (or a command) that sends mail only records a task, and a
worker (`manage.py db_worker`) talks to the mail server, so a slow or unreachable mail server never holds a
page, and several servers need no mail spool of their own.

Every e-mail of the portal goes through Django's mail API (notifications, comment digests, password links,
invitations), so one e-mail backend is enough: QueuedEmailBackend, the settings' EMAIL_BACKEND, turns each
message into a `send_queued_emails` task; the task delivers it with EMAIL_DELIVERY_BACKEND (the variable
EMAIL_BACKEND: SMTP in production, the console for a developer). Queued inside a transaction, a message leaves
only if the transaction commits (the database task backend writes its row in the same transaction).
"""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django_tasks import task

from gcm_portal.logs import current_request_id, request_id_bound

logger = logging.getLogger(__name__)


def message_fields(message) -> dict:
    """What the task needs to write the message again, as JSON. Attachments are refused: no e-mail of the
    portal carries one (files are downloaded from the portal, after its access check)."""
    if message.attachments:
        raise ValueError("Queued e-mails carry no attachment.")
    return {
        "subject": str(message.subject), "body": str(message.body), "from_email": message.from_email,
        "to": list(message.to), "cc": list(message.cc), "bcc": list(message.bcc),
        "reply_to": list(message.reply_to), "headers": dict(message.extra_headers),
        "alternatives": [[str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])],
    }


class QueuedEmailBackend(BaseEmailBackend):
    """Queues the messages as one task; says how many it queued, as a backend says how many it sent."""

    def send_messages(self, email_messages) -> int:
        messages = [message_fields(message) for message in email_messages if message.recipients()]
        if not messages:
            return 0
        try:
            send_queued_emails.enqueue(messages=messages, request_id=current_request_id())
        except Exception:
            if not self.fail_silently:
                raise
            logger.exception("%s e-mail(s) could not be queued", len(messages))
            return 0
        return len(messages)


@task()
def send_queued_emails(messages: list[dict], request_id: str = "") -> int:
    """Delivers queued messages through the real backend; a failure fails the task (kept in its result)."""
    with request_id_bound(request_id):
        emails = []
        for fields in messages:
            fields = dict(fields)
            alternatives = fields.pop("alternatives", [])
            email = EmailMultiAlternatives(**fields)
            for content, mimetype in alternatives:
                email.attach_alternative(content, mimetype)
            emails.append(email)
        with get_connection(settings.EMAIL_DELIVERY_BACKEND) as connection:
            sent = connection.send_messages(emails) or 0
        logger.info("Delivered %s of %s queued e-mail(s)", sent, len(emails))
        return sent
