"""Reads of the calendar, its feeds and the NGO's and body's pages. Each answers in a fixed number
of queries however many events there are: the occurrences are read by their (start, end) index and
every event's relations come in one query each."""

import datetime as dt
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.db import connection
from django.db.models import Count, Exists, F, OuterRef, QuerySet, TextField, Value, Window
from django.db.models.functions import Coalesce, NullIf, RowNumber
from django.utils import timezone, translation

from kumppani.core import search
from kumppani.events.indexing import SEARCH_KIND, coming_kind, month_words
from kumppani.events.models import (
    HELSINKI,
    PUBLIC_STATUSES,
    BulletinIssue,
    CalendarDay,
    Event,
    EventStatus,
    Listing,
    ListingStatus,
    Occurrence,
)


@dataclass(frozen=True)
class Criteria:
    q: str = ""
    body: object = None
    theme: object = None
    target: object = None
    language: object = None
    free: bool = False
    accessible: bool = False
    online: bool = False
    organisation: object = None

    @classmethod
    def from_form(cls, data: dict) -> "Criteria":
        return cls(**{key: data.get(key) for key in cls.__dataclass_fields__ if data.get(key) not in (None, "")})


def approved_somewhere() -> Exists:
    """The condition that an event is approved in some body's calendar."""
    return Exists(Listing.objects.filter(status=ListingStatus.APPROVED, event=OuterRef("pk")))


def public_events(criteria: Criteria = Criteria()) -> QuerySet:
    """Events a resident sees (published, cancelled or postponed, approved in some calendar, or in
    the calendar of the chosen body), narrowed by the criteria."""
    if criteria.body is not None:
        # One body's calendar: its approved listings (an index of body, status, event) name the
        # events, so the database starts from them rather than testing every event in turn.
        approved = Listing.objects.filter(status=ListingStatus.APPROVED, body=criteria.body)
        events = Event.objects.filter(pk__in=approved.values("event_id"))
    else:
        events = Event.objects.filter(approved_somewhere())
    events = events.filter(status__in=PUBLIC_STATUSES)
    if criteria.organisation is not None:
        events = events.filter(organisation=criteria.organisation)
    if criteria.theme is not None:
        events = events.filter(themes=criteria.theme)
    if criteria.target is not None:
        events = events.filter(target_groups=criteria.target)
    if criteria.language is not None:
        events = events.filter(languages=criteria.language)
    if criteria.free:
        events = events.filter(is_free=True)
    if criteria.accessible:
        events = events.filter(is_accessible=True)
    if criteria.online:
        events = events.filter(is_online=True)
    if criteria.q:
        events = search.filter_matching(events, SEARCH_KIND, criteria.q)
    return events


