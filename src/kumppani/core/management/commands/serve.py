"""`kumppani serve`: the development server with a background worker beside it."""

import atexit
import os
import subprocess
import sys

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Serve Kumppani for development at 127.0.0.1:8000, with a background worker beside it."

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")

    def handle(self, *args, addrport: str, **options):
        # The autoreloader runs this command again in a child process (RUN_MAIN); start the
        # worker only once, in the parent, and stop it when the server stops.
        if os.environ.get("RUN_MAIN") != "true":
            worker = subprocess.Popen([sys.executable, "-m", "kumppani", "worker", "--verbosity", "0"])
            atexit.register(worker.terminate)
            self.stdout.write(
                f"Kumppani is at http://{addrport}/ – the background worker runs as process {worker.pid}."
            )
        call_command("runserver", addrport)
