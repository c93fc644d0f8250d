"""Reads of the calendar, its feeds and the NGO's and body's pages. Each answers in a fixed number
of queries however many events there are: the occurrences are read by their (start, end) index and
every event's relations come in one query each."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, QuerySet
from django.utils import timezone

from kumppani.core import search
from kumppani.events.indexing import SEARCH_KIND
from kumppani.events.models import (
    HELSINKI,
    PUBLIC_STATUSES,
    BulletinIssue,
    Event,
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


def public_events(criteria: Criteria = Criteria()) -> QuerySet:
    """Events a resident sees (published, cancelled or postponed, approved in some calendar, or in
    the calendar of the chosen body), narrowed by the criteria."""
    approved = Listing.objects.filter(status=ListingStatus.APPROVED)
    if criteria.body is not None:
        # One body's calendar: its approved listings (an index of body, status, event) name the
        # events, so the database starts from them rather than testing every event in turn.
        events = Event.objects.filter(pk__in=approved.filter(body=criteria.body).values("event_id"))
    else:
        events = Event.objects.filter(Exists(approved.filter(event=OuterRef("pk"))))
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


def occurrences(criteria: Criteria, first: dt.date, last: dt.date) -> list[Occurrence]:
    """The dates of matching events that touch the days [first, last), in time order: one query."""
    begin, end = day_bounds(first, last)
    return list(
        Occurrence.objects.filter(start__lt=end, end__gt=begin, event__in=public_events(criteria).values("pk"))
        .select_related("event", "event__organisation", "event__organiser_body", "event__municipality")
        .order_by("start", "event_id")
    )


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


def feed_events(criteria: Criteria, first: dt.date, last: dt.date, limit: int = 500) -> list[Event]:
    """Events with a date in [first, last), each once, for the iCalendar and RSS feeds."""
    begin, end = day_bounds(first, last)
    in_range = Occurrence.objects.filter(event=OuterRef("pk"), start__lt=end, end__gt=begin)
    return list(
        public_events(criteria)
        .filter(Exists(in_range))
        .select_related("organisation", "organiser_body", "municipality")
        .prefetch_related("cancelled_dates")
        .order_by("start", "pk")[:limit]
    )


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
