"""Scheduled work of the cooperation app (see kumppani.core.schedule)."""

from django.utils import timezone
from django_tasks import task

from kumppani.cooperation import services


@task()
def send_review_reminders() -> int:
    """Remind the responsible officials of realisations not marked a month after the period ended,
    once per period."""
    return services.send_review_reminders(timezone.localdate())
