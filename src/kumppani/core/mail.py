"""E-mail: messages are rendered from templates in the recipient's language and sent by a task."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend
from django.template.loader import render_to_string
from django.utils import translation

from kumppani.core.models import OutboxMessage


class OutboxBackend(BaseEmailBackend):
    """Keeps every message in the outbox table, readable by admins in the browser (development and demo)."""

    def send_messages(self, email_messages: list[EmailMessage]) -> int:
        for message in email_messages:
            OutboxMessage.objects.create(
                from_email=message.from_email,
                to=", ".join(message.to),
                subject=message.subject,
                body=message.body,
            )
        return len(email_messages)


def render_message(template: str, context: dict, language: str) -> tuple[str, str]:
    """(subject, body) of `template` rendered in `language`: templates/<template>_subject.txt and .txt."""
    with translation.override(language):
        context = {"site_url": settings.SITE_URL, **context}
        subject = render_to_string(f"{template}_subject.txt", context).strip()
        body = render_to_string(f"{template}.txt", context)
    return " ".join(subject.split()), body


def send(
    *,
    to: list[str],
    template: str,
    context: dict,
    language: str = "fi",
    attachments: list[tuple[str, str, str]] | None = None,
) -> None:
    """Queue an e-mail. It is rendered now, so the message says what was true when it was sent.
    `attachments` are (file name, text content, MIME type), e.g. a calendar file."""
    from kumppani.core.tasks import send_email

    subject, body = render_message(template, context, language)
    extra = {"attachments": [list(item) for item in attachments]} if attachments else {}
    send_email.enqueue(to=list(to), subject=subject, body=body, **extra)
