"""queries.days reads a space's opening hours, closed days and busy times with written SQL; these
tests hold it to the same reads through the ORM, on SQLite and PostgreSQL alike."""

import datetime as dt

import pytest

from kumppani.premises import calendar, queries, services
from kumppani.premises.models import ACTIVE_STATUSES, Booking, ClosedDay, OpeningHours
from tests import factories
from tests.premises import factories as premises

pytestmark = pytest.mark.django_db


@pytest.fixture
def month():
    """A space's month with every kind of busy time and some that must not show."""
    salo = factories.salo()
    boss = premises.manager(salo)
    weekdays = [(0, dt.time(9), dt.time(20)), (3, dt.time(8), dt.time(21))]
    space = premises.space(salo, by=boss, opening_hours=weekdays, needs_approval=True)
    other = premises.space(salo, by=boss, name_fi="Toinen tila")
    ngo = factories.organisation("Salon Kuurot ry", areas=[salo])
    rep = factories.representative(ngo)
    weeks = 5
    while premises.future_weekday(0, weeks=weeks).day > 20:  # the month holds the whole fortnight
        weeks += 1
    monday = premises.future_weekday(0, weeks=weeks)
    first = monday.replace(day=1)
    last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    waiting = premises.book(space, ngo, rep, monday, 17, 19)[0]
    confirmed = premises.book(space, ngo, rep, monday, 10, 11)[0]
    services.booking_decide(by=boss, booking=confirmed, approve=True)
    rejected = premises.book(space, ngo, rep, monday + dt.timedelta(days=3), 9, 10)[0]
    services.booking_decide(by=boss, booking=rejected, approve=False, reason="Päällekkäin")
    cancelled = premises.book(space, ngo, rep, monday + dt.timedelta(days=3), 12, 13)[0]
    services.booking_cancel(by=rep, booking=cancelled)
    premises.book(other, ngo, rep, monday, 17, 19)  # another space's
    # A block over two midnights that starts before the month: it shows on the month's first days.
    block_start = calendar.local(first - dt.timedelta(days=2), dt.time(12))
    block = services.time_block(
        by=boss, space=space, start=block_start, end=block_start + dt.timedelta(days=3), reason="Remontti"
    )
    eve = calendar.local(first - dt.timedelta(days=3), dt.time(8))  # over before the month
    before = services.time_block(by=boss, space=space, start=eve, end=eve + dt.timedelta(hours=2), reason="Huolto")
    ClosedDay.objects.create(space=space, date=monday + dt.timedelta(days=7), note="Siivous")
    ClosedDay.objects.create(space=other, date=monday + dt.timedelta(days=8))
    space.refresh_from_db()
    return {
        "space": space,
        "first": first,
        "last": last,
        "block": block,
        "shown": {waiting.pk, confirmed.pk, block.pk},
        "hidden": {rejected.pk, cancelled.pk, before.pk},
    }


def _through_the_orm(space, first, last):
    """Day by day, what the ORM reads of the space: (opening hours, closed, busy ids)."""
    begins, ends = calendar.local(first, dt.time(0)), calendar.local(last + dt.timedelta(days=1), dt.time(0))
    bookings = Booking.objects.filter(space=space, status__in=ACTIVE_STATUSES, start__lt=ends, end__gt=begins)
    hours = OpeningHours.objects.filter(space=space).order_by("weekday", "opens")
    closed = set(ClosedDay.objects.filter(space=space).values_list("date", flat=True))
    days, day = [], first
    while day <= last:
        day_begins, day_ends = calendar.local(day, dt.time(0)), calendar.local(day + dt.timedelta(days=1), dt.time(0))
        days.append(
            (
                [(h.opens, h.closes) for h in hours if h.weekday == day.weekday()],
                day in closed,
                sorted(b.pk for b in bookings if b.start < day_ends and b.end > day_begins),
            )
        )
        day += dt.timedelta(days=1)
    return days


def test_a_month_reads_what_the_orm_reads(month):
    space, first, last = month["space"], month["first"], month["last"]
    days = queries.days(space, first, last)
    assert [d.date for d in days] == [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]
    written = [([(h.opens, h.closes) for h in d.opening], d.closed, sorted(b.pk for b in d.busy)) for d in days]
    assert written == _through_the_orm(space, first, last)
    shown = {busy.pk for day in days for busy in day.busy}
    assert shown == month["shown"] and not shown & month["hidden"]
    assert [busy.pk for busy in days[0].busy] == [busy.pk for busy in days[1].busy] == [month["block"].pk]
    assert sum(day.closed for day in days) == 1 and any(day.opening for day in days)


def test_busy_times_are_aware_and_described_only_when_asked(month):
    space, first, last = month["space"], month["first"], month["last"]
    public = [busy for day in queries.days(space, first, last) for busy in day.busy]
    assert all(busy.start.tzinfo is not None and busy.organisation_name == "" for busy in public)
    stored = {b.pk: b for b in Booking.objects.filter(pk__in=month["shown"])}
    assert {(b.pk, b.start, b.end) for b in public} == {(pk, b.start, b.end) for pk, b in stored.items()}
    described = {busy.pk: busy for day in queries.days(space, first, last, names=True) for busy in day.busy}
    for pk, booking in stored.items():
        busy = described[pk]
        assert (busy.is_block, busy.purpose, busy.status) == (booking.is_block, booking.purpose, booking.status)
        assert busy.organisation_name == (booking.organisation.name if booking.organisation else "")
    assert {busy.organisation_name for busy in described.values()} == {"Salon Kuurot ry", ""}
