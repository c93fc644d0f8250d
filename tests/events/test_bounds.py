"""What keeps the calendar's pages, feeds and API bounded however many events there are: the
calendar's days kept in step with the events, the feed's limit, the API's bounded count, and the
script-free snippet of the embed."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from icalendar import Calendar
from rest_framework.test import APIClient

from kumppani.events import queries, services
from kumppani.events.models import CalendarDay
from tests import factories
from tests.events import factories as ef

pytestmark = pytest.mark.django_db

DAY = dt.date(2026, 12, 10)


@pytest.fixture
def ngo():
    return factories.organisation("Salon Kuoro ry")


def _days(event):
    return sorted(
        (str(body), str(day)) for body, day in CalendarDay.objects.filter(event=event).values_list("body__slug", "day")
    )


def test_the_calendar_days_follow_the_event(ngo):
    by = factories.representative(ngo)
    draft = ef.event(ngo, by=by, name_fi="Leiri", day=DAY, end=ef.at(DAY + dt.timedelta(days=2), 15))
    assert _days(draft) == []  # a draft is in no calendar
    [listing] = services.event_submit(by=by, event=draft, bodies=[factories.salo()])
    assert _days(draft) == []  # nor while it waits for approval
    services.listing_decide(by=factories.official(factories.salo(), role="official"), listing=listing, approve=True)
    days = ["2026-12-10", "2026-12-11", "2026-12-12"]  # a multi-day event is on each of its days
    assert _days(draft) == sorted([("None", d) for d in days] + [("salo", d) for d in days])
    services.event_set_status(by=by, event=draft, status="cancelled", reason="Sairastuminen")
    assert len(_days(draft)) == 6  # a cancelled event stays in the calendar, marked
    services.event_set_status(by=by, event=draft, status="published")
    services.event_update(by=by, event=draft, data={"start": ef.at(DAY, 10), "end": ef.at(DAY, 12)})
    assert _days(draft) == []  # a new time waits for the editors again, out of the calendar
    services.listing_decide(
        by=factories.official(factories.salo(), role="official"), listing=draft.listings.get(), approve=True
    )
    assert _days(draft) == [("None", "2026-12-10"), ("salo", "2026-12-10")]


def test_a_series_is_on_each_of_its_dates_and_leaves_with_its_last_calendar(ngo):
    event = ef.published(ngo, day=DAY, recurrence="weekly", recurrence_until=DAY + dt.timedelta(days=14))
    assert [d for b, d in _days(event) if b == "salo"] == ["2026-12-10", "2026-12-17", "2026-12-24"]
    listing = event.listings.get()
    services.listing_decide(
        by=factories.official(factories.salo(), role="official"), listing=listing, approve=False, reason="Ei"
    )
    assert _days(event) == []


def test_the_feed_holds_at_most_its_limit_the_first_first(client, ngo, monkeypatch):
    for n in range(4):
        ef.published(ngo, name_fi=f"Tapahtuma {n}", day=DAY + dt.timedelta(days=3 - n))
    monkeypatch.setattr(queries, "FEED_LIMIT", 3)
    response = client.get(reverse("events:feed_ics"), {"body": "salo", "start": DAY.isoformat()})
    names = [str(v["SUMMARY"]) for v in Calendar.from_ical(response.content).walk("VEVENT")]
    assert names == ["Tapahtuma 3", "Tapahtuma 2", "Tapahtuma 1"]  # the earliest three


def test_the_feed_starts_30_days_back_by_default(client, ngo):
    today = dt.date.today()
    ef.published(ngo, name_fi="Viime kuussa", day=today - dt.timedelta(days=20))
    ef.published(ngo, name_fi="Kauan sitten", day=today - dt.timedelta(days=45))
    text = client.get(reverse("events:feed_ics"), {"body": "salo"}).content.decode()
    assert "Viime kuussa" in text and "Kauan sitten" not in text


def test_the_api_counts_at_most_a_few_pages_ahead(ngo, monkeypatch):
    for n in range(5):
        ef.published(ngo, name_fi=f"Tapahtuma {n}")
    api = APIClient()
    whole = api.get("/api/v1/events/", {"page_size": 2}).json()
    assert (whole["count"], whole["count_is_exact"], len(whole["results"])) == (5, True, 2)
    from kumppani.events.api import EventPagination

    monkeypatch.setattr(EventPagination, "LOOKAHEAD_PAGES", 1)
    first = api.get("/api/v1/events/", {"page_size": 1}).json()
    assert (first["count"], first["count_is_exact"]) == (2, False) and first["next"]
    third = api.get("/api/v1/events/", {"page_size": 1, "page": 3}).json()
    assert third["results"][0]["name"]["fi"] == "Tapahtuma 2" and third["next"]


def test_the_embed_shows_a_script_free_snippet_to_copy(client, ngo):
    ef.published(ngo, name_fi="Joulukonsertti", name_sv="Julkonsert", day=dt.date.today() + dt.timedelta(days=2))
    cancelled = ef.published(ngo, name_fi="Peruttu ilta", day=dt.date.today() + dt.timedelta(days=3))
    services.event_set_status(by=factories.representative(ngo), event=cancelled, status="cancelled")
    snippet = client.get("/sv/tapahtumat/upotus/koodi/", {"body": "salo"})
    html = snippet.content.decode()
    assert snippet.status_code == 200 and "<script" not in html and "<iframe" not in html
    assert "Julkonsert" in html and 'href="http://testserver/sv/tapahtumat/julkonsert' not in html
    assert re.search(r'href="http://testserver/sv/tapahtumat/joulukonsertti-?\d*/"', html)
    assert "Inställt" in html or "Inställd" in html  # the status shows in the snippet too
    page = client.get("/fi/tapahtumat/upotus/", {"body": "salo"}).content.decode()
    assert "&lt;section" in page and "Joulukonsertti" in page  # the code to copy, escaped
    assert "/fi/tapahtumat/upotus/koodi/?body=salo" in page
    refused = client.get("/fi/tapahtumat/upotus/koodi/", {"theme": "ei-ole"})
    assert refused.status_code == 400 and "theme" in refused.content.decode()


@pytest.mark.parametrize("n", [1, 6])
def test_the_snippet_reads_a_fixed_number_of_queries(client, ngo, django_assert_num_queries, n):
    for i in range(n):
        ef.published(ngo, name_fi=f"Tapahtuma {i}", day=dt.date.today() + dt.timedelta(days=1))
    with django_assert_num_queries(2):  # the body, the calendar's days with their events
        response = client.get(reverse("events:embed_snippet"), {"body": "salo"})
    assert response.content.decode().count("/fi/tapahtumat/tapahtuma-") == n


def test_the_list_shows_five_events_a_day_and_links_to_the_rest(client, ngo):
    editor = factories.official(factories.salo(), role="official")
    for i in range(7):
        ef.published(ngo, editor=editor, name_fi=f"Tapahtuma {i}")
    page = client.get("/fi/tapahtumat/", {"start": DAY.isoformat(), "body": "salo"}).content.decode()
    assert page.count('href="/fi/tapahtumat/tapahtuma-') == 5
    more = re.search(r'<a class="more-events" href="\?([^"]+)">\+2 ', page)
    assert more and "view=day" in more[1] and f"date={DAY.isoformat()}" in more[1]


def test_a_large_bodys_api_list_is_the_same_read_in_time_order(ngo, monkeypatch):
    from kumppani.events import api as events_api

    for n in range(3):
        ef.published(ngo, name_fi=f"Tapahtuma {n}", day=DAY + dt.timedelta(days=2 - n))
    ef.published(ngo, factories.tampere(), name_fi="Muualla")
    client = APIClient()
    small = client.get("/api/v1/events/", {"body": "salo", "start": DAY.isoformat()}).json()
    monkeypatch.setattr(events_api, "BODY_LIST_LIMIT", 1)  # as for a body with thousands of events
    large = client.get("/api/v1/events/", {"body": "salo", "start": DAY.isoformat()}).json()
    names = [e["name"]["fi"] for e in small["results"]]
    assert names == ["Tapahtuma 2", "Tapahtuma 1", "Tapahtuma 0"] == [e["name"]["fi"] for e in large["results"]]
