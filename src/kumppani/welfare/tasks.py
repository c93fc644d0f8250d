"""Scheduled work of the welfare app (see kumppani.core.schedule)."""

import datetime as dt

from django.utils import timezone
from django_tasks import task

from kumppani.welfare import services


@task()
def compute_index() -> int:
    """Recompute this year's index of every body on the platform, so the national table reads
    stored rows; in January last year's too, so that its late entries (realisations marked, the
    yearly negotiation agreed) still count before its figures settle."""
    today = timezone.localdate()
    years = {today.year, (today - dt.timedelta(days=31)).year}
    return sum(services.index_compute_all(year=year) for year in sorted(years))


@task()
def fetch_indicators() -> dict:
    """Fetch from Sotkanet the indicators the reports' chapters follow, each at most once a day."""
    return services.indicators_fetch_due()
