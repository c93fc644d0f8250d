"""The iCalendar files read strictly: every VEVENT with UID and DTSTAMP, a series as RRULE and EXDATE
in local time with its VTIMEZONE, cancelled events as STATUS:CANCELLED, and a round trip unchanged."""

import datetime as dt

import pytest
from dateutil.rrule import rrulestr
from django.urls import reverse
from icalendar import Calendar

from kumppani.events import services
from kumppani.events.models import HELSINKI
from tests import factories
from tests.events import factories as ef

pytestmark = pytest.mark.django_db


def strict(content: bytes) -> Calendar:
    """Parse and check what RFC 5545 requires of us; the text must survive a round trip."""
    assert b"\r\n" in content and all(len(line) <= 75 for line in content.split(b"\r\n"))
    cal = Calendar.from_ical(content)
    assert not cal.errors
    assert cal["VERSION"] == "2.0" and cal["PRODID"]
    tzids = {str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")}
    for vevent in cal.walk("VEVENT"):
        assert not vevent.errors
        assert vevent["UID"] and vevent["DTSTAMP"] and vevent["DTSTART"]
        assert vevent["DTSTAMP"].to_ical().endswith(b"Z")  # DTSTAMP is in UTC
        for key in ("DTSTART", "DTEND"):
            tzid = vevent[key].params.get("TZID")
            assert tzid is None or tzid in tzids
    again = Calendar.from_ical(cal.to_ical())
    assert again.to_ical() == cal.to_ical()
    return cal


@pytest.fixture
def ngo():
    return factories.organisation("Salon Kuoro ry")


def test_a_weekly_series_over_both_clock_changes_keeps_18_00(client, ngo):
    event = ef.published(
        ngo,
        day=dt.date(2026, 3, 17),
        recurrence="weekly",
        recurrence_until=dt.date(2026, 11, 3),
        cancelled_dates=[dt.date(2026, 3, 31)],
    )
    cal = strict(client.get(reverse("events:event_ics", args=[event.slug])).content)
    [vevent] = cal.walk("VEVENT")
    assert [str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")] == ["Europe/Helsinki"]
    assert vevent["DTSTART"].params["TZID"] == "Europe/Helsinki"
    rule = vevent["RRULE"].to_ical().decode()
    assert rule.startswith("FREQ=WEEKLY;UNTIL=20261103T")
    start = vevent.decoded("DTSTART")
    dates = list(rrulestr(rule, dtstart=start))
    exdates = [d.dt for d in vevent["EXDATE"].dts]
    assert exdates == [dt.datetime(2026, 3, 31, 18, tzinfo=HELSINKI)]
    taking_place = [d for d in dates if d not in exdates]
    assert len(dates) == 34 and len(taking_place) == 33
    assert {d.astimezone(HELSINKI).strftime("%H:%M") for d in dates} == {"18:00"}
    # The occurrences shown on the calendar are the same dates.
    assert [o.local_start for o in event.occurrences.filter(is_cancelled=False)] == [
        d.astimezone(HELSINKI) for d in taking_place
    ]


def test_the_feed_holds_every_event_once_and_cancelled_ones_as_cancelled(client, ngo):
    ef.published(ngo, name_fi="Konsertti")
    cancelled = ef.published(ngo, name_fi="Peruttu")
    services.event_set_status(by=factories.representative(ngo), event=cancelled, status="cancelled")
    ef.published(ngo, name_fi="Koko päivä", all_day=True)
    response = client.get(reverse("events:feed_ics"), {"body": "salo", "start": "2026-12-01"})
    cal = strict(response.content)
    statuses = {str(v["SUMMARY"]): str(v["STATUS"]) for v in cal.walk("VEVENT")}
    assert statuses == {"Konsertti": "CONFIRMED", "Peruttu": "CANCELLED", "Koko päivä": "CONFIRMED"}
    [all_day] = [v for v in cal.walk("VEVENT") if str(v["SUMMARY"]) == "Koko päivä"]
    assert all_day.decoded("DTSTART") == dt.date(2026, 12, 10)
    assert all_day.decoded("DTEND") == dt.date(2026, 12, 11)


def test_an_empty_feed_is_still_a_calendar(client):
    cal = strict(client.get(reverse("events:feed_ics")).content)
    assert cal.walk("VEVENT") == []
