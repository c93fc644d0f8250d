"""What the event search looks at, kept in core.SearchEntry like the activities' search.

Every event has a document of kind "event". The events that are still to come have a second copy
of it, of kind "comingevent", in an index of their own: a calendar shows today and later, and
after a few years most events are past, so a search of the coming ones reads a fraction of the
words. An event is added there when its calendar days are written (or its texts change) and it has
a day today or later; the daily job takes away those whose last day has gone.

A document also holds a word for each month the event has a date in ("kk202612"): a search of one
month's calendar asks the index for the words and that month, and a common word's matches in the
other months are not looked at (a sixth of a month's search of the national calendar).
"""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from kumppani.core import search
from kumppani.core.models import SearchEntry
from kumppani.events.models import CalendarDay, Event, local_days

SEARCH_KIND = "event"
COMING_KIND = "comingevent"


def month_word(day: dt.date) -> str:
    """The word of an event's search document for a month it has a date in (the search stores it
    as it is: a letter pair and digits have no other forms)."""
    return f"kk{day.year}{day.month:02d}"


def month_words(first: dt.date, last: dt.date) -> list[str]:
    """The words of the months that [first, last) touches."""
    months, day = [], first.replace(day=1)
    while day < last:
        months.append(month_word(day))
        day = (day + dt.timedelta(days=32)).replace(day=1)
    return months


def search_texts(event: Event) -> list[str]:
    """Titles and descriptions in every language, the organiser's and the place's names, the themes
    and target groups: a resident may search by any of them. Then the months of its dates (in
    Helsinki, each day of a date that lasts over midnight)."""
    texts = [
        getattr(event, f"{field}_{lang}") or ""
        for field in ("name", "short_description", "description", "place_name")
        for lang in ("fi", "sv", "en")
    ]
    organiser = event.organiser
    texts.extend([organiser.name_fi or "", organiser.name_sv or "", organiser.name_en or ""] if organiser else [])
    texts.append(event.street_address)
    for term in [*event.themes.all(), *event.target_groups.all()]:
        texts.extend([term.name_fi or "", term.name_sv or "", term.name_en or ""])
    days = {day for occurrence in event.occurrences.all() for day in local_days(occurrence.start, occurrence.end)}
    texts.extend(sorted({month_word(day) for day in days}))
    return texts


def search_documents():
    """Every event's search document, for rebuilding the index (core.search.rebuild)."""
    events = Event.objects.select_related("organisation", "organiser_body")
    events = events.prefetch_related("themes", "target_groups", "occurrences")
    for event in events.iterator(chunk_size=500):
        yield event.pk, search_texts(event)


def reindex(event: Event) -> None:
    search.update_entry(SEARCH_KIND, event.pk, search_texts(event))
    index_coming(event)


def index_coming(event: Event) -> None:
    """Keep the event among the coming ones, a copy of its document, while the calendar shows it
    today or later (a new event has its document once `reindex` has written it)."""
    if CalendarDay.objects.filter(event_id=event.pk, day__gte=timezone.localdate()).exists():
        document = SearchEntry.objects.filter(kind=SEARCH_KIND, object_id=event.pk).values_list("tokens", flat=True)
        if tokens := document.first():
            SearchEntry.objects.update_or_create(kind=COMING_KIND, object_id=event.pk, defaults={"tokens": tokens})
    else:
        search.delete_entry(COMING_KIND, event.pk)


def coming_kind(first: dt.date) -> str:
    """The index that holds every event with a calendar day on or after `first`: the coming
    events' when `first` is not in the past, since an event stays there until its last day."""
    return COMING_KIND if first >= timezone.localdate() else SEARCH_KIND


def coming_documents():
    """The coming events' documents, for rebuilding the index (core.search.rebuild)."""
    coming = CalendarDay.objects.filter(body__isnull=True, day__gte=timezone.localdate()).values("event_id")
    events = Event.objects.filter(pk__in=coming).select_related("organisation", "organiser_body")
    for event in events.prefetch_related("themes", "target_groups", "occurrences").iterator(chunk_size=500):
        yield event.pk, search_texts(event)


def refresh_coming() -> tuple[int, int]:
    """Take away the events whose last calendar day has gone and add any coming one that is
    missing (copied from its document): (taken away, added)."""
    coming = CalendarDay.objects.filter(body__isnull=True, day__gte=timezone.localdate()).values("event_id")
    with transaction.atomic():
        gone, _ = SearchEntry.objects.filter(kind=COMING_KIND).exclude(object_id__in=coming).delete()
        present = SearchEntry.objects.filter(kind=COMING_KIND).values("object_id")
        missing = SearchEntry.objects.filter(kind=SEARCH_KIND, object_id__in=coming).exclude(object_id__in=present)
        added = [
            SearchEntry(kind=COMING_KIND, object_id=object_id, tokens=tokens)
            for object_id, tokens in missing.values_list("object_id", "tokens").iterator(chunk_size=2000)
        ]
        SearchEntry.objects.bulk_create(added, batch_size=500)
    return gone, len(added)
