"""`kumppani fetch_sotkanet [ID ...] [--force]`: fetch indicator values from Sotkanet's REST API.

Without ids, the indicators some report's chapter follows; each at most once a day unless --force."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from kumppani.welfare import services
from kumppani.welfare.models import Indicator


class Command(BaseCommand):
    help = "Fetch indicator values from Sotkanet (THL) for the indicators the welfare reports follow."

    def add_arguments(self, parser):
        parser.add_argument("ids", nargs="*", type=int, help="Sotkanet indicator ids (default: those in use)")
        parser.add_argument("--force", action="store_true", help="fetch even if fetched within the last day")

    def handle(self, *args, ids, force, **options):
        translation.activate("fi")
        indicators = Indicator.objects.filter(sotkanet_id__in=ids) if ids else services.indicators_in_use()
        missing = set(ids) - {indicator.sotkanet_id for indicator in indicators}
        if missing:
            raise CommandError(f"Tuntematon indikaattori: {', '.join(map(str, sorted(missing)))}")
        failed = False
        for indicator in indicators:
            try:
                count = services.indicator_values_fetch(indicator=indicator, force=force)
            except ValidationError as error:
                failed = True
                self.stderr.write(f"{indicator.sotkanet_id}: {' '.join(error.messages)}")
            else:
                self.stdout.write(f"{indicator.sotkanet_id}: {count}")
        if failed:
            raise CommandError("Osa indikaattoreista jäi hakematta.")