def day_bounds(first: dt.date, last: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """The moments that begin `first` and `last` (exclusive) in Helsinki."""
    return dt.datetime.combine(first, dt.time(0), HELSINKI), dt.datetime.combine(last, dt.time(0), HELSINKI)


@dataclass
class Item:
    """A date of an event as the calendar, the embed and the snippet show it, in the language of the
    request. Read as plain values: building the date, its event, NGO and municipality as model
    instances for each of a month's hundred-odd dates took a sixth of the page's time."""

    occurrence_id: int
    event_id: int
    slug: str
    name: str
    name_language: str  # "fi" when the name is not in the request's language but in Finnish, else ""
    start: dt.datetime  # in Helsinki
    end: dt.datetime
    all_day: bool
    status: str  # "cancelled" for a cancelled date of a series, else the event's
    is_online: bool = False
    street_address: str = ""
    space_name: str = ""  # the place's name when it is a space of the premises app
    municipality: str = ""
    organiser: str = ""
    # Made by the views as text for their language (the event's address, its time, its place).
    url: str = ""
    when: str = ""
    where: str = ""


_LANGUAGES = tuple(code for code, _name in settings.LANGUAGES)


def _each_language(base: str) -> list[str]:
    return [f"{base}_{language}" for language in _LANGUAGES]


def _items(rows: QuerySet, to_occurrence: str = "", *, detail: bool = True) -> list[Item]:
    """Items of the occurrences that `rows` are (or lead to through `to_occurrence`, e.g.
    "occurrence__"), in the rows' order: one query. Without `detail` only what the month view
    shows. A text missing in the request's language is the Finnish one, as the models show it."""
    language = translation.get_language()
    language = language if language in _LANGUAGES else _LANGUAGES[0]
    event = f"{to_occurrence}event__"
    fields = [
        f"{to_occurrence}id",
        f"{to_occurrence}event_id",
        f"{to_occurrence}start",
        f"{to_occurrence}end",
        f"{to_occurrence}is_cancelled",
        f"{event}slug",
        f"{event}status",
        f"{event}all_day",
        *_each_language(f"{event}name"),
    ]
    if detail:
        fields += [f"{event}is_online", f"{event}street_address", f"{event}space_id"]
        for base in ("place_name", "municipality__name", "organisation__name", "organiser_body__name"):
            fields += _each_language(f"{event}{base}")

    def text(row: dict, base: str) -> str:
        return row[f"{event}{base}_{language}"] or row[f"{event}{base}_{_LANGUAGES[0]}"] or ""

    items = []
    for row in rows.values(*fields):
        own_name = row[f"{event}name_{language}"]
        item = Item(
            occurrence_id=row[f"{to_occurrence}id"],
            event_id=row[f"{to_occurrence}event_id"],
            slug=row[f"{event}slug"],
            name=own_name or row[f"{event}name_{_LANGUAGES[0]}"] or "",
            name_language="" if own_name or language == _LANGUAGES[0] else _LANGUAGES[0],
            start=timezone.localtime(row[f"{to_occurrence}start"], HELSINKI),
            end=timezone.localtime(row[f"{to_occurrence}end"], HELSINKI),
            all_day=row[f"{event}all_day"],
            status="cancelled" if row[f"{to_occurrence}is_cancelled"] else row[f"{event}status"],
        )
        if detail:
            item.is_online = row[f"{event}is_online"]
            item.street_address = row[f"{event}street_address"]
            item.space_name = text(row, "place_name") if row[f"{event}space_id"] else ""
            item.municipality = text(row, "municipality__name")
            item.organiser = text(row, "organisation__name") or text(row, "organiser_body__name")
        items.append(item)
    return items


@dataclass
class Day:
    """A day of a calendar view: at most a few of its events' dates, and how many there are in all."""

    date: dt.date
    items: list[Item]
    total: int

    @property
    def more(self) -> int:
        return self.total - len(self.items)


def calendar_days(criteria: Criteria, first: dt.date, last: dt.date) -> QuerySet:
    """The CalendarDay rows of the chosen calendar (a body's, or all bodies') on [first, last),
    narrowed by the other criteria: a range of one index."""
    rows = CalendarDay.objects.filter(day__gte=first, day__lt=last)
    rows = rows.filter(body=criteria.body) if criteria.body is not None else rows.filter(body__isnull=True)
    # Each other criterion is a check of the row's event (an index probe per row), not a list of
    # every matching event: a theme has tens of thousands of events nationally.
    event = OuterRef("event_id")
    if criteria.organisation is not None:
        rows = rows.filter(Exists(Event.objects.filter(pk=event, organisation=criteria.organisation)))
    if criteria.theme is not None:
        rows = rows.filter(Exists(Event.themes.through.objects.filter(event_id=event, term=criteria.theme)))
    if criteria.target is not None:
        rows = rows.filter(Exists(Event.target_groups.through.objects.filter(event_id=event, term=criteria.target)))
    if criteria.language is not None:
        rows = rows.filter(Exists(Event.languages.through.objects.filter(event_id=event, language=criteria.language)))
    flags = {name: True for name in ("is_free", "is_accessible", "is_online") if getattr(criteria, name[3:])}
    if flags:
        rows = rows.filter(Exists(Event.objects.filter(pk=event, **flags)))
    if criteria.q:
        # The range is read and each row's event looked up among the matches (`+ 0` keeps the
        # planner from the event index): a common word matches a hundred thousand events
        # nationally, and looking up the days of each was ten times slower. The matches are only
        # those with a date in the range's months (indexing.month_words).
        matches = search.matching_ids(coming_kind(first), criteria.q, any_of=month_words(first, last))
        if matches is not None:
            rows = rows.alias(matched_event=F("event_id") + 0).filter(matched_event__in=matches)
    return rows


def _matching(events: QuerySet, q: str) -> QuerySet:
    """Events whose search document matches `q`."""
    return search.filter_matching(events, SEARCH_KIND, q)


def days_bounded(criteria: Criteria, first: dt.date, last: dt.date, per_day: int, *, detail: bool = True) -> list[Day]:
    """Every day of [first, last) with its first `per_day` dates in time order and the count of all
    of them (a multi-day event counts on each of its days), so that a month of a busy calendar is a
    page of a bounded size. Two queries whatever the number of events: a window over each day of
    the calendar's (body, day) index numbers and counts its dates (from the index alone), then the
    chosen few are read as items (with `detail`, also their place and organiser)."""
    by_day = Window(RowNumber(), partition_by=[F("day")], order_by=[F("start").asc(), F("event_id").asc()])
    chosen = list(
        calendar_days(criteria, first, last)
        .annotate(position=by_day, total=Window(Count("pk"), partition_by=[F("day")]))
        .filter(position__lte=per_day)
        .values_list("occurrence_id", "day", "total")
    )
    found = {}
    if chosen:
        occurrences = Occurrence.objects.filter(pk__in={pk for pk, _day, _total in chosen})
        found = {item.occurrence_id: item for item in _items(occurrences, detail=detail)}
    shown: dict[dt.date, Day] = {}
    for pk, day, total in chosen:
        shown.setdefault(day, Day(day, [], total)).items.append(found[pk])
    for cell in shown.values():
        cell.items.sort(key=lambda item: (item.start, item.event_id))
    span = [first + dt.timedelta(days=n) for n in range((last - first).days)]
    return [shown.get(day) or Day(day, [], 0) for day in span]


def first_occurrences(criteria: Criteria, first: dt.date, last: dt.date, limit: int) -> list[Item]:
    """The first `limit` dates of matching events in [first, last), in time order, each once (a
    multi-day date is on each of its days): one query on the calendar's index."""
    rows = calendar_days(criteria, first, last).order_by("day", "start", "event_id")[: limit * 2]
    found = {}
    for item in _items(rows, "occurrence__"):
        found.setdefault(item.occurrence_id, item)
    return list(found.values())[:limit]


def by_day(items: list[Occurrence], first: dt.date, last: dt.date) -> list[tuple[dt.date, list[Occurrence]]]:
    """Every day of [first, last) with the occurrences on it (a multi-day event on each of its days)."""
    days = {first + dt.timedelta(days=n): [] for n in range((last - first).days)}
    for item in items:
        day = max(item.local_start.date(), first)
        final = (item.local_end - dt.timedelta(microseconds=1)).date()
        while day <= final and day < last:
            days[day].append(item)
            day += dt.timedelta(days=1)
    return list(days.items())


FEED_LIMIT = 200  # events in a feed at most, as other calendar feeds bound theirs


@dataclass
class FeedEvent:
    """An event as the iCalendar and RSS feeds write it, in the language of the request (Finnish
    where a text is missing, as the models show it). Read as plain values: building each of a
    feed's 200 events and its municipality as model instances was half of the feed's time."""

    pk: int
    uuid: uuid.UUID
    slug: str
    name: str
    text: str  # the short description, or else the description
    status: str
    status_reason: str
    start: dt.datetime  # in Helsinki
    end: dt.datetime
    all_day: bool
    recurrence: str
    recurrence_until: dt.date | None
    place: str  # the online link of an online event without a street address, else the address
    created_at: dt.datetime
    updated_at: dt.datetime

    def get_status_display(self) -> str:
        return str(EventStatus(self.status).label)


def _own(base: str, language: str):
    """The field in `language`, else in Finnish (modeltranslation's fallback, done in the query)."""
    finnish = F(f"{base}_{_LANGUAGES[0]}")
    if language == _LANGUAGES[0]:
        return finnish
    return Coalesce(NullIf(F(f"{base}_{language}"), Value("")), finnish, output_field=TextField())


def feed_rows(events: QuerySet[Event]) -> list[FeedEvent]:
    """The events as FeedEvents, in no particular order: one query, which reads a description only
    for an event without a short one."""
    language = translation.get_language()
    language = language if language in _LANGUAGES else _LANGUAGES[0]
    rows = events.values(
        "pk",
        "uuid",
        "slug",
        "status",
        "status_reason",
        "start",
        "end",
        "all_day",
        "recurrence",
        "recurrence_until",
        "is_online",
        "online_url",
        "street_address",
        "postal_code",
        "created_at",
        "updated_at",
        own_name=_own("name", language),
        text=Coalesce(
            NullIf(_own("short_description", language), Value("")),
            _own("description", language),
            output_field=TextField(),
        ),
        own_place=_own("place_name", language),
        town=_own("municipality__name", language),
    )
    found = []
    for row in rows:
        if row["is_online"] and not row["street_address"]:
            place = row["online_url"]
        else:  # as Event.location_text()
            town = " ".join(part for part in (row["postal_code"], row["town"]) if part)
            place = ", ".join(part for part in (row["own_place"], row["street_address"], town) if part)
        found.append(
            FeedEvent(
                pk=row["pk"],
                uuid=row["uuid"],
                slug=row["slug"],
                name=row["own_name"] or "",
                text=row["text"] or "",
                status=row["status"],
                status_reason=row["status_reason"],
                start=timezone.localtime(row["start"], HELSINKI),
                end=timezone.localtime(row["end"], HELSINKI),
                all_day=row["all_day"],
                recurrence=row["recurrence"],
                recurrence_until=row["recurrence_until"],
                place=place,
                created_at=row["created_at"],
                updated_at=row["updated_at"],
            )
        )
    return found


def feed_events(criteria: Criteria, first: dt.date, last: dt.date, limit: int | None = None) -> list[FeedEvent]:
    """The first `limit` events with a date in [first, last), each once, in the order of their
    first date there, for the iCalendar and RSS feeds. Two queries: the calendar's days from its
    index (a few per event are enough to find `limit` events) and the events (the iCalendar reads the
    cancelled dates of the series among them, see ics.calendar)."""
    limit = limit or FEED_LIMIT
    rows = calendar_days(criteria, first, last).order_by("day", "start", "event_id")
    ids = list(dict.fromkeys(rows.values_list("event_id", flat=True)[: limit * 8]))[:limit]
    events = {event.pk: event for event in feed_rows(Event.objects.filter(pk__in=ids))}
    return [events[pk] for pk in ids if pk in events]


def coming(criteria: Criteria, limit: int = 5) -> list[Occurrence]:
    """The next dates of matching events, for the NGO's and the body's pages."""
    now = timezone.now()
    return list(
        Occurrence.objects.filter(end__gt=now, is_cancelled=False, event__in=public_events(criteria).values("pk"))
        .select_related("event")
        .order_by("start", "event_id")[:limit]
    )


def coming_at_space(space, limit: int = 5) -> list[Occurrence]:
    """The next dates of public events held in a space of the premises app, for the space's page."""
    # The space's events, read from the index of Event.space. Written as a range of one value:
    # most events name no space, so SQLite's statistics count the index as one huge group and
    # would scan every event for `space_id = x` (0.8 s at 500,000 events); a range it reads by
    # the index. (A partial index on space, where not null, would serve an equality too.)
    rows = Event.objects.filter(space_id__gte=space.pk, space_id__lte=space.pk).order_by()
    ids = [pk for pk, status in rows.values_list("pk", "status") if status in PUBLIC_STATUSES]
    if not ids:
        return []  # most spaces: one light query
    events = public_events().filter(pk__in=ids)
    return list(
        Occurrence.objects.filter(end__gt=timezone.now(), is_cancelled=False, event__in=events.values("pk"))
        .select_related("event")
        .order_by("start", "event_id")[:limit]
    )


def queue(body) -> QuerySet:
    """Events awaiting the body's decision, oldest submission first."""
    return (
        Listing.objects.filter(body=body, status=ListingStatus.PENDING)
        .select_related("event", "event__organisation", "event__municipality")
        .order_by("submitted_at", "pk")
    )


def queue_counts(body_ids) -> dict[int, int]:
    return dict(
        Listing.objects.filter(body_id__in=body_ids, status=ListingStatus.PENDING)
        .values_list("body_id")
        .annotate(n=Count("pk"))
        .values_list("body_id", "n")
    )


def next_deadline(body=None) -> BulletinIssue | None:
    """The next bulletin issue whose submission deadline has not passed (of a body, or of any)."""
    issues = BulletinIssue.objects.filter(deadline__gt=timezone.now()).select_related("body").order_by("deadline")
    if body is not None:
        issues = issues.filter(body=body)
    return issues.first()


def bulletin_occurrences(issue: BulletinIssue) -> list[Occurrence]:
    """The bulletin's events: approved in the body's calendar, submitted by the issue's deadline,
    with a date in the issue's period. An event submitted later waits for the next issue."""
    approved = Listing.objects.filter(
        event=OuterRef("event_id"),
        body=issue.body,
        status=ListingStatus.APPROVED,
        submitted_at__lte=issue.deadline,
    )
    begin, end = day_bounds(issue.period_start, issue.period_end + dt.timedelta(days=1))
    return list(
        Occurrence.objects.filter(Exists(approved), start__lt=end, end__gt=begin, event__status__in=PUBLIC_STATUSES)
        .select_related("event", "event__organisation", "event__organiser_body", "event__municipality")
        .order_by("start", "event_id")
    )


def latest_bulletin(body) -> BulletinIssue | None:
    """The body's newest published bulletin issue, for its calendar page."""
    return BulletinIssue.objects.filter(body=body, is_published=True).order_by("-period_start").first()


def count_found(query: str, *, first: dt.date, days: int, cap: int) -> int:
    """How many events of the calendar of all bodies match `query` with a date in the `days` from
    `first` (search_found's total), counted up to `cap`. One query, which goes through the matches
    and looks up each one's days until it has `cap` (only public events have calendar days); the
    matches are only those with a date in the window's months."""
    in_range = (
        f"EXISTS (SELECT 1 FROM {CalendarDay._meta.db_table} WHERE event_id = {{id}} AND body_id IS NULL"
        " AND day >= %s AND day < %s)"
    )
    last = first + dt.timedelta(days=days)
    bounds = [connection.ops.adapt_datefield_value(day) for day in (first, last)]
    months = month_words(first, last)
    return len(search.first_matches(coming_kind(first), query, also=in_range, params=bounds, limit=cap, any_of=months))


def search_found(query: str, limit: int, *, first: dt.date, days: int) -> tuple[int, list[tuple[Event, dt.datetime]]]:
    """The events of the calendar of all bodies whose texts match `query` with a date in the
    `days` from `first`, as the calendar's list shows them: how many events, and the first `limit`
    with the start of their first date there. One query, two with events to show."""
    if not search.query_groups(query):
        return 0, []
    criteria = Criteria(q=query)
    last = first + dt.timedelta(days=days)
    total = calendar_days(criteria, first, last).values("event_id").distinct().count()
    if not limit or not total:
        return total, []
    rows = calendar_days(criteria, first, last).select_related("occurrence__event").order_by("day", "start", "event_id")
    found: dict[int, tuple[Event, dt.datetime]] = {}
    for row in rows[: limit * 8]:  # a few dates of each event are enough to find `limit` events
        found.setdefault(row.event_id, (row.occurrence.event, row.occurrence.local_start))
    return total, list(found.values())[:limit]
