"""kumppani backup DIR: the database, uploaded files and private attachments into a new folder."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kumppani.core import backup


class Command(BaseCommand):
    help = "Back up the database, the uploaded files and the private attachments into a new folder."

    def add_arguments(self, parser):
        parser.add_argument("directory", help="a new or empty folder")

    def handle(self, *args, directory, **options):
        try:
            manifest = backup.backup(Path(directory))
        except backup.BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Backed up the {manifest['database']} database and {len(manifest['files']) - 1} files to {directory}."
        )
