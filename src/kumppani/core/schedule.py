"""Scheduled jobs. Each app registers its own daily jobs in its AppConfig.ready().

Every worker checks the schedule each minute; a job runs once a day at or after its time
(Helsinki time). The unique (job, day) row in core.ScheduledRun lets exactly one of many
workers start it, on SQLite and on PostgreSQL alike.
"""

import datetime as dt
import logging
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from kumppani.core.models import ScheduledRun

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    name: str
    at: dt.time
    task: str  # dotted path of a django-tasks task, enqueued without arguments


JOBS: list[Job] = []


def register(job: Job) -> None:
    """Add a daily job; a job of the same name replaces the earlier one."""
    JOBS[:] = [existing for existing in JOBS if existing.name != job.name]
    JOBS.append(job)


def due_jobs(now: dt.datetime | None = None) -> list[Job]:
    local = timezone.localtime(now)
    return [job for job in JOBS if local.time() >= job.at]


def run_due(now: dt.datetime | None = None) -> list[str]:
    """Enqueue each job whose time has come today and that no worker has started yet."""
    started = []
    today = timezone.localdate(now)
    for job in due_jobs(now):
        try:
            with transaction.atomic():
                ScheduledRun.objects.create(job=job.name, due=today)
        except IntegrityError:
            continue
        import_string(job.task).enqueue()
        log.info("Scheduled job %s enqueued", job.name)
        started.append(job.name)
    return started
