"""Background tasks of the core app. Every task is small and safe to run twice."""

from django.core.mail import EmailMessage, send_mail
from django.db import connection
from django_tasks import task

from kumppani.core import search


@task()
def send_email(*, to: list[str], subject: str, body: str, attachments: list[list[str]] | None = None) -> int:
    if not attachments:
        return send_mail(subject, body, None, to)
    message = EmailMessage(subject, body, None, to)
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    return message.send()


@task()
def refresh_database_statistics() -> bool:
    """Nightly: let SQLite's query planner see how the data is distributed (ANALYZE), after
    merging each full-text index into one piece (search.compact_indexes).

    Without statistics SQLite guesses, and at a national register's size it guesses wrong: it
    sorts the whole register for one page of the NGO list instead of reading the name index in
    order. PostgreSQL's autovacuum keeps its own statistics and indexes, so there is nothing to do."""
    if connection.vendor != "sqlite":
        return False
    search.compact_indexes()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return True
