"""`kumppani export FORMAT DIR`: write the platform's open data as files, e.g. for a data portal.

    kumppani export hsds /srv/opendata/hsds          # Open Referral HSDS 3.0 (activities)
    kumppani export hsds /srv/opendata/hsds --lang sv
    kumppani export 360giving /srv/opendata/grants   # 360Giving 1.4.3 (decided grants), a file per body

Each format is a function (directory, *, language) → {file name: records written}; add a format
with one line in FORMATS.
"""

import os
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from kumppani.activities.hsds import records as hsds
from kumppani.grants import giving360

FORMATS = {
    "hsds": hsds.export,
    "360giving": giving360.export,
}


class Command(BaseCommand):
    help = "Write open data files: " + ", ".join(FORMATS) + "."

    def add_arguments(self, parser):
        parser.add_argument("format", choices=sorted(FORMATS), help="Which open data format.")
        parser.add_argument("directory", help="Where to write the files (created if missing).")
        parser.add_argument(
            "--lang",
            default="fi",
            choices=[code for code, _name in settings.LANGUAGES],
            help="Language of the text, falling back to Finnish (default fi).",
        )

    def handle(self, *args, **options):
        directory = Path(options["directory"]).expanduser()
        if directory.exists() and not directory.is_dir():
            raise CommandError(f"{directory} is a file, not a directory. Give a directory for the files.")
        try:
            directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CommandError(f"Cannot create the directory {directory}: {exc.strerror}.") from exc
        if not os.access(directory, os.W_OK | os.X_OK):
            raise CommandError(f"Cannot write into {directory}: permission denied.")
        try:
            counts = FORMATS[options["format"]](directory, language=options["lang"])
        except OSError as exc:  # a full disk, a directory removed meanwhile: the finished files stay
            raise CommandError(f"Writing into {directory} failed: {exc}") from exc
        for name, count in counts.items():
            self.stdout.write(f"{directory / name}: {count} records")
