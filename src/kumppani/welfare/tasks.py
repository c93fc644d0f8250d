"""Scheduled work of the welfare app (see kumppani.core.schedule)."""

from django.utils import timezone
from django_tasks import task

from kumppani.welfare import services


@task()
def compute_index() -> int:
    """Recompute this year's index of every body on the platform, so the national table reads
    stored rows."""
    return services.index_compute_all(year=timezone.localdate().year)
