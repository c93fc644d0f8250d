"""iCalendar (RFC 5545) of one event or of a calendar's events.

A series is one VEVENT with RRULE and EXDATE; times carry TZID=Europe/Helsinki with its VTIMEZONE,
so a phone keeps 18.00 at 18.00 over the changes to and from summer time. A cancelled event is
STATUS:CANCELLED, a postponed one TENTATIVE; nothing is left out silently.

The text is written directly (escaped and folded at 75 octets as the RFC asks), not through an
object model: a feed of a few hundred events is then a few milliseconds of string joining. The
tests read every file back with a strict parser and round-trip it.
"""

import datetime as dt
from collections.abc import Callable

from django.conf import settings
from django.utils import timezone

from kumppani.core.slugs import page_addresses
from kumppani.events.models import HELSINKI, CancelledDate, EventStatus, Recurrence
from kumppani.events.queries import FeedEvent

_STATUS = {
    EventStatus.PUBLISHED: "CONFIRMED",
    EventStatus.CANCELLED: "CANCELLED",
    EventStatus.POSTPONED: "TENTATIVE",
}
TZID = "Europe/Helsinki"
# Finland's time since 1983 (EU rules): summer time from the last Sunday of March at 03.00 to the
# last Sunday of October at 04.00, local time.
VTIMEZONE = [
    "BEGIN:VTIMEZONE",
    f"TZID:{TZID}",
    "BEGIN:STANDARD",
    "DTSTART:19701025T040000",
    "TZOFFSETFROM:+0300",
    "TZOFFSETTO:+0200",
    "TZNAME:EET",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "BEGIN:DAYLIGHT",
    "DTSTART:19700329T030000",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0300",
    "TZNAME:EEST",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "END:VTIMEZONE",
]
_ESCAPES = str.maketrans({"\\": "\\\\", ";": "\\;", ",": "\\,", "\n": "\\n", "\r": ""})


def _escape(text: str) -> str:
    return text.translate(_ESCAPES)


def _fold(line: str) -> str:
    """A content line folded at 75 octets (a fold never splits a UTF-8 character)."""
    if line.isascii():
        if len(line) <= 75:
            return line
        return "\r\n ".join([line[:75], *(line[n : n + 74] for n in range(75, len(line), 74))])
    if len(line.encode()) <= 75:
        return line
    parts, current, size, limit = [], [], 0, 75
    for char in line:
        width = len(char.encode())
        if size + width > limit:
            parts.append("".join(current))
            current, size, limit = [], 0, 74  # continuation lines begin with a space
        current.append(char)
        size += width
    parts.append("".join(current))
    return "\r\n ".join(parts)


def _utc(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def _local(moment: dt.datetime) -> str:
    return moment.strftime("%Y%m%dT%H%M%S")


def _vevent(event: FeedEvent, stamp: str, cancelled: list[dt.date], page: Callable[[str], str]) -> list[str]:
    lines = ["BEGIN:VEVENT", f"UID:{event.uuid}@kumppani", f"DTSTAMP:{stamp}"]
    lines.append(f"LAST-MODIFIED:{_utc(event.updated_at)}")
    lines.append(f"SUMMARY:{_escape(event.name)}")
    description = event.text
    if event.status_reason and event.status != EventStatus.PUBLISHED:
        description = f"{event.get_status_display()}: {event.status_reason}\n\n{description}".strip()
    if description:
        lines.append(f"DESCRIPTION:{_escape(description)}")
    start, end = event.start, event.end
    if event.all_day:
        lines.append(f"DTSTART;VALUE=DATE:{start:%Y%m%d}")
        lines.append(f"DTEND;VALUE=DATE:{end:%Y%m%d}")
    else:
        lines.append(f"DTSTART;TZID={TZID}:{_local(start)}")
        lines.append(f"DTEND;TZID={TZID}:{_local(end)}")
    if event.recurrence and event.recurrence_until:
        if event.all_day:
            until = f"{event.recurrence_until:%Y%m%d}"
        else:
            until = _utc(dt.datetime.combine(event.recurrence_until, dt.time(23, 59, 59), HELSINKI))
        interval = ";INTERVAL=2" if event.recurrence == Recurrence.BIWEEKLY else ""
        lines.append(f"RRULE:FREQ=WEEKLY;UNTIL={until}{interval}")
        if cancelled and event.all_day:
            lines.append("EXDATE;VALUE=DATE:" + ",".join(f"{d:%Y%m%d}" for d in cancelled))
        elif cancelled:
            at = start.time()
            lines.append(f"EXDATE;TZID={TZID}:" + ",".join(_local(dt.datetime.combine(d, at)) for d in cancelled))
    if event.place:
        lines.append(f"LOCATION:{_escape(event.place)}")
    lines.append(f"URL:{settings.SITE_URL}{page(event.slug)}")
    lines.append(f"STATUS:{_STATUS.get(event.status, 'TENTATIVE')}")
    lines.append("CLASS:PUBLIC")
    lines.append("END:VEVENT")
    return lines


def calendar(events: list[FeedEvent], *, name: str) -> bytes:
    """The events (see queries.feed_rows) as an iCalendar file named `name`."""
    stamp = _utc(timezone.now())
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Kumppani//Tapahtumat//FI",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{_escape(name)}",
        f"X-WR-TIMEZONE:{TZID}",
    ]
    if any(not event.all_day for event in events):
        lines += VTIMEZONE
    # The cancelled dates of the series among them, in one query (only series have them).
    cancelled: dict[int, list[dt.date]] = {}
    series = [event.pk for event in events if event.recurrence]
    for event_id, date in (
        CancelledDate.objects.filter(event_id__in=series).order_by("date").values_list("event_id", "date")
    ):
        cancelled.setdefault(event_id, []).append(date)
    # The events' pages: the address made once (reversing it for each event was a tenth of a feed).
    page = page_addresses("events:detail")
    for event in events:
        lines += _vevent(event, stamp, cancelled.get(event.pk, []), page)
    lines.append("END:VCALENDAR")
    return ("\r\n".join(_fold(line) for line in lines) + "\r\n").encode()
