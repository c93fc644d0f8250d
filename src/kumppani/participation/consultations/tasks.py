"""Scheduled work of consultations (see kumppani.core.schedule)."""

from django.utils import timezone
from django_tasks import task

from kumppani.participation.consultations import services


@task()
def close_due_consultations() -> int:
    """Close the consultations whose time is over and remind the bodies of responses still pending."""
    return services.close_due_and_remind(timezone.localdate())
