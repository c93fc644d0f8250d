"""Scheduled work of the grants app (see kumppani.core.schedule)."""

from django.utils import timezone
from django_tasks import task

from kumppani.grants.services import reporting


@task()
def send_report_reminders() -> int:
    """Remind NGOs of their usage report two weeks before it is due and once the day after,
    each reminder once only."""
    before, after = reporting.reports_to_remind(timezone.localdate())
    sent = 0
    for report in before:
        sent += reporting.send_reminder(report, overdue=False)
    for report in after:
        sent += reporting.send_reminder(report, overdue=True)
    return sent
