"""`kumppani worker`: runs the queued background tasks (e-mail, exports) and, beside them, enqueues
the scheduled jobs of kumppani.core.schedule when they fall due."""

import threading

from django.core.management.base import BaseCommand
from django.db import close_old_connections
from django.utils.crypto import get_random_string
from django_tasks_db.management.commands.db_worker import Worker

from kumppani.core import schedule


def _scheduler_loop(stop: threading.Event, interval: float) -> None:
    while not stop.is_set():
        close_old_connections()
        try:
            schedule.run_due()
        except Exception:  # a failing job must not stop the worker; it is logged
            schedule.log.exception("Checking the schedule failed")
        stop.wait(interval)


class Command(BaseCommand):
    help = (
        "Run a background worker: it sends e-mails, runs exports and enqueues the scheduled jobs of "
        "kumppani.core.schedule. Run as many as you like; they share the database queue."
    )

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=1.0, help="Seconds between queue checks when idle.")
        parser.add_argument("--batch", action="store_true", help="Run the tasks waiting now, then exit.")

    def handle(self, *args, interval: float, batch: bool, **options):
        stop = threading.Event()
        if batch:
            schedule.run_due()
        else:
            threading.Thread(target=_scheduler_loop, args=(stop, 60.0), daemon=True, name="scheduler").start()
        worker = Worker(
            queue_names=["default"],
            interval=interval,
            batch=batch,
            backend_name="default",
            startup_delay=not batch,
            max_tasks=None,
            worker_id=get_random_string(32),
            excluded_queue_names=[],
        )
        if not batch:
            worker.configure_signals()
        try:
            worker.run()
        finally:
            stop.set()
