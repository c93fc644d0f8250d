"""Scheduled work of the events app (see kumppani.core.schedule)."""

from django_tasks import task

from kumppani.events import indexing


@task()
def refresh_coming() -> tuple[int, int]:
    """Each night, take the events whose last day has gone out of the coming events' index."""
    return indexing.refresh_coming()
