"""Scheduled jobs, declared in one place.

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


JOBS: list[Job] = [
    Job("database-statistics", dt.time(2, 30), "kumppani.core.tasks.refresh_database_statistics"),
    Job("expire-invitations", dt.time(3, 0), "kumppani.organisations.tasks.expire_invitations"),
    Job("coordinator-digest", dt.time(7, 30), "kumppani.organisations.tasks.send_coordinator_digests"),
    Job("activity-reminders", dt.time(9, 0), "kumppani.activities.tasks.send_confirmation_reminders"),
    Job("usage-report-reminders", dt.time(8, 30), "kumppani.grants.tasks.send_report_reminders"),
]


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
