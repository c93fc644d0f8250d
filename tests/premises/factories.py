"""Spaces and bookings for the premises tests, made through the app's own services."""

import datetime as dt

from django.utils import timezone

from kumppani.premises import calendar, services
from tests import factories

EVERY_DAY = [(weekday, dt.time(8, 0), dt.time(21, 0)) for weekday in range(7)]


def manager(body):
    return factories.official(body, role="premises_manager")


def space(body=None, *, by=None, opening_hours=None, **data):
    body = body or factories.salo()
    values = {
        "name_fi": "Kokoushuone Kajava",
        "street_address": "Kirjastonkatu 1",
        "municipality": body if body.kind != "county" else factories.tampere(),
        "capacity": 20,
        "max_days_ahead": 800,
    }
    values.update(data)
    return services.space_save(
        by=by or manager(body),
        body=body,
        data=values,
        opening_hours=EVERY_DAY if opening_hours is None else opening_hours,
    )


def future_weekday(weekday: int, *, weeks: int = 2) -> dt.date:
    """A day `weeks` weeks ahead on `weekday` that is not a public holiday."""
    day = calendar.local_date(timezone.now()) + dt.timedelta(weeks=weeks)
    day += dt.timedelta(days=(weekday - day.weekday()) % 7)
    while calendar.holiday_name(day):
        day += dt.timedelta(days=7)
    return day


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return calendar.local(day, dt.time(hour, minute))


def book(space, organisation, person, day, start=17, end=19, **extra):
    values = {"purpose": "Vertaistukiryhmä", "people": 10}
    values.update(extra)
    return services.booking_create(
        by=person, space=space, organisation=organisation, start=at(day, start), end=at(day, end), **values
    )
