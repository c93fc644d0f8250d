"""kumppani restore DIR: bring a backup made by `kumppani backup` into a new installation."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kumppani.core import backup, search


class Command(BaseCommand):
    help = "Restore a backup made by `kumppani backup` into a new database and empty file folders."

    def add_arguments(self, parser):
        parser.add_argument("directory", help="the backup's folder")
        parser.add_argument("--replace", action="store_true", help="overwrite a database and files that are not empty")

    def handle(self, *args, directory, replace, **options):
        try:
            manifest = backup.restore(Path(directory), replace=replace)
        except backup.BackupError as exc:
            raise CommandError(str(exc)) from exc
        counts = search.rebuild()
        self.stdout.write(
            f"Restored the backup of {manifest['created_at']} ({len(manifest['files']) - 1} files); "
            f"search index rebuilt ({', '.join(f'{kind}: {n}' for kind, n in counts.items())}). "
            "Run `kumppani migrate` if this version is newer than the backup."
        )
