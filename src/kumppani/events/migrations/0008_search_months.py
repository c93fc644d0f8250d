"""A word for each month an event has a date in, added to its search documents (events.indexing.
month_words): a month's search asks for the month too."""

import datetime as dt
import itertools
import re
import zoneinfo

from django.db import migrations

HELSINKI = zoneinfo.ZoneInfo("Europe/Helsinki")
MONTH_WORD = re.compile(r"kk\d{6}")
KINDS = ("event", "comingevent")


def _months(start: dt.datetime, end: dt.datetime) -> set[str]:
    """The months of the days in Helsinki that [start, end) touches (at least the day it starts)."""
    first = start.astimezone(HELSINKI).date()
    final = max((end.astimezone(HELSINKI) - dt.timedelta(microseconds=1)).date(), first)
    months, day = set(), first.replace(day=1)
    while day <= final:
        months.add(f"kk{day.year}{day.month:02d}")
        day = (day + dt.timedelta(days=32)).replace(day=1)
    return months


def _rewrite(schema_editor, SearchEntry, object_ids, document) -> None:
    """Give the documents of the events `object_ids` the tokens `document(object_id, tokens)`."""
    entries = SearchEntry.objects.filter(kind__in=KINDS, object_id__in=object_ids).values_list(
        "pk", "object_id", "tokens"
    )
    rows = [(document(object_id, tokens), pk) for pk, object_id, tokens in entries]
    with schema_editor.connection.cursor() as cursor:
        cursor.executemany("UPDATE core_searchentry SET tokens = %s WHERE id = %s", rows)


def add_months(apps, schema_editor):
    SearchEntry = apps.get_model("core", "SearchEntry")
    Occurrence = apps.get_model("events", "Occurrence")
    dates = Occurrence.objects.order_by("event_id").values_list("event_id", "start", "end").iterator(chunk_size=10_000)
    months: dict[int, set[str]] = {}

    def add(object_id, tokens):
        return " ".join(sorted(set(tokens.split()) | months[object_id]))

    for event_id, rows in itertools.groupby(dates, key=lambda row: row[0]):
        months[event_id] = set().union(*(_months(start, end) for _event_id, start, end in rows))
        if len(months) == 2000:
            _rewrite(schema_editor, SearchEntry, list(months), add)
            months.clear()
    if months:
        _rewrite(schema_editor, SearchEntry, list(months), add)
    _compact(schema_editor)


def _compact(schema_editor) -> None:
    """Merge the rewritten full-text indexes into one piece (core.search.compact_indexes): the old
    words, marked deleted, would slow every search until merged."""
    if schema_editor.connection.vendor == "sqlite":
        with schema_editor.connection.cursor() as cursor:
            for table in ("core_searchentry_fts_event", "core_searchentry_fts_comingevent"):
                cursor.execute(f"INSERT INTO {table}({table}) VALUES('optimize')")


def remove_months(apps, schema_editor):
    SearchEntry = apps.get_model("core", "SearchEntry")
    ids = (
        SearchEntry.objects.filter(kind__in=KINDS)
        .values_list("object_id", flat=True)
        .distinct()
        .iterator(chunk_size=10_000)
    )
    while batch := list(itertools.islice(ids, 2000)):
        _rewrite(
            schema_editor,
            SearchEntry,
            batch,
            lambda _object_id, tokens: " ".join(t for t in tokens.split() if not MONTH_WORD.fullmatch(t)),
        )
    _compact(schema_editor)


class Migration(migrations.Migration):
    dependencies = [("events", "0007_time_order_index"), ("core", "0005_search_vector")]

    operations = [migrations.RunPython(add_months, remove_months)]
