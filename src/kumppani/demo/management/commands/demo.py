"""`kumppani demo`: loads the demo data in one transaction and prints the demo accounts."""

import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from kumppani.core import reference
from kumppani.core.models import PublicBody
from kumppani.demo import accounts, organisations
from kumppani.demo import activities as demo_activities
from kumppani.demo import consultations as demo_consultations
from kumppani.demo import cooperation as demo_cooperation
from kumppani.demo import events as demo_events
from kumppani.demo import governance as demo_governance
from kumppani.demo import grants as demo_grants
from kumppani.demo import knowledge as demo_knowledge
from kumppani.demo import premises as demo_premises
from kumppani.demo import surveys as demo_surveys
from kumppani.demo import welfare as demo_welfare
from kumppani.demo import welfare_indicators as demo_welfare_indicators
from kumppani.organisations.models import Organisation


class Command(BaseCommand):
    help = (
        "Load demo data: about 150 NGOs in eight municipalities and an account for every role "
        f"(password “{accounts.PASSWORD}”; demo only). Running it again adds only what is missing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--if-empty", action="store_true", help="Do nothing if the register has any NGO.")

    def handle(self, *args, if_empty: bool = False, **options):
        if if_empty and (count := Organisation.objects.count()):
            self.stdout.write(
                f"Demo data not loaded: the register already has {count} NGOs (`kumppani demo` lists the demo accounts)."
            )
            return
        if not settings.DEBUG:
            self.stderr.write(
                self.style.WARNING("DEBUG is off: demo accounts have a published password – never on a public server.")
            )
        started = time.monotonic()
        with transaction.atomic():
            if not PublicBody.objects.exists():
                reference.load_public_bodies()
                reference.load_vocabularies()
            users = accounts.create_users()
            added, existing = organisations.load(accounts.verifiers(users))
            accounts.link(users)
            activity_count, path_count = demo_activities.load(users)
            applications = demo_grants.load(users)
            demo_events.load(users)
            self.stdout.write(demo_premises.load(users))
            demo_events.load_in_booked_space(users)
            self.stdout.write(demo_cooperation.load(users))
            self.stdout.write(demo_governance.load(users))
            self.stdout.write(demo_consultations.load(users))  # participation: consultations
            # Participation: surveys and knowledge reports.
            self.stdout.write(demo_surveys.load(users))
            self.stdout.write(demo_knowledge.load(users))
            self.stdout.write(demo_welfare.load())
            self.stdout.write(demo_welfare_indicators.load())
        self.stdout.write(
            f"Demo data: {added} NGOs added, {existing} already there, {activity_count} activities and "
            f"{path_count} service paths added, {applications} grant applications added "
            f"({time.monotonic() - started:.1f} s).\n"
        )
        self.stdout.write(accounts.table())
