"""`kumppani load-bodies`: loads or updates the public bodies and the shared vocabularies from the
reference data shipped in core/data/."""

from django.core.management.base import BaseCommand

from kumppani.core import reference


class Command(BaseCommand):
    help = "Load or update the public bodies and the shared vocabularies from the shipped reference data."

    def handle(self, *args, **options):
        counties, municipalities = reference.load_public_bodies()
        reference.load_vocabularies()
        self.stdout.write(f"{counties} counties and {municipalities} municipalities are up to date.")
