"""Reads of spaces and bookings whose number of queries does not grow with the data: the space
list with its filters, the busy times of a week or a month, waiting approvals, a person's coming
bookings, and the hours and value of free use for the welfare report."""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.db import connection
from django.db.models import Count, DurationField, Exists, ExpressionWrapper, F, OuterRef, Q, QuerySet, Sum
from django.utils import timezone
from django.utils.translation import get_language

from kumppani.core.models import PublicBody
from kumppani.organisations.models import Organisation
from kumppani.organisations.rules import membership_roles
from kumppani.premises import calendar
from kumppani.premises.models import (
    ACTIVE_STATUSES,
    SHORT_SPAN,
    Booking,
    BookingStatus,
    ClosedDay,
    OpeningHours,
    Space,
    equipment_labels,
    overlap_floor,
)
from kumppani.premises.rules import managed_space_ids, premises_body_ids


@dataclass
class Criteria:
    municipality: PublicBody | None = None
    people: int | None = None
    accessible: bool = False
    equipment: list[str] = field(default_factory=list)
    date: dt.date | None = None
    start: dt.time | None = None
    end: dt.time | None = None


def spaces_matching(criteria: Criteria) -> QuerySet[Space]:
    """Published spaces that fit the criteria. With a date and a time range, only spaces open then
    and free then (no active booking or blocked time, buffer included; never on a public holiday)."""
    spaces = Space.objects.filter(is_published=True)
    if criteria.municipality is not None:
        spaces = spaces.filter(municipality=criteria.municipality)
    if criteria.people:
        spaces = spaces.filter(capacity__gte=criteria.people)
    if criteria.accessible:
        spaces = spaces.filter(is_accessible=True)
    for code in criteria.equipment:
        spaces = spaces.filter(equipment_codes__contains=f" {code} ")
    if criteria.date is not None:
        if calendar.holiday_name(criteria.date):
            return spaces.none()
        start_time = criteria.start or dt.time(0, 0)
        end_time = criteria.end or dt.time(23, 59)
        start, end = calendar.local(criteria.date, start_time), calendar.local(criteria.date, end_time)
        spaces = spaces.filter(
            Exists(
                OpeningHours.objects.filter(
                    space=OuterRef("pk"), weekday=criteria.date.weekday(), opens__lte=start_time, closes__gte=end_time
                )
            )
        ).exclude(Exists(ClosedDay.objects.filter(space=OuterRef("pk"), date=criteria.date)))
        # Taken then: the bookings of every space that start from a day before the time (no booking
        # of most spaces is held longer), read once from their own index (looking up each space's
        # own took twice as long); spaces that have held a longer booking or blocked time also look
        # further back in their (space, start) index.
        held = Booking.objects.filter(status__in=ACTIVE_STATUSES, start__lt=end, held_until__gt=start)
        spaces = spaces.exclude(pk__in=held.filter(start__gte=start - SHORT_SPAN).values("space_id"))
        longer = Q(longest_minutes__gt=SHORT_SPAN.total_seconds() // 60)
        spaces = spaces.exclude(longer & Exists(held.filter(space=OuterRef("pk"))))
    return spaces.select_related("municipality", "body").order_by("name", "pk")


_LANGUAGES = [code for code, _name in settings.LANGUAGES]


@dataclass
class SpaceCard:
    """A space as the search lists it, in the language of the request (Finnish where a text is
    missing, as the models show it). Read as plain values: twenty spaces with their municipality and
    body as model instances took a fifth of the search's time."""

    pk: int
    slug: str
    name: str
    unit_name: str
    street_address: str
    municipality_name: str
    body_name: str
    capacity: int
    is_accessible: bool
    price_own_ngos: Decimal
    equipment_codes: str

    def equipment_labels(self) -> list[str]:
        return equipment_labels(self.equipment_codes.split())


def spaces_in_order(ids: list[int]) -> list[SpaceCard]:
    """The spaces of `ids` in that order as the search shows them: one query."""
    finnish = settings.LANGUAGE_CODE
    language = get_language() if get_language() in _LANGUAGES else finnish
    texts = ("name", "unit_name", "municipality__name", "body__name")
    columns = {f"{base}_{code}" for base in texts for code in (language, finnish)}
    plain = ("slug", "street_address", "capacity", "is_accessible", "price_own_ngos", "equipment_codes")
    found = {}
    for row in Space.objects.filter(pk__in=ids).values("pk", *plain, *columns):
        text = {base: row[f"{base}_{language}"] or row[f"{base}_{finnish}"] or "" for base in texts}
        found[row["pk"]] = SpaceCard(
            pk=row["pk"],
            **{name: row[name] for name in plain},
            name=text["name"],
            unit_name=text["unit_name"],
            municipality_name=text["municipality__name"],
            body_name=text["body__name"],
        )
    return [found[pk] for pk in ids if pk in found]


@dataclass(frozen=True)
class Busy:
    """A busy time of a space: who holds it only when `names` was asked (for its managers)."""

    pk: int
    start: dt.datetime
    end: dt.datetime
    is_block: bool = False
    purpose: str = ""
    organisation_name: str = ""
    status: str = ""


@dataclass(frozen=True)
class Hours:
    weekday: int
    opens: dt.time
    closes: dt.time


@dataclass
class Day:
    date: dt.date
    opening: list[Hours]
    busy: list[Busy]
    holiday: str | None
    closed: bool


def days(space: Space, first: dt.date, last: dt.date, *, names: bool = False) -> list[Day]:
    """Each day from `first` to `last` with its opening hours, closures and busy times: the active
    bookings and blocked times (with `names` also what each is and the NGO's name), read over a
    bounded range of the (space, start) index. A busy time that runs over midnight shows on each
    of its days. `space` needs only its pk and longest_minutes."""
    begins = calendar.local(first, dt.time(0))
    ends = calendar.local(last + dt.timedelta(days=1), dt.time(0))
    # The three statements are written out: the ORM took 0.3–0.4 ms to build each one that the
    # database answers in 0.03 ms, most of the time of a month's page and API answer.
    # tests/premises/test_queries.py checks them against the same reads through the ORM.
    ops = connection.ops
    opening_sql = f"SELECT weekday, opens, closes FROM {_OPENING} WHERE space_id = %s ORDER BY weekday, opens"
    opening: dict[int, list[Hours]] = {}
    for row in _rows(opening_sql, [space.pk]):
        opening.setdefault(row[0], []).append(Hours(*row))
    closed_sql = f"SELECT date FROM {_CLOSED} WHERE space_id = %s AND date BETWEEN %s AND %s"
    closed = {
        row[0]
        for row in _rows(closed_sql, [space.pk, ops.adapt_datefield_value(first), ops.adapt_datefield_value(last)])
    }
    busy_sql = f'SELECT b.id, b.start, b."end" FROM {_BOOKING} b'
    if names:
        busy_sql = (
            f"SELECT b.id, b.start, b.\"end\", b.is_block, b.purpose, COALESCE(o.name, ''), b.status FROM {_BOOKING} b"
            f" LEFT JOIN {_NGO} o ON o.id = b.organisation_id"
        )
    statuses = ", ".join(["%s"] * len(ACTIVE_STATUSES))
    rows = _rows(
        f"""{busy_sql} WHERE b.space_id = %s AND b.status IN ({statuses})
        AND b.start >= %s AND b.start < %s AND b."end" > %s ORDER BY b.start""",
        [space.pk, *ACTIVE_STATUSES, *map(ops.adapt_datetimefield_value, (overlap_floor(space, begins), ends, begins))],
    )
    by_day: dict[dt.date, list[Busy]] = {}
    for pk, start, end, *description in rows:
        busy = Busy(pk, _aware(start), _aware(end), *description)
        day = max(calendar.local_date(busy.start), first)
        final = calendar.local_date(busy.end - dt.timedelta(microseconds=1))
        while day <= final and day <= last:
            by_day.setdefault(day, []).append(busy)
            day += dt.timedelta(days=1)
    result, day = [], first
    while day <= last:
        result.append(
            Day(
                date=day,
                opening=opening.get(day.weekday(), []),
                busy=by_day.get(day, []),
                holiday=calendar.holiday_name(day),
                closed=day in closed,
            )
        )
        day += dt.timedelta(days=1)
    return result


_BOOKING, _OPENING, _CLOSED, _NGO = (model._meta.db_table for model in (Booking, OpeningHours, ClosedDay, Organisation))


def _rows(sql: str, params: list) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _aware(moment: dt.datetime) -> dt.datetime:
    """A time read by hand: SQLite gives it without a zone, in UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def managed_spaces(user) -> Q:
    """The spaces a person manages: those of bodies where they are premises manager, and named ones."""
    return Q(space__body_id__in=premises_body_ids(user)) | Q(space_id__in=managed_space_ids(user))


def waiting_for(user) -> QuerySet[Booking]:
    """Requested bookings the person may approve, earliest first (one row per series' first waiting date)."""
    scope = Q() if getattr(user, "is_staff", False) else managed_spaces(user)
    return (
        Booking.objects.filter(scope, status=BookingStatus.REQUESTED, start__gt=timezone.now())
        .select_related("space", "organisation", "series")
        .order_by("start", "pk")
    )


def coming_for(user) -> QuerySet[Booking]:
    """The coming active bookings of the NGOs the person represents."""
    return (
        Booking.objects.filter(
            organisation_id__in=list(membership_roles(user)),
            status__in=ACTIVE_STATUSES,
            end__gt=timezone.now(),
        )
        .select_related("space", "organisation")
        .order_by("start", "pk")
    )


@dataclass
class UsageRow:
    space: Space
    bookings: int
    hours: Decimal
    value: Decimal


def usage(body: PublicBody, year: int) -> list[UsageRow]:
    """Per space of the body: confirmed NGO bookings that started in `year` (Helsinki time), their
    hours, and the value of free use: the hours × (the public hourly price − what the NGO paid),
    each booking at the prices of its own day. One query, grouped by space and prices."""
    start, end = calendar.local(dt.date(year, 1, 1), dt.time(0)), calendar.local(dt.date(year + 1, 1, 1), dt.time(0))
    duration = ExpressionWrapper(F("end") - F("start"), output_field=DurationField())
    groups = (
        Booking.objects.filter(
            space__body=body,
            status=BookingStatus.CONFIRMED,
            is_block=False,
            start__gte=start,
            start__lt=end,
        )
        .values("space_id", "public_hourly_price", "hourly_price")
        .annotate(duration=Sum(duration), count=Count("pk"))
        .order_by()
    )
    spaces = {space.pk: space for space in Space.objects.filter(body=body).order_by("name", "pk")}
    rows = {pk: UsageRow(space, 0, Decimal("0"), Decimal("0")) for pk, space in spaces.items()}
    for group in groups:
        row = rows[group["space_id"]]
        hours = Decimal(group["duration"].total_seconds()) / Decimal(3600)
        row.bookings += group["count"]
        row.hours += hours
        row.value += hours * max(group["public_hourly_price"] - group["hourly_price"], Decimal("0"))
    return list(rows.values())


def usage_totals(rows: list[UsageRow]) -> UsageRow:
    return UsageRow(
        None,
        sum(r.bookings for r in rows),
        sum((r.hours for r in rows), Decimal("0")),
        sum((r.value for r in rows), Decimal("0")),
    )
