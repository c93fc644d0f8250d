"""iCalendar (RFC 5545) of one event or of a calendar's events.

A series is one VEVENT with RRULE and EXDATE; times carry TZID=Europe/Helsinki with its VTIMEZONE,
so a phone keeps 18.00 at 18.00 over the changes to and from summer time. A cancelled event is
STATUS:CANCELLED, a postponed one TENTATIVE; nothing is left out silently.
"""

import datetime as dt

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as VEvent

from kumppani.events.models import HELSINKI, Event, EventStatus, Recurrence

_STATUS = {
    EventStatus.PUBLISHED: "CONFIRMED",
    EventStatus.CANCELLED: "CANCELLED",
    EventStatus.POSTPONED: "TENTATIVE",
}


def _vevent(event: Event, language: str) -> VEvent:
    vevent = VEvent()
    vevent.add("uid", f"{event.uuid}@kumppani")
    vevent.add("dtstamp", timezone.now().astimezone(dt.UTC))
    vevent.add("last-modified", event.updated_at.astimezone(dt.UTC))
    vevent.add("summary", _text(event, "name", language))
    description = _text(event, "short_description", language) or _text(event, "description", language)
    if event.status_reason and event.status != EventStatus.PUBLISHED:
        description = f"{event.get_status_display()}: {event.status_reason}\n\n{description}".strip()
    if description:
        vevent.add("description", description)
    start, end = timezone.localtime(event.start, HELSINKI), timezone.localtime(event.end, HELSINKI)
    if event.all_day:
        vevent.add("dtstart", start.date())
        vevent.add("dtend", end.date())
    else:
        vevent.add("dtstart", start)
        vevent.add("dtend", end)
    if event.recurrence and event.recurrence_until:
        last = dt.datetime.combine(event.recurrence_until, dt.time(23, 59, 59), HELSINKI).astimezone(dt.UTC)
        rule = {"freq": "weekly", "until": event.recurrence_until if event.all_day else last}
        if event.recurrence == Recurrence.BIWEEKLY:
            rule["interval"] = 2
        vevent.add("rrule", rule)
        for cancelled in event.cancelled_dates.all():
            if event.all_day:
                vevent.add("exdate", cancelled.date)
            else:
                vevent.add("exdate", dt.datetime.combine(cancelled.date, start.timetz().replace(tzinfo=None), HELSINKI))
    if event.is_online and not event.street_address:
        vevent.add("location", event.online_url)
    else:
        vevent.add("location", event.location_text())
    vevent.add("url", settings.SITE_URL + event.get_absolute_url())
    vevent.add("status", _STATUS.get(event.status, "TENTATIVE"))
    vevent.add("class", "PUBLIC")
    return vevent


def _text(event: Event, field: str, language: str) -> str:
    return getattr(event, f"{field}_{language}", None) or getattr(event, f"{field}_fi", None) or ""


def calendar(events: list[Event], *, name: str, language: str) -> bytes:
    cal = Calendar()
    cal.add("prodid", "-//Kumppani//Tapahtumat//FI")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Europe/Helsinki")
    for event in events:
        cal.add_component(_vevent(event, language))
    if events:
        cal.add_missing_timezones()
    return cal.to_ical()
