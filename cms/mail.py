"""E-mails (workflow notifications, password resets) go out from the worker, not the request.

``QueuedEmailBackend`` (settings.EMAIL_BACKEND) turns each message into a ``send_email``
task, written with the change that sent it; the worker hands it to the backend the operator
chose (``EMAIL_DELIVERY_BACKEND``, read from the ``EMAIL_BACKEND`` variable: SMTP, console…).
An SMTP server that is slow or down then delays nobody's click. A message that cannot be
queued is sent at once, as before.
"""

import base64
import logging

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django_tasks import task

logger = logging.getLogger(__name__)


def to_json(message: EmailMessage) -> dict:
    """What the task needs to build the message again (ValueError if it cannot be kept)."""
    attachments = []
    for attachment in message.attachments:
        if not isinstance(attachment, tuple):
            raise ValueError("a MIME attachment")
        filename, content, mimetype = attachment
        raw = content.encode() if isinstance(content, str) else content
        attachments.append([filename, base64.b64encode(raw).decode(), mimetype])
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": {str(k): str(v) for k, v in message.extra_headers.items()},
        "alternatives": [[str(c), m] for c, m in getattr(message, "alternatives", [])],
        "attachments": attachments,
        "content_subtype": message.content_subtype,
    }


def from_json(data: dict) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
        alternatives=[tuple(alternative) for alternative in data["alternatives"]],
    )
    message.content_subtype = data["content_subtype"]
    for filename, content, mimetype in data["attachments"]:
        message.attach(filename, base64.b64decode(content), mimetype)
    return message


def deliver(messages: list[EmailMessage]) -> int:
    with get_connection(settings.EMAIL_DELIVERY_BACKEND) as connection:
        return connection.send_messages(messages) or 0


@task()
def send_email(message: dict) -> int:
    """Send one queued message through EMAIL_DELIVERY_BACKEND (an error fails the task)."""
    return deliver([from_json(message)])


class QueuedEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages: list[EmailMessage]) -> int:
        queued, unqueued = 0, []
        for message in email_messages:
            if not message.recipients():
                continue
            try:
                data = to_json(message)
            except (ValueError, TypeError) as error:
                logger.warning("E-mail %r sent at once (%s).", message.subject, error)
                unqueued.append(message)
                continue
            send_email.enqueue(data)
            queued += 1
        if unqueued:
            try:
                queued += deliver(unqueued)
            except Exception:
                if not self.fail_silently:
                    raise
        return queued
