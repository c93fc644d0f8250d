"""Local time, Finnish public holidays and iCalendar files of bookings.

Every time a person gives or reads is Europe/Helsinki wall time: a weekly series at 17.00 stays at
17.00 across the change to and from summer time, because each date is combined with the local time
on its own (zoneinfo picks that date's offset).
"""

import datetime as dt
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays
from django.conf import settings
from django.urls import reverse
from django.utils.translation import get_language
from icalendar import Calendar, Event

HELSINKI = ZoneInfo("Europe/Helsinki")


def local(date: dt.date, time: dt.time) -> dt.datetime:
    return dt.datetime.combine(date, time, tzinfo=HELSINKI)


def local_date(moment: dt.datetime) -> dt.date:
    return moment.astimezone(HELSINKI).date()


# The languages of the site in the `holidays` library's names for them.
HOLIDAY_LANGUAGES = {"fi": "fi", "sv": "sv_FI", "en": "en_US"}


@lru_cache(maxsize=64)
def _finnish_holidays(year: int, language: str) -> dict[dt.date, str]:
    return dict(holidays.Finland(years=year, language=language))


def holiday_name(date: dt.date) -> str | None:
    """The Finnish public holiday on `date` (from the maintained `holidays` library) in the active
    language, or None."""
    language = HOLIDAY_LANGUAGES.get((get_language() or "fi")[:2], "fi")
    return _finnish_holidays(date.year, language).get(date)


def weekly_dates(first: dt.date, last: dt.date) -> list[dt.date]:
    """`first` and every seventh day after it up to `last`."""
    dates, day = [], first
    while day <= last:
        dates.append(day)
        day += dt.timedelta(days=7)
    return dates


def ics(bookings) -> str:
    """An iCalendar (RFC 5545) file with one event per booking, times in UTC."""
    calendar = Calendar()
    calendar.add("prodid", "-//Kumppani//premises//FI")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    for booking in bookings:
        space = booking.space
        event = Event()
        event.add("uid", f"booking-{booking.pk}@kumppani")
        event.add("dtstamp", booking.created_at.astimezone(dt.UTC))
        event.add("dtstart", booking.start.astimezone(dt.UTC))
        event.add("dtend", booking.end.astimezone(dt.UTC))
        event.add("summary", f"{space.name}: {booking.purpose}")
        event.add("location", f"{space.street_address}, {space.municipality.name}")
        event.add("status", "CONFIRMED" if booking.status == "confirmed" else "TENTATIVE")
        event.add("url", settings.SITE_URL + reverse("premises:booking", args=[booking.pk]))
        calendar.add_component(event)
    return calendar.to_ical().decode()
