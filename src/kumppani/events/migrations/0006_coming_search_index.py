"""The coming events' own full-text index (kumppani.events.indexing), filled from the events' documents."""

import datetime as dt
import zoneinfo

from django.db import migrations

from kumppani.core.search import index_migration


def fill(apps, schema_editor):
    SearchEntry = apps.get_model("core", "SearchEntry")
    CalendarDay = apps.get_model("events", "CalendarDay")
    today = dt.datetime.now(zoneinfo.ZoneInfo("Europe/Helsinki")).date()
    coming = CalendarDay.objects.filter(body__isnull=True, day__gte=today).values("event_id")
    entries = SearchEntry.objects.filter(kind="event", object_id__in=coming).values_list("object_id", "tokens")
    SearchEntry.objects.bulk_create(
        [SearchEntry(kind="comingevent", object_id=pk, tokens=tokens) for pk, tokens in entries.iterator(chunk_size=2000)],
        batch_size=500,
    )


def empty(apps, schema_editor):
    apps.get_model("core", "SearchEntry").objects.filter(kind="comingevent").delete()


class Migration(migrations.Migration):
    dependencies = [("events", "0005_search_index")]

    operations = [index_migration("comingevent"), migrations.RunPython(fill, empty)]
